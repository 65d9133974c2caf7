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
package dev.iggycamel.embedded.protocol;

import dev.iggycamel.embedded.broker.BrokerException;
import dev.iggycamel.embedded.broker.ErrorCode;
import dev.iggycamel.embedded.broker.Identifier;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the Iggy 0.8 request primitives from a frame payload. Failures map the way the real server maps its decode
 * errors: a short buffer, bad UTF-8 or an unknown discriminant is {@link ErrorCode#INVALID_COMMAND}, a value that
 * decodes but breaks a rule (empty name, numeric identifier not 4 bytes long) is {@link ErrorCode#INVALID_FORMAT}.
 */
public final class WireReader {

    public static final int MAX_NAME_LENGTH = 255;

    private final ByteBuf buf;

    public WireReader(ByteBuf buf) {
        this.buf = buf;
    }

    public int remaining() {
        return buf.readableBytes();
    }

    public ByteBuf buffer() {
        return buf;
    }

    public int u8() {
        need(1, "u8");
        return buf.readUnsignedByte();
    }

    public boolean bool() {
        return u8() != 0;
    }

    /** A u32, returned as a non-negative long. */
    public long u32() {
        need(4, "u32");
        return buf.readUnsignedIntLE();
    }

    /** A u32 that the server keeps in an int; values above Integer.MAX_VALUE are kept as their bit pattern. */
    public int u32AsInt() {
        need(4, "u32");
        return buf.readIntLE();
    }

    /** A u64, as its two's-complement bit pattern; compare with {@link Long#compareUnsigned}. */
    public long u64() {
        need(8, "u64");
        return buf.readLongLE();
    }

    public byte[] bytes(int length, String what) {
        need(length, what);
        byte[] bytes = new byte[length];
        buf.readBytes(bytes);
        return bytes;
    }

    public void skip(int length, String what) {
        need(length, what);
        buf.skipBytes(length);
    }

    /** {@code [kind u8][len u8][value]}: kind 1 is a u32 (len 4), kind 2 a name of 1..255 UTF-8 bytes. */
    public Identifier identifier(String what) {
        int kind = u8();
        int length = u8();
        need(length, what);
        switch (kind) {
            case 1 -> {
                if (length != 4) {
                    buf.skipBytes(length);
                    throw invalidFormat(what + ": a numeric identifier must be 4 bytes, got " + length);
                }
                return Identifier.numeric(buf.readUnsignedIntLE());
            }
            case 2 -> {
                if (length == 0) {
                    throw invalidFormat(what + ": a string identifier cannot be empty");
                }
                return Identifier.named(utf8(length, what));
            }
            default -> throw invalidCommand(what + ": unknown identifier kind " + kind);
        }
    }

    /** A {@code u8 len} + UTF-8 name of 1..255 bytes. */
    public String name(String what) {
        int length = u8();
        if (length == 0) {
            throw invalidFormat(what + ": a name must be 1-" + MAX_NAME_LENGTH + " bytes, got 0");
        }
        return utf8(length, what);
    }

    /** A {@code u8 len} + UTF-8 string of any length, empty included (passwords). */
    public String shortString(String what) {
        return utf8(u8(), what);
    }

    /** A {@code u32 len} + UTF-8 string (login version and context). */
    public String longString(String what) {
        long length = u32();
        if (length > buf.readableBytes()) {
            throw invalidCommand(what + ": " + length + " bytes announced, " + buf.readableBytes() + " left");
        }
        return utf8((int) length, what);
    }

    /** {@code [flag u8][u32]}: -1 unless the flag is exactly 1 (no partition given). */
    public long optionalPartition() {
        int flag = u8();
        long value = u32();
        return flag == 1 ? value : -1;
    }

    private String utf8(int length, String what) {
        need(length, what);
        ByteBuffer bytes = buf.nioBuffer(buf.readerIndex(), length);
        try {
            String value = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            buf.skipBytes(length);
            return value;
        } catch (CharacterCodingException e) {
            throw invalidCommand(what + ": invalid UTF-8");
        }
    }

    private void need(int length, String what) {
        if (length < 0 || buf.readableBytes() < length) {
            throw invalidCommand(
                    "truncated request: " + what + " needs " + length + " bytes, " + buf.readableBytes() + " left");
        }
    }

    public static BrokerException invalidCommand(String message) {
        return new BrokerException(ErrorCode.INVALID_COMMAND, message);
    }

    public static BrokerException invalidFormat(String message) {
        return new BrokerException(ErrorCode.INVALID_FORMAT, message);
    }
}
