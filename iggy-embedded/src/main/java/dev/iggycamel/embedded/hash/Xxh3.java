/*
 * Copyright The camel-iggy Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.iggycamel.embedded.hash;

/**
 * XXH3 64-bit with seed 0 and the default secret: the checksum the Iggy server writes into the first eight bytes of
 * every stored message (computed over the rest of the message).
 */
public final class Xxh3 {

    private static final long P32_1 = 0x9E3779B1L;
    private static final long P32_2 = 0x85EBCA77L;
    private static final long P32_3 = 0xC2B2AE3DL;
    private static final long P64_1 = 0x9E3779B185EBCA87L;
    private static final long P64_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P64_3 = 0x165667B19E3779F9L;
    private static final long P64_4 = 0x85EBCA77C2B2AE63L;
    private static final long P64_5 = 0x27D4EB2F165667C5L;
    private static final long PMX_1 = 0x165667919E3779F9L;
    private static final long PMX_2 = 0x9FB21C651E98DF25L;

    private static final int STRIPE_LEN = 64;
    private static final int SECRET_SIZE = 192;
    private static final int STRIPES_PER_BLOCK = (SECRET_SIZE - STRIPE_LEN) / 8;
    private static final int BLOCK_LEN = STRIPE_LEN * STRIPES_PER_BLOCK;

    private static final byte[] SECRET = toBytes(new int[] {
        0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
        0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
        0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
        0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
        0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
        0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
        0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
        0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
        0xea, 0xc5, 0xac, 0x83, 0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
        0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26, 0x29, 0xd4, 0x68, 0x9e,
        0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc, 0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce,
        0x45, 0xcb, 0x3a, 0x8f, 0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
    });

    private Xxh3() {}

    public static long hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    public static long hash(byte[] in, int off, int len) {
        if (len <= 16) {
            return hashUpTo16(in, off, len);
        }
        if (len <= 128) {
            return hash17To128(in, off, len);
        }
        if (len <= 240) {
            return hash129To240(in, off, len);
        }
        return hashLong(in, off, len);
    }

    private static long hashUpTo16(byte[] in, int off, int len) {
        if (len > 8) {
            long bitflip1 = secret64(24) ^ secret64(32);
            long bitflip2 = secret64(40) ^ secret64(48);
            long lo = LittleEndian.getLong(in, off) ^ bitflip1;
            long hi = LittleEndian.getLong(in, off + len - 8) ^ bitflip2;
            long acc = len + Long.reverseBytes(lo) + hi + mul128Fold64(lo, hi);
            return avalanche(acc);
        }
        if (len >= 4) {
            long input1 = LittleEndian.getUnsignedInt(in, off);
            long input2 = LittleEndian.getUnsignedInt(in, off + len - 4);
            long bitflip = secret64(8) ^ secret64(16);
            long keyed = (input2 + (input1 << 32)) ^ bitflip;
            return rrmxmx(keyed, len);
        }
        if (len > 0) {
            int c1 = in[off] & 0xFF;
            int c2 = in[off + (len >> 1)] & 0xFF;
            int c3 = in[off + len - 1] & 0xFF;
            long combined = ((c1 << 16) | (c2 << 24) | c3 | (len << 8)) & 0xFFFF_FFFFL;
            long bitflip = (LittleEndian.getUnsignedInt(SECRET, 0) ^ LittleEndian.getUnsignedInt(SECRET, 4));
            return xxh64Avalanche(combined ^ bitflip);
        }
        return xxh64Avalanche(secret64(56) ^ secret64(64));
    }

    private static long hash17To128(byte[] in, int off, int len) {
        long acc = len * P64_1;
        if (len > 32) {
            if (len > 64) {
                if (len > 96) {
                    acc += mix16(in, off + 48, 96);
                    acc += mix16(in, off + len - 64, 112);
                }
                acc += mix16(in, off + 32, 64);
                acc += mix16(in, off + len - 48, 80);
            }
            acc += mix16(in, off + 16, 32);
            acc += mix16(in, off + len - 32, 48);
        }
        acc += mix16(in, off, 0);
        acc += mix16(in, off + len - 16, 16);
        return avalanche(acc);
    }

    private static long hash129To240(byte[] in, int off, int len) {
        long acc = len * P64_1;
        int rounds = len / 16;
        for (int i = 0; i < 8; i++) {
            acc += mix16(in, off + 16 * i, 16 * i);
        }
        acc = avalanche(acc);
        for (int i = 8; i < rounds; i++) {
            acc += mix16(in, off + 16 * i, 16 * (i - 8) + 3);
        }
        acc += mix16(in, off + len - 16, 136 - 17);
        return avalanche(acc);
    }

    private static long hashLong(byte[] in, int off, int len) {
        long[] acc = {P32_3, P64_1, P64_2, P64_3, P64_4, P32_2, P64_5, P32_1};
        int blocks = (len - 1) / BLOCK_LEN;
        for (int n = 0; n < blocks; n++) {
            int blockStart = off + n * BLOCK_LEN;
            for (int s = 0; s < STRIPES_PER_BLOCK; s++) {
                accumulate512(acc, in, blockStart + s * STRIPE_LEN, s * 8);
            }
            scramble(acc, SECRET_SIZE - STRIPE_LEN);
        }
        int stripes = ((len - 1) - BLOCK_LEN * blocks) / STRIPE_LEN;
        int lastBlockStart = off + blocks * BLOCK_LEN;
        for (int s = 0; s < stripes; s++) {
            accumulate512(acc, in, lastBlockStart + s * STRIPE_LEN, s * 8);
        }
        accumulate512(acc, in, off + len - STRIPE_LEN, SECRET_SIZE - STRIPE_LEN - 7);
        long result = len * P64_1;
        for (int i = 0; i < 4; i++) {
            result += mul128Fold64(acc[2 * i] ^ secret64(11 + 16 * i), acc[2 * i + 1] ^ secret64(11 + 16 * i + 8));
        }
        return avalanche(result);
    }

    private static void accumulate512(long[] acc, byte[] in, int inOff, int secretOff) {
        for (int i = 0; i < 8; i++) {
            long value = LittleEndian.getLong(in, inOff + 8 * i);
            long key = value ^ secret64(secretOff + 8 * i);
            acc[i ^ 1] += value;
            acc[i] += (key & 0xFFFF_FFFFL) * (key >>> 32);
        }
    }

    private static void scramble(long[] acc, int secretOff) {
        for (int i = 0; i < 8; i++) {
            long a = acc[i];
            a ^= a >>> 47;
            a ^= secret64(secretOff + 8 * i);
            acc[i] = a * P32_1;
        }
    }

    private static long mix16(byte[] in, int inOff, int secretOff) {
        long lo = LittleEndian.getLong(in, inOff);
        long hi = LittleEndian.getLong(in, inOff + 8);
        return mul128Fold64(lo ^ secret64(secretOff), hi ^ secret64(secretOff + 8));
    }

    private static long mul128Fold64(long a, long b) {
        long lo = a * b;
        // Math.multiplyHigh is signed; correct it to the unsigned high half (Java 17 has no unsignedMultiplyHigh)
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return lo ^ hi;
    }

    private static long rrmxmx(long h, int len) {
        h ^= Long.rotateLeft(h, 49) ^ Long.rotateLeft(h, 24);
        h *= PMX_2;
        h ^= (h >>> 35) + len;
        h *= PMX_2;
        return h ^ (h >>> 28);
    }

    private static long avalanche(long h) {
        h ^= h >>> 37;
        h *= PMX_1;
        return h ^ (h >>> 32);
    }

    private static long xxh64Avalanche(long h) {
        h ^= h >>> 33;
        h *= P64_2;
        h ^= h >>> 29;
        h *= P64_3;
        return h ^ (h >>> 32);
    }

    private static long secret64(int offset) {
        return LittleEndian.getLong(SECRET, offset);
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
