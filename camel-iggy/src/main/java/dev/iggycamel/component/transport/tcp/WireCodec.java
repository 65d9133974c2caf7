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
package dev.iggycamel.component.transport.tcp;

import dev.iggycamel.component.transport.ConsumerRef;
import dev.iggycamel.component.transport.IggyHeaderKind;
import dev.iggycamel.component.transport.IggyHeaderValue;
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.InboundMessage;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.PollingStart;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicInfo;
import dev.iggycamel.component.transport.TopicSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Iggy 0.8 binary protocol as the component needs it: request frames {@code [u32 length][u32 command][payload]}
 * written straight into one buffer (a SendMessages frame holds every message of a batch, each payload copied once),
 * and response payloads read without per-field objects (numbers as longs, one byte[] per payload). Little-endian
 * throughout; the layouts are those of the Iggy Java SDK 0.8.0, which the byte-equality tests check.
 */
final class WireCodec {

    static final int PING = 1;
    static final int LOGIN_USER = 38;
    static final int LOGIN_WITH_TOKEN = 44;
    static final int POLL_MESSAGES = 100;
    static final int SEND_MESSAGES = 101;
    static final int GET_CONSUMER_OFFSET = 120;
    static final int STORE_CONSUMER_OFFSET = 121;
    static final int GET_STREAM = 200;
    static final int CREATE_STREAM = 202;
    static final int GET_TOPIC = 300;
    static final int CREATE_TOPIC = 302;
    static final int GET_CONSUMER_GROUP = 600;
    static final int CREATE_CONSUMER_GROUP = 602;
    static final int JOIN_CONSUMER_GROUP = 604;
    static final int LEAVE_CONSUMER_GROUP = 605;

    /** Checksum, id, offset, timestamp, origin timestamp, header and payload lengths, reserved. */
    static final int MESSAGE_HEADER_SIZE = 64;

    private static final int INDEX_SIZE = 16;
    private static final byte[] EMPTY = new byte[0];
    private static final int FRAME_HEADER_SIZE = 8;
    private static final int NAME_MAX_BYTES = 255;
    private static final String CLIENT_VERSION = "camel-iggy";
    private static final String CLIENT_CONTEXT = "camel-iggy native transport (Iggy protocol 0.8)";

    private WireCodec() {}

    /** A request frame with an empty payload. */
    static ByteBuf frame(ByteBufAllocator alloc, int command) {
        return start(alloc, command, 0);
    }

    /** A frame whose payload is written by the caller; {@link #finish} sets its length. */
    static ByteBuf start(ByteBufAllocator alloc, int command, int payloadHint) {
        ByteBuf frame = alloc.buffer(FRAME_HEADER_SIZE + payloadHint);
        frame.writeIntLE(4);
        frame.writeIntLE(command);
        return frame;
    }

    /** Sets the length field (command code and payload) once the payload is written. */
    static ByteBuf finish(ByteBuf frame) {
        frame.setIntLE(0, frame.readableBytes() - 4);
        return frame;
    }

    // ---- SendMessages ----

    /**
     * One SendMessages frame: metadata (stream, topic, partitioning, count), one index entry per message (the running
     * end position of each message), then each message: its 64-byte header, payload and user headers.
     */
    static ByteBuf sendMessages(
            ByteBufAllocator alloc,
            TopicAddress address,
            OutboundPartitioning partitioning,
            List<OutboundMessage> messages) {
        byte[] stream = identifier(address.stream());
        byte[] topic = identifier(address.topic());
        byte[] key = partitioning.kind() == OutboundPartitioning.Kind.MESSAGES_KEY ? partitioning.key() : null;
        int partitioningSize =
                2 + (key != null ? key.length : partitioning.kind() == OutboundPartitioning.Kind.PARTITION_ID ? 4 : 0);
        int metadataSize = stream.length + topic.length + partitioningSize + 4;
        int count = messages.size();
        // user-header blocks: messages of one List body share one map, encoded once
        byte[][] headerBlocks = new byte[count][];
        Map<String, IggyHeaderValue> lastHeaders = null;
        byte[] lastBlock = EMPTY;
        long messagesSize = 0;
        for (int i = 0; i < count; i++) {
            OutboundMessage message = messages.get(i);
            Map<String, IggyHeaderValue> headers = message.headers();
            if (headers != lastHeaders) {
                lastHeaders = headers;
                lastBlock = headers.isEmpty() ? EMPTY : userHeaders(headers);
            }
            headerBlocks[i] = lastBlock;
            messagesSize += MESSAGE_HEADER_SIZE + message.payload().length + lastBlock.length;
        }
        long payloadSize = 4L + metadataSize + (long) INDEX_SIZE * count + messagesSize;
        if (FRAME_HEADER_SIZE + payloadSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "A send frame of " + count + " messages would take " + payloadSize + " bytes, over 2 GiB");
        }
        ByteBuf frame = alloc.buffer((int) (FRAME_HEADER_SIZE + payloadSize));
        frame.writeIntLE((int) (4 + payloadSize));
        frame.writeIntLE(SEND_MESSAGES);
        frame.writeIntLE(metadataSize);
        frame.writeBytes(stream);
        frame.writeBytes(topic);
        frame.writeByte(partitioning.kind().code());
        if (key != null) {
            frame.writeByte(key.length);
            frame.writeBytes(key);
        } else if (partitioning.kind() == OutboundPartitioning.Kind.PARTITION_ID) {
            frame.writeByte(4);
            frame.writeIntLE((int) partitioning.partitionId());
        } else {
            frame.writeByte(0);
        }
        frame.writeIntLE(count);
        int position = 0;
        for (int i = 0; i < count; i++) {
            position += MESSAGE_HEADER_SIZE + messages.get(i).payload().length + headerBlocks[i].length;
            frame.writeIntLE(0);
            frame.writeIntLE(position);
            frame.writeLongLE(0);
        }
        for (int i = 0; i < count; i++) {
            OutboundMessage message = messages.get(i);
            IggyMessageId id = message.id();
            frame.writeLongLE(0); // checksum: the server's
            frame.writeLongLE(id == null ? 0 : id.low());
            frame.writeLongLE(id == null ? 0 : id.high());
            frame.writeLongLE(0); // offset
            frame.writeLongLE(0); // timestamp
            frame.writeLongLE(message.originTimestamp());
            frame.writeIntLE(headerBlocks[i].length);
            frame.writeIntLE(message.payload().length);
            frame.writeLongLE(0); // reserved
            frame.writeBytes(message.payload());
            frame.writeBytes(headerBlocks[i]);
        }
        return frame;
    }

    /** {@code [key kind u8 = String][u32 len][key][value kind u8][u32 len][value]} per header, in map order. */
    static byte[] userHeaders(Map<String, IggyHeaderValue> headers) {
        byte[][] keys = new byte[headers.size()][];
        int size = 0;
        int i = 0;
        for (Map.Entry<String, IggyHeaderValue> header : headers.entrySet()) {
            keys[i] = header.getKey().getBytes(StandardCharsets.UTF_8);
            size += 1 + 4 + keys[i].length + 1 + 4 + header.getValue().value().length;
            i++;
        }
        byte[] block = new byte[size];
        int at = 0;
        i = 0;
        for (Map.Entry<String, IggyHeaderValue> header : headers.entrySet()) {
            block[at++] = (byte) IggyHeaderKind.STRING.code();
            at = putIntLE(block, at, keys[i].length);
            System.arraycopy(keys[i], 0, block, at, keys[i].length);
            at += keys[i].length;
            byte[] value = header.getValue().value();
            block[at++] = (byte) header.getValue().kind().code();
            at = putIntLE(block, at, value.length);
            System.arraycopy(value, 0, block, at, value.length);
            at += value.length;
            i++;
        }
        return block;
    }

    private static int putIntLE(byte[] target, int at, int value) {
        target[at] = (byte) value;
        target[at + 1] = (byte) (value >>> 8);
        target[at + 2] = (byte) (value >>> 16);
        target[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }

    // ---- other requests ----

    /** {@code [u8 len][username][u8 len][password][u32 len][version][u32 len][context]}. */
    static ByteBuf loginUser(ByteBufAllocator alloc, String username, String password) {
        ByteBuf frame = start(alloc, LOGIN_USER, 64);
        writeName(frame, username, "username");
        writeName(frame, password, "password");
        writeLongString(frame, CLIENT_VERSION);
        writeLongString(frame, CLIENT_CONTEXT);
        return finish(frame);
    }

    static ByteBuf loginWithToken(ByteBufAllocator alloc, String token) {
        ByteBuf frame = start(alloc, LOGIN_WITH_TOKEN, 64);
        writeName(frame, token, "personal access token");
        return finish(frame);
    }

    /** Consumer, stream, topic, partition, strategy, count, auto-commit. */
    static ByteBuf pollMessages(
            ByteBufAllocator alloc,
            TopicAddress address,
            ConsumerRef consumer,
            long partitionId,
            PollingStart start,
            int count,
            boolean autoCommit) {
        ByteBuf frame = start(alloc, POLL_MESSAGES, 64);
        writeConsumer(frame, consumer);
        writeAddress(frame, address);
        writePartition(frame, partitionId);
        frame.writeByte(start.kind().code());
        frame.writeLongLE(start.value());
        frame.writeIntLE(count);
        frame.writeByte(autoCommit ? 1 : 0);
        return finish(frame);
    }

    static ByteBuf storeOffset(
            ByteBufAllocator alloc, TopicAddress address, ConsumerRef consumer, long partitionId, long offset) {
        ByteBuf frame = start(alloc, STORE_CONSUMER_OFFSET, 64);
        writeConsumer(frame, consumer);
        writeAddress(frame, address);
        writePartition(frame, partitionId);
        frame.writeLongLE(offset);
        return finish(frame);
    }

    static ByteBuf getOffset(ByteBufAllocator alloc, TopicAddress address, ConsumerRef consumer, long partitionId) {
        ByteBuf frame = start(alloc, GET_CONSUMER_OFFSET, 64);
        writeConsumer(frame, consumer);
        writeAddress(frame, address);
        writePartition(frame, partitionId);
        return finish(frame);
    }

    static ByteBuf getStream(ByteBufAllocator alloc, TopicAddress address) {
        ByteBuf frame = start(alloc, GET_STREAM, 32);
        frame.writeBytes(identifier(address.stream()));
        return finish(frame);
    }

    static ByteBuf createStream(ByteBufAllocator alloc, String name) {
        ByteBuf frame = start(alloc, CREATE_STREAM, 32);
        writeName(frame, name, "stream name");
        return finish(frame);
    }

    static ByteBuf getTopic(ByteBufAllocator alloc, TopicAddress address) {
        ByteBuf frame = start(alloc, GET_TOPIC, 64);
        writeAddress(frame, address);
        return finish(frame);
    }

    /** Stream, partitions, compression (1 none, 2 gzip), expiry µs, max size, replication factor, name. */
    static ByteBuf createTopic(ByteBufAllocator alloc, TopicAddress address, TopicSettings settings) {
        ByteBuf frame = start(alloc, CREATE_TOPIC, 64);
        frame.writeBytes(identifier(address.stream()));
        frame.writeIntLE(settings.partitions());
        frame.writeByte(settings.gzip() ? 2 : 1);
        frame.writeLongLE(settings.messageExpiryMicros());
        frame.writeLongLE(settings.maxTopicSize());
        frame.writeByte(settings.replicationFactor());
        writeName(frame, address.topic(), "topic name");
        return finish(frame);
    }

    /** GET, JOIN and LEAVE of a consumer group: stream, topic, group. */
    static ByteBuf group(ByteBufAllocator alloc, int command, TopicAddress address, String group) {
        ByteBuf frame = start(alloc, command, 64);
        writeAddress(frame, address);
        frame.writeBytes(identifier(group));
        return finish(frame);
    }

    static ByteBuf createGroup(ByteBufAllocator alloc, TopicAddress address, String group) {
        ByteBuf frame = start(alloc, CREATE_CONSUMER_GROUP, 64);
        writeAddress(frame, address);
        writeName(frame, group, "consumer group name");
        return finish(frame);
    }

    private static void writeAddress(ByteBuf frame, TopicAddress address) {
        frame.writeBytes(identifier(address.stream()));
        frame.writeBytes(identifier(address.topic()));
    }

    /** {@code [kind u8: 1 consumer, 2 group][identifier]}. */
    private static void writeConsumer(ByteBuf frame, ConsumerRef consumer) {
        frame.writeByte(consumer.group() ? 2 : 1);
        frame.writeBytes(identifier(consumer.id()));
    }

    /** {@code [present u8][u32]}: always five bytes. */
    private static void writePartition(ByteBuf frame, long partitionId) {
        frame.writeByte(partitionId < 0 ? 0 : 1);
        frame.writeIntLE(partitionId < 0 ? 0 : (int) partitionId);
    }

    /**
     * An identifier as the wire has it: numeric ids (all digits, a u32) as {@code [1][4][u32]}, names as
     * {@code [2][len][UTF-8]}.
     */
    static byte[] identifier(String value) {
        if (TopicAddress.isNumericId(value)) {
            long id = Long.parseLong(value);
            return new byte[] {1, 4, (byte) id, (byte) (id >>> 8), (byte) (id >>> 16), (byte) (id >>> 24)};
        }
        byte[] name = value.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0 || name.length > NAME_MAX_BYTES) {
            throw new IllegalArgumentException(
                    "An Iggy name takes 1-" + NAME_MAX_BYTES + " bytes, " + value + " takes " + name.length);
        }
        byte[] encoded = new byte[2 + name.length];
        encoded[0] = 2;
        encoded[1] = (byte) name.length;
        System.arraycopy(name, 0, encoded, 2, name.length);
        return encoded;
    }

    private static void writeName(ByteBuf frame, String value, String what) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > NAME_MAX_BYTES) {
            throw new IllegalArgumentException(
                    "The " + what + " takes " + bytes.length + " bytes, at most " + NAME_MAX_BYTES + " fit");
        }
        frame.writeByte(bytes.length);
        frame.writeBytes(bytes);
    }

    private static void writeLongString(ByteBuf frame, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        frame.writeIntLE(bytes.length);
        frame.writeBytes(bytes);
    }

    // ---- responses (the payload after status and length) ----

    /** {@code [u32 partition][u64 current offset][u32 count]} then the messages, read without per-field objects. */
    static PolledBatch polledMessages(ByteBuf payload) {
        long partitionId = payload.readUnsignedIntLE();
        long currentOffset = payload.readLongLE();
        int count = payload.readIntLE();
        List<InboundMessage> messages = new ArrayList<>(Math.max(0, count));
        while (payload.isReadable()) {
            long checksum = payload.readLongLE();
            long idLow = payload.readLongLE();
            long idHigh = payload.readLongLE();
            long offset = payload.readLongLE();
            long timestamp = payload.readLongLE();
            long originTimestamp = payload.readLongLE();
            int headersLength = payload.readIntLE();
            int payloadLength = payload.readIntLE();
            payload.skipBytes(8); // reserved
            byte[] body = new byte[payloadLength];
            payload.readBytes(body);
            Map<String, IggyHeaderValue> headers =
                    headersLength == 0 ? Collections.emptyMap() : readUserHeaders(payload, headersLength);
            messages.add(new InboundMessage(
                    offset, timestamp, originTimestamp, new IggyMessageId(idHigh, idLow), checksum, body, headers));
        }
        return new PolledBatch(partitionId, currentOffset, messages);
    }

    private static Map<String, IggyHeaderValue> readUserHeaders(ByteBuf payload, int length) {
        int end = payload.readerIndex() + length;
        Map<String, IggyHeaderValue> headers = new LinkedHashMap<>();
        while (payload.readerIndex() < end) {
            payload.skipBytes(1); // key kind: keys are strings
            int keyLength = payload.readIntLE();
            String key =
                    payload.readCharSequence(keyLength, StandardCharsets.UTF_8).toString();
            int kindCode = payload.readUnsignedByte();
            IggyHeaderKind kind = IggyHeaderKind.of(kindCode);
            if (kind == null) {
                throw new IllegalStateException("User header " + key + " has an unknown kind " + kindCode);
            }
            byte[] value = new byte[payload.readIntLE()];
            payload.readBytes(value);
            headers.put(key, new IggyHeaderValue(kind, value));
        }
        return headers;
    }

    /** A stream record: {@code [u32 id][u64 created][u32 topics][u64 size][u64 messages][u8 len][name]}. */
    static String streamName(ByteBuf payload) {
        payload.skipBytes(4 + 8 + 4 + 8 + 8);
        return readName(payload);
    }

    static long streamId(ByteBuf payload) {
        return payload.getUnsignedIntLE(payload.readerIndex());
    }

    /**
     * A topic record: {@code [u32 id][u64 created][u32 partitions][u64 expiry][u8 compression][u64 max size][u8
     * replication][u64 size][u64 messages][u8 len][name]}.
     */
    static TopicInfo topic(ByteBuf payload, long streamId, String streamName) {
        long id = payload.readUnsignedIntLE();
        payload.skipBytes(8);
        int partitions = payload.readIntLE();
        payload.skipBytes(8 + 1 + 8 + 1 + 8 + 8);
        return new TopicInfo(streamId, streamName, id, readName(payload), partitions);
    }

    /** {@code [u32 partition][u64 current][u64 stored]}. */
    static long storedOffset(ByteBuf payload) {
        payload.skipBytes(4 + 8);
        return payload.readLongLE();
    }

    /** A login's answer: the user id. */
    static long userId(ByteBuf payload) {
        return payload.readUnsignedIntLE();
    }

    private static String readName(ByteBuf payload) {
        int length = payload.readUnsignedByte();
        return payload.readCharSequence(length, StandardCharsets.UTF_8).toString();
    }
}
