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
package dev.iggycamel.embedded.broker;

import dev.iggycamel.embedded.broker.ConsumerGroupState.Member;
import dev.iggycamel.embedded.broker.Views.OffsetView;
import dev.iggycamel.embedded.hash.Xxh3;
import dev.iggycamel.embedded.hash.Xxh32;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sending and polling messages and storing consumer offsets: partition routing, batch validation, stamping
 * (offset, timestamp, id, checksum), the five polling strategies and auto-commit.
 */
public final class MessageOperations {

    public static final int PARTITIONING_BALANCED = 1;
    public static final int PARTITIONING_PARTITION_ID = 2;
    public static final int PARTITIONING_MESSAGES_KEY = 3;

    public static final int CONSUMER = 1;
    public static final int CONSUMER_GROUP = 2;

    public static final int STRATEGY_OFFSET = 1;
    public static final int STRATEGY_TIMESTAMP = 2;
    public static final int STRATEGY_FIRST = 3;
    public static final int STRATEGY_LAST = 4;
    public static final int STRATEGY_NEXT = 5;

    static final int INDEX_SIZE = 16;
    static final int MAX_PAYLOAD_SIZE = 64_000_000;
    static final int MAX_USER_HEADERS_SIZE = 100_000;
    /** A poll answer is cut to this many bytes of messages (always at least one message). */
    static final long MAX_POLL_RESPONSE_BYTES = 256L * 1024 * 1024;

    private final Broker broker;

    MessageOperations(Broker broker) {
        this.broker = broker;
    }

    /**
     * Appends a SendMessages batch: {@code indexes} holds {@code count} 16-byte entries, {@code messages} the messages
     * back to back. Both are copied, unless {@code keepArray}: then the messages buffer wraps a heap array that nobody
     * else holds, and the broker stamps and stores it in place.
     */
    public void send(
            ClientSession session,
            Identifier streamId,
            Identifier topicId,
            int partitioningKind,
            byte[] partitioningValue,
            int count,
            ByteBuf indexes,
            ByteBuf messages,
            boolean keepArray) {
        broker.authorizer.authenticated(session);
        int[] ends = validate(count, indexes, messages);
        int size = ends[ends.length - 1];
        byte[] data;
        int offset;
        if (keepArray && messages.hasArray()) {
            data = messages.array();
            offset = messages.arrayOffset() + messages.readerIndex();
        } else {
            data = new byte[size];
            offset = 0;
            messages.getBytes(messages.readerIndex(), data);
        }
        broker.read(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.sendMessages(session, stream.id, topic.id);
            PartitionState partition = route(topic, partitioningKind, partitioningValue);
            PartitionLog log = partition.log;
            synchronized (log) {
                long baseOffset = log.nextOffset();
                long timestamp = Math.max(Clock.nowMicros(), log.lastTimestamp());
                stamp(data, offset, ends, baseOffset, timestamp);
                if (!log.append(data, offset, ends, timestamp)) {
                    throw new BrokerException(
                            ErrorCode.TOPIC_FULL,
                            "the embedded broker's memory bound (" + broker.budget.limit() + " B) is reached, "
                                    + "cannot append " + size + " B to topic " + topic.name + " of stream "
                                    + stream.name);
                }
            }
            return null;
        });
        broker.writtenBytes.add(size);
    }

    /**
     * Polls messages and returns the whole PolledMessages payload: partition id, current offset, count, messages.
     */
    public ByteBuf poll(
            ClientSession session,
            int consumerKind,
            Identifier consumerId,
            Identifier streamId,
            Identifier topicId,
            long partitionId,
            int strategyKind,
            long strategyValue,
            long count,
            boolean autoCommit,
            ByteBufAllocator allocator) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.pollMessages(session, stream.id, topic.id);
            ResolvedConsumer consumer = resolve(session, topic, consumerKind, consumerId, partitionId, true);
            if (consumer == null) {
                return header(allocator, 0, 0, 0, 0);
            }
            PartitionState partition = consumer.partition;
            PartitionLog log = partition.log;
            synchronized (log) {
                long current = log.currentOffset();
                long start = startOffset(log, consumer, strategyKind, strategyValue, count);
                if (count == 0 || start < 0) {
                    return header(allocator, partition.id, current, 0, 0);
                }
                long wanted = count;
                long bytes = log.readSize(start, wanted);
                while (bytes > MAX_POLL_RESPONSE_BYTES && wanted > 1) {
                    wanted = Math.max(1, wanted / 2);
                    bytes = log.readSize(start, wanted);
                }
                ByteBuf out = header(allocator, partition.id, current, 0, (int) bytes);
                int read = log.read(start, wanted, out);
                out.setIntLE(12, read);
                if (read > 0) {
                    long last = start + read - 1;
                    if (consumer.group != null) {
                        partition.lastPolledByGroup.put(consumer.group.id, last);
                    }
                    if (autoCommit) {
                        storeOffset(topic, consumer, last);
                    }
                }
                broker.readBytes.add(bytes);
                return out;
            }
        });
    }

    public void storeOffset(
            ClientSession session,
            int consumerKind,
            Identifier consumerId,
            Identifier streamId,
            Identifier topicId,
            long partitionId,
            long offset) {
        broker.authorizer.authenticated(session);
        broker.read(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.pollMessages(session, stream.id, topic.id);
            ResolvedConsumer consumer = resolve(session, topic, consumerKind, consumerId, partitionId, false);
            if (consumer == null) {
                throw new BrokerException(
                        ErrorCode.NOT_RESOLVED_CONSUMER,
                        "consumer group " + consumerId + " has no partition for client " + session.clientId());
            }
            PartitionLog log = consumer.partition.log;
            synchronized (log) {
                if (log.messagesCount() == 0 || Long.compareUnsigned(offset, log.currentOffset()) > 0) {
                    throw new BrokerException(
                            ErrorCode.INVALID_OFFSET,
                            "offset " + Long.toUnsignedString(offset) + " is beyond partition "
                                    + consumer.partition.id + " (current offset " + log.currentOffset()
                                    + ", " + log.messagesCount() + " messages)");
                }
                storeOffset(topic, consumer, offset);
            }
            return null;
        });
    }

    public Optional<OffsetView> getOffset(
            ClientSession session,
            int consumerKind,
            Identifier consumerId,
            Identifier streamId,
            Identifier topicId,
            long partitionId) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            StreamState stream = broker.findStream(streamId);
            TopicState topic = stream == null ? null : Broker.findTopic(stream, topicId);
            if (topic == null) {
                return Optional.empty();
            }
            broker.authorizer.pollMessages(session, stream.id, topic.id);
            // a group needs no membership here, but it must exist
            ConsumerGroupState group = consumerKind == CONSUMER_GROUP ? Broker.group(topic, consumerId) : null;
            PartitionState partition =
                    partition(topic, partitionId < 0 ? 0 : (int) Math.min(partitionId, Integer.MAX_VALUE));
            Long stored;
            if (group != null) {
                stored = partition.groupOffsets.get(group.id);
            } else {
                stored = partition.consumerOffsets.get(consumerKey(consumerId));
            }
            if (stored == null) {
                return Optional.empty();
            }
            return Optional.of(new OffsetView(partition.id, partition.log.currentOffset(), stored));
        });
    }

    private record ResolvedConsumer(PartitionState partition, ConsumerGroupState group, Member member, long key) {}

    /** Null when a group member has nothing to poll (no partition, or a partition it does not own). */
    private ResolvedConsumer resolve(
            ClientSession session,
            TopicState topic,
            int consumerKind,
            Identifier consumerId,
            long partitionId,
            boolean advance) {
        if (consumerKind != CONSUMER_GROUP) {
            int index = partitionId < 0 ? 0 : (int) Math.min(partitionId, Integer.MAX_VALUE);
            return new ResolvedConsumer(partition(topic, index), null, null, consumerKey(consumerId));
        }
        broker.requireLiveClient(session, ErrorCode.STALE_CLIENT);
        ConsumerGroupState group = Broker.group(topic, consumerId);
        Member member = group.memberOf(session.clientId());
        if (member == null) {
            throw new BrokerException(
                    ErrorCode.CONSUMER_GROUP_MEMBER_NOT_FOUND,
                    "client " + session.clientId() + " is not a member of consumer group " + group.name
                            + " (membership is per connection)");
        }
        synchronized (group) {
            group.completeRevocations(topic, broker.config.rebalancingTimeoutMicros());
            if (partitionId >= 0) {
                int index = (int) Math.min(partitionId, Integer.MAX_VALUE);
                if (!member.partitions.contains(index) && !member.isRevoking(index)) {
                    return null;
                }
                return new ResolvedConsumer(partition(topic, index), group, member, group.id);
            }
            List<Integer> pollable = member.pollablePartitions();
            if (pollable.isEmpty()) {
                return null;
            }
            int position = advance
                    ? member.partitionIndex.getAndUpdate(i -> (i + 1) % pollable.size())
                    : member.partitionIndex.get();
            return new ResolvedConsumer(
                    partition(topic, pollable.get(position % pollable.size())), group, member, group.id);
        }
    }

    private static PartitionState partition(TopicState topic, int index) {
        if (index < 0 || index >= topic.partitions.size()) {
            throw new BrokerException(
                    ErrorCode.PARTITION_NOT_FOUND,
                    "partition " + index + " does not exist in topic " + topic.name + " (" + topic.partitions.size()
                            + " partitions)");
        }
        return topic.partitions.get(index);
    }

    private void storeOffset(TopicState topic, ResolvedConsumer consumer, long offset) {
        PartitionState partition = consumer.partition;
        if (consumer.group != null) {
            partition.groupOffsets.put(consumer.group.id, offset);
            broker.persistOffset(partition, topic, CONSUMER_GROUP, consumer.group.id, offset);
            synchronized (consumer.group) {
                consumer.group.completeRevocations(topic, broker.config.rebalancingTimeoutMicros());
            }
        } else {
            partition.consumerOffsets.put(consumer.key, offset);
            broker.persistOffset(partition, topic, CONSUMER, consumer.key, offset);
        }
    }

    private static long startOffset(
            PartitionLog log, ResolvedConsumer consumer, int strategyKind, long value, long count) {
        long messages = log.messagesCount();
        if (messages == 0) {
            return -1;
        }
        long current = messages - 1;
        return switch (strategyKind) {
            case STRATEGY_OFFSET -> Long.compareUnsigned(value, current) > 0 ? -1 : value;
            case STRATEGY_TIMESTAMP -> log.firstOffsetAtOrAfter(value);
            case STRATEGY_FIRST -> 0;
            case STRATEGY_LAST -> current + 1 - Math.min(count, current + 1);
            case STRATEGY_NEXT -> {
                Long stored = consumer.group != null
                        ? consumer.partition.groupOffsets.get(consumer.group.id)
                        : consumer.partition.consumerOffsets.get(consumer.key);
                long next = stored == null ? 0 : stored + 1;
                yield next > current ? -1 : next;
            }
            default -> throw new BrokerException(ErrorCode.INVALID_COMMAND, "unknown polling strategy " + strategyKind);
        };
    }

    private static ByteBuf header(ByteBufAllocator allocator, int partitionId, long current, int count, int extra) {
        ByteBuf out = allocator.buffer(16 + extra);
        out.writeIntLE(partitionId);
        out.writeLongLE(current);
        out.writeIntLE(count);
        return out;
    }

    private PartitionState route(TopicState topic, int kind, byte[] value) {
        int partitions = topic.partitions.size();
        if (partitions == 0 && kind != PARTITIONING_PARTITION_ID) {
            // the server answers "topic not found" when it cannot pick a partition
            throw new BrokerException(
                    ErrorCode.TOPIC_ID_NOT_FOUND, "topic " + topic.name + " has no partitions to send to");
        }
        return switch (kind) {
            case PARTITIONING_BALANCED -> topic.partitions.get(topic.nextBalancedPartition(partitions));
            case PARTITIONING_PARTITION_ID -> partition(topic, readIntLE(value)); // a u32 above 2^31 reads < 0
            case PARTITIONING_MESSAGES_KEY ->
                topic.partitions.get(Integer.remainderUnsigned(Xxh32.hash(value), partitions));
            default -> throw new BrokerException(ErrorCode.INVALID_COMMAND, "unknown partitioning kind " + kind);
        };
    }

    /** Checks a batch the way the server does and returns where each message ends in the message block. */
    static int[] validate(int count, ByteBuf indexes, ByteBuf messages) {
        if (count == 0) {
            throw new BrokerException(ErrorCode.INVALID_MESSAGES_COUNT, "a send request must carry messages");
        }
        int blockSize = messages.readableBytes();
        int indexBase = indexes.readerIndex();
        int messageBase = messages.readerIndex();
        int[] ends = new int[count];
        int start = 0;
        long previousPosition = 0;
        long headerSizes = 0;
        for (int i = 0; i < count; i++) {
            int entry = indexBase + i * INDEX_SIZE;
            if (indexes.getIntLE(entry) != 0) {
                throw new BrokerException(ErrorCode.NON_ZERO_OFFSET, "index " + i + " has a non-zero offset");
            }
            if (indexes.getLongLE(entry + 8) != 0) {
                throw new BrokerException(ErrorCode.NON_ZERO_TIMESTAMP, "index " + i + " has a non-zero timestamp");
            }
            long position = indexes.getUnsignedIntLE(entry + 4);
            if (position < previousPosition) {
                throw new BrokerException(
                        ErrorCode.CANNOT_READ_INDEX_POSITION, "index " + i + " position goes backwards");
            }
            if (position > blockSize || position - start < PartitionLog.HEADER_SIZE) {
                throw new BrokerException(
                        ErrorCode.MISSING_INDEX, "message " + i + " is missing or shorter than its 64-byte header");
            }
            long payloadLength = messages.getUnsignedIntLE(messageBase + start + PartitionLog.PAYLOAD_LENGTH_FIELD);
            long headersLength =
                    messages.getUnsignedIntLE(messageBase + start + PartitionLog.USER_HEADERS_LENGTH_FIELD);
            if (payloadLength > MAX_PAYLOAD_SIZE) {
                throw new BrokerException(
                        ErrorCode.TOO_BIG_MESSAGE_PAYLOAD,
                        "message " + i + " payload is " + payloadLength + " B, at most " + MAX_PAYLOAD_SIZE);
            }
            if (headersLength > MAX_USER_HEADERS_SIZE) {
                throw new BrokerException(
                        ErrorCode.TOO_BIG_USER_HEADERS,
                        "message " + i + " user headers are " + headersLength + " B, at most " + MAX_USER_HEADERS_SIZE);
            }
            long size = PartitionLog.HEADER_SIZE + payloadLength + headersLength;
            headerSizes += size;
            if (size != position - start) {
                throw new BrokerException(
                        ErrorCode.INVALID_MESSAGES_SIZE,
                        "message " + i + " header says " + size + " B, its index says " + (position - start));
            }
            ends[i] = (int) position;
            start = (int) position;
            previousPosition = position;
        }
        if (headerSizes != blockSize) {
            throw new BrokerException(
                    ErrorCode.INVALID_MESSAGES_SIZE,
                    "messages take " + headerSizes + " B but the request carries " + blockSize + " B");
        }
        return ends;
    }

    /**
     * Sets offset, timestamp, a random UUIDv4 id where the client sent 0, then the XXH3 checksum, for the messages
     * starting at {@code base} in {@code data}.
     */
    private static void stamp(byte[] data, int base, int[] ends, long baseOffset, long timestamp) {
        int start = base;
        for (int i = 0; i < ends.length; i++) {
            int end = base + ends[i];
            putLongLE(data, start + PartitionLog.OFFSET_FIELD, baseOffset + i);
            putLongLE(data, start + PartitionLog.TIMESTAMP_FIELD, timestamp);
            if (getLongLE(data, start + 8) == 0 && getLongLE(data, start + 16) == 0) {
                putRandomId(data, start + 8);
            }
            putLongLE(data, start, Xxh3.hash(data, start + 8, end - start - 8));
            start = end;
        }
    }

    /** A UUIDv4 as the server stores it: the UUID's bytes read as a big-endian u128, written little-endian. */
    private static void putRandomId(byte[] data, int offset) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong();
        long low = random.nextLong();
        high = (high & ~0xF000L) | 0x4000L; // version 4
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        putLongLE(data, offset, low);
        putLongLE(data, offset + 8, high);
    }

    static long consumerKey(Identifier consumerId) {
        if (consumerId.isNumeric()) {
            return consumerId.id();
        }
        return Integer.toUnsignedLong(Xxh32.hash(consumerId.name().getBytes(StandardCharsets.UTF_8)));
    }

    private static int readIntLE(byte[] value) {
        return (value[0] & 0xFF) | (value[1] & 0xFF) << 8 | (value[2] & 0xFF) << 16 | (value[3] & 0xFF) << 24;
    }

    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static void putLongLE(byte[] data, int offset, long value) {
        LONG_LE.set(data, offset, value);
    }

    private static long getLongLE(byte[] data, int offset) {
        return (long) LONG_LE.get(data, offset);
    }
}
