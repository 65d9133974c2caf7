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
 * XXH32 with seed 0, the hash the Iggy server uses to route messages keys to partitions and to turn named consumer
 * ids into numbers. Results are the unsigned 32-bit hash held in an int; use {@link Integer#remainderUnsigned}.
 */
public final class Xxh32 {

    private static final int P1 = 0x9E3779B1;
    private static final int P2 = 0x85EBCA77;
    private static final int P3 = 0xC2B2AE3D;
    private static final int P4 = 0x27D4EB2F;
    private static final int P5 = 0x165667B1;

    private Xxh32() {}

    public static int hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    public static int hash(byte[] data, int offset, int length) {
        int end = offset + length;
        int pos = offset;
        int h;
        if (length >= 16) {
            int v1 = P1 + P2;
            int v2 = P2;
            int v3 = 0;
            int v4 = -P1;
            int limit = end - 16;
            do {
                v1 = round(v1, LittleEndian.getInt(data, pos));
                v2 = round(v2, LittleEndian.getInt(data, pos + 4));
                v3 = round(v3, LittleEndian.getInt(data, pos + 8));
                v4 = round(v4, LittleEndian.getInt(data, pos + 12));
                pos += 16;
            } while (pos <= limit);
            h = Integer.rotateLeft(v1, 1)
                    + Integer.rotateLeft(v2, 7)
                    + Integer.rotateLeft(v3, 12)
                    + Integer.rotateLeft(v4, 18);
        } else {
            h = P5;
        }
        h += length;
        while (pos + 4 <= end) {
            h += LittleEndian.getInt(data, pos) * P3;
            h = Integer.rotateLeft(h, 17) * P4;
            pos += 4;
        }
        while (pos < end) {
            h += (data[pos] & 0xFF) * P5;
            h = Integer.rotateLeft(h, 11) * P1;
            pos++;
        }
        h ^= h >>> 15;
        h *= P2;
        h ^= h >>> 13;
        h *= P3;
        h ^= h >>> 16;
        return h;
    }

    private static int round(int acc, int input) {
        acc += input * P2;
        acc = Integer.rotateLeft(acc, 13);
        return acc * P1;
    }
}
