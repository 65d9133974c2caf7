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
package dev.iggycamel.component.transport;

import java.util.Arrays;

/**
 * How a send chooses its partition: balanced (the server's round robin), an explicit partition id, or a messages
 * key the server hashes. Messages with equal partitioning can share one send frame.
 */
public final class OutboundPartitioning {

    /** The kinds, with their wire codes. */
    public enum Kind {
        BALANCED(1),
        PARTITION_ID(2),
        MESSAGES_KEY(3);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private static final OutboundPartitioning BALANCED = new OutboundPartitioning(Kind.BALANCED, -1, null);

    private final Kind kind;
    private final long partitionId;
    private final byte[] key;
    private final int hash;

    private OutboundPartitioning(Kind kind, long partitionId, byte[] key) {
        this.kind = kind;
        this.partitionId = partitionId;
        this.key = key;
        this.hash = 31 * (31 * kind.hashCode() + Long.hashCode(partitionId)) + Arrays.hashCode(key);
    }

    public static OutboundPartitioning balanced() {
        return BALANCED;
    }

    public static OutboundPartitioning partitionId(long partitionId) {
        if (partitionId < 0 || partitionId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a partition id is a u32, got " + partitionId);
        }
        return new OutboundPartitioning(Kind.PARTITION_ID, partitionId, null);
    }

    /** A messages key of 1..255 bytes. */
    public static OutboundPartitioning messagesKey(byte[] key) {
        if (key.length == 0 || key.length > 255) {
            throw new IllegalArgumentException("a messages key must be 1-255 bytes, got " + key.length);
        }
        return new OutboundPartitioning(Kind.MESSAGES_KEY, -1, key.clone());
    }

    public Kind kind() {
        return kind;
    }

    public long partitionId() {
        return partitionId;
    }

    public byte[] key() {
        return key == null ? null : key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboundPartitioning that
                && kind == that.kind
                && partitionId == that.partitionId
                && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BALANCED -> "balanced";
            case PARTITION_ID -> "partition " + partitionId;
            case MESSAGES_KEY -> "key " + new String(key, java.nio.charset.StandardCharsets.UTF_8);
        };
    }
}
