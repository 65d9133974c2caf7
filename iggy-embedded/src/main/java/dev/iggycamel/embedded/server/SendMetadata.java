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
package dev.iggycamel.embedded.server;

import dev.iggycamel.embedded.broker.BrokerException;
import dev.iggycamel.embedded.broker.ErrorCode;
import dev.iggycamel.embedded.broker.Identifier;
import dev.iggycamel.embedded.broker.MessageOperations;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The SendMessages metadata block is decoded by the server with its older parsers: a bad identifier is
 * InvalidIdentifier (6), anything else wrong is InvalidCommand (3), and an empty messages key is accepted.
 */
final class SendMetadata {

    private SendMetadata() {}

    static Identifier identifier(ByteBuf in, String what) {
        if (in.readableBytes() < 2) {
            throw invalidIdentifier(what + " is truncated");
        }
        int kind = in.readUnsignedByte();
        int length = in.readUnsignedByte();
        if (in.readableBytes() < length) {
            throw invalidIdentifier(what + " is truncated");
        }
        if (kind == 1 && length == 4) {
            return Identifier.numeric(in.readUnsignedIntLE());
        }
        if (kind == 2 && length > 0) {
            byte[] bytes = new byte[length];
            in.readBytes(bytes);
            return Identifier.named(new String(bytes, StandardCharsets.UTF_8));
        }
        throw invalidIdentifier(what + " has kind " + kind + " and length " + length);
    }

    static int u8(ByteBuf in) {
        if (!in.isReadable()) {
            throw invalidCommand("send metadata is truncated");
        }
        return in.readUnsignedByte();
    }

    static long u32(ByteBuf in) {
        if (in.readableBytes() < 4) {
            throw invalidCommand("send metadata has no messages count");
        }
        return in.readUnsignedIntLE();
    }

    static byte[] partitioning(ByteBuf in, int kind, int length) {
        boolean valid =
                switch (kind) {
                    case MessageOperations.PARTITIONING_BALANCED -> length == 0;
                    case MessageOperations.PARTITIONING_PARTITION_ID -> length == 4;
                    case MessageOperations.PARTITIONING_MESSAGES_KEY -> true;
                    default -> false;
                };
        if (!valid || in.readableBytes() < length) {
            throw invalidCommand("invalid partitioning: kind " + kind + ", length " + length);
        }
        byte[] value = new byte[length];
        in.readBytes(value);
        return value;
    }

    private static BrokerException invalidIdentifier(String message) {
        return new BrokerException(ErrorCode.INVALID_IDENTIFIER, message);
    }

    private static BrokerException invalidCommand(String message) {
        return new BrokerException(ErrorCode.INVALID_COMMAND, message);
    }
}
