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
package dev.iggycamel.testinfra.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.embedded.hash.Xxh3;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.BigIntegerMessageId;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderKind;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.MessageHeader;
import org.apache.iggy.message.MessageId;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.message.UuidMessageId;
import org.junit.jupiter.api.Test;

/**
 * SEND_MESSAGES and POLL_MESSAGES: the message format on the way in and out (payloads, ids, timestamps, checksums,
 * typed user headers), partition routing (explicit, balanced, by key) and the five polling strategies with
 * auto-commit.
 */
class MessagesIT extends SharedServerBase {

    @Test
    void sendAndPollRoundTripPayloadsAndOffsets() {
        createStreamAndTopic(1);
        long before = System.currentTimeMillis();
        sendTo(0L, numbered("message-", 10));
        long after = System.currentTimeMillis();

        PolledMessages polled = poll(0L, 1, PollingStrategy.offset(BigInteger.ZERO), 100, false);

        assertThat(polled.partitionId()).isZero();
        assertThat(polled.currentOffset()).isEqualTo(BigInteger.valueOf(9));
        assertThat(polled.count()).isEqualTo(10);
        assertThat(payloads(polled)).containsExactlyElementsOf(payloads("message-", 10));
        assertThat(offsets(polled)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        // one send request is one batch: every message gets the same server timestamp
        BigInteger timestamp = polled.messages().get(0).header().timestamp();
        assertMicrosBetween(timestamp, before, after);
        assertThat(polled.messages()).allSatisfy(message -> {
            MessageHeader header = message.header();
            assertThat(header.timestamp()).isEqualTo(timestamp);
            assertThat(header.originTimestamp()).isEqualTo(BigInteger.ZERO);
            assertThat(header.payloadLength()).isEqualTo(message.payload().length);
            assertThat(header.userHeadersLength()).isZero();
            assertThat(header.reserved()).isEqualTo(BigInteger.ZERO);
            assertThat(message.userHeaders()).isEmpty();
        });
    }

    @Test
    void serverGeneratesUuidV4IdsAndXxh3Checksums() {
        createStreamAndTopic(1);
        sendTo(0L, numbered("id-", 5));

        PolledMessages polled = poll(0L, 1, PollingStrategy.first(), 10, false);

        Set<BigInteger> ids = new TreeSet<>();
        for (Message message : polled.messages()) {
            BigInteger id = message.header().id().toBigInteger();
            ids.add(id);
            UUID uuid = new UUID(id.shiftRight(64).longValue(), id.longValue());
            assertThat(uuid.version()).as("version of %s", uuid).isEqualTo(4);
            assertThat(uuid.variant()).as("variant of %s", uuid).isEqualTo(2);
            assertThat(message.header().checksum()).isEqualTo(checksum(message));
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void clientMessageIdsAndOriginTimestampsAreKept() {
        createStreamAndTopic(1);
        UUID uuid = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
        BigInteger big = BigInteger.ONE.shiftLeft(127).add(BigInteger.valueOf(42));
        sendTo(
                0L,
                List.of(
                        binary(new UuidMessageId(uuid), BigInteger.valueOf(1_700_000_000_000_000L), bytes(1, 2, 3)),
                        binary(new BigIntegerMessageId(big), BigInteger.ZERO, bytes(4, 5))));

        PolledMessages polled = poll(0L, 1, PollingStrategy.first(), 10, false);

        assertThat(polled.messages().get(0).header().id().toBigInteger())
                .isEqualTo(new UuidMessageId(uuid).toBigInteger());
        assertThat(polled.messages().get(0).header().originTimestamp())
                .isEqualTo(BigInteger.valueOf(1_700_000_000_000_000L));
        assertThat(polled.messages().get(1).header().id().toBigInteger()).isEqualTo(big);
        assertThat(polled.messages())
                .allSatisfy(message -> assertThat(message.header().checksum()).isEqualTo(checksum(message)));
    }

    @Test
    void everyUserHeaderKindRoundTrips() {
        createStreamAndTopic(1);
        Map<HeaderKey, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(key("raw"), HeaderValue.fromRaw(bytes(0, 1, 127, 128, 255)));
        headers.put(key("string"), HeaderValue.fromString("héllo, wörld"));
        headers.put(key("bool"), HeaderValue.fromBool(true));
        headers.put(key("int8"), HeaderValue.fromInt8((byte) -8));
        headers.put(key("int16"), HeaderValue.fromInt16((short) -1600));
        headers.put(key("int32"), HeaderValue.fromInt32(-320_000));
        headers.put(key("int64"), HeaderValue.fromInt64(Long.MIN_VALUE + 64));
        headers.put(key("int128"), new HeaderValue(HeaderKind.Int128, sequence(16, 1)));
        headers.put(key("uint8"), HeaderValue.fromUint8((short) 250));
        headers.put(key("uint16"), HeaderValue.fromUint16(65_000));
        headers.put(key("uint32"), HeaderValue.fromUint32(4_000_000_000L));
        headers.put(key("uint64"), new HeaderValue(HeaderKind.Uint64, sequence(8, 200)));
        headers.put(key("uint128"), new HeaderValue(HeaderKind.Uint128, sequence(16, 100)));
        headers.put(key("float32"), HeaderValue.fromFloat32(3.25f));
        headers.put(key("float64"), HeaderValue.fromFloat64(-2.5e300));
        // keys may be of any kind too
        headers.put(new HeaderKey(HeaderKind.Int32, bytes(7, 0, 0, 0)), HeaderValue.fromBool(false));
        assertThat(headers.values()).extracting(HeaderValue::kind).contains(HeaderKind.values());
        sendTo(0L, List.of(Message.of("with headers", headers), Message.of("without")));

        PolledMessages polled = poll(0L, 1, PollingStrategy.first(), 10, false);

        Message withHeaders = polled.messages().get(0);
        assertThat(withHeaders.userHeaders()).isEqualTo(headers);
        assertThat(withHeaders.header().userHeadersLength())
                .isEqualTo(Message.of("with headers", headers).header().userHeadersLength());
        Map<HeaderKey, HeaderValue> received = withHeaders.userHeaders();
        assertThat(received.get(key("string")).asString()).isEqualTo("héllo, wörld");
        assertThat(received.get(key("bool")).asBool()).isTrue();
        assertThat(received.get(key("int16")).asInt16()).isEqualTo((short) -1600);
        assertThat(received.get(key("int64")).asInt64()).isEqualTo(Long.MIN_VALUE + 64);
        assertThat(received.get(key("uint32")).asUint32()).isEqualTo(4_000_000_000L);
        assertThat(received.get(key("float64")).asFloat64()).isEqualTo(-2.5e300);
        assertThat(polled.messages().get(1).userHeaders()).isEmpty();
        assertThat(payloads(polled)).containsExactly("with headers", "without");
    }

    @Test
    void binaryAndLargePayloadsRoundTrip() {
        createStreamAndTopic(1);
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        byte[] large = sequence(1024 * 1024, 7);
        sendTo(
                0L,
                List.of(
                        binary(MessageId.serverGenerated(), BigInteger.ZERO, allBytes),
                        binary(MessageId.serverGenerated(), BigInteger.ZERO, large)));

        PolledMessages polled = poll(0L, 1, PollingStrategy.first(), 10, false);

        assertThat(polled.messages()).hasSize(2);
        assertThat(polled.messages().get(0).payload()).isEqualTo(allBytes);
        assertThat(polled.messages().get(1).payload()).isEqualTo(large);
    }

    @Test
    void messagesKeyPicksThePartitionByXxh32() {
        createStream(STREAM);
        // XXH32("test-key") = 0x966CC3E7, XXH32("order-42") = 0xBBC33AD1; partition = hash mod count, unsigned
        Map<Integer, Map<String, Integer>> expected = Map.of(
                2, Map.of("test-key", 1, "order-42", 1),
                3, Map.of("test-key", 0, "order-42", 1),
                4, Map.of("test-key", 3, "order-42", 1),
                10, Map.of("test-key", 9, "order-42", 9));
        for (int partitions : expected.keySet()) {
            String topic = "keyed-" + partitions;
            createTopic(STREAM, topic, partitions);
            for (String key : List.of("test-key", "order-42", "test-key")) {
                root().messages()
                        .sendMessages(
                                StreamId.of(STREAM), TopicId.of(topic), Partitioning.messagesKey(key), messages(key));
            }
        }

        for (Map.Entry<Integer, Map<String, Integer>> entry : expected.entrySet()) {
            String topic = "keyed-" + entry.getKey();
            Map<String, Integer> found = new HashMap<>();
            for (long partition = 0; partition < entry.getKey(); partition++) {
                PolledMessages polled = root().messages()
                        .pollMessages(
                                StreamId.of(STREAM),
                                TopicId.of(topic),
                                Optional.of(partition),
                                Consumer.of(1L),
                                PollingStrategy.first(),
                                10L,
                                false);
                for (String payload : payloads(polled)) {
                    assertThat(found.put(payload, (int) partition))
                            .as("all %s messages in one partition of %s", payload, topic)
                            .isIn(null, (int) partition);
                }
            }
            assertThat(found).as("partitions of the keys in %s", topic).isEqualTo(entry.getValue());
        }
    }

    @Test
    void balancedPartitioningRoundRobinsPerSendRequest() {
        createStreamAndTopic(3);
        for (int request = 0; request < 6; request++) {
            send(Partitioning.balanced(), messages("r" + request + "-a", "r" + request + "-b"));
        }

        Map<Long, List<String>> byPartition = new TreeMap<>();
        for (long partition = 0; partition < 3; partition++) {
            byPartition.put(partition, payloads(poll(partition, 1, PollingStrategy.first(), 100, false)));
        }

        // one request is one batch in one partition; requests go 0, 1, 2, 0, 1, 2
        assertThat(byPartition)
                .containsEntry(0L, List.of("r0-a", "r0-b", "r3-a", "r3-b"))
                .containsEntry(1L, List.of("r1-a", "r1-b", "r4-a", "r4-b"))
                .containsEntry(2L, List.of("r2-a", "r2-b", "r5-a", "r5-b"));
    }

    @Test
    void balancedRoutingKeepsItsPlaceWhenPartitionsChange() {
        createStreamAndTopic(3);
        for (int request = 0; request < 4; request++) {
            send(Partitioning.balanced(), messages("r" + request));
        }
        // the server keeps its round-robin counter below the partition count: after 0, 1, 2, 0 it points at 1
        root().partitions().deletePartitions(StreamId.of(STREAM), TopicId.of(TOPIC), 1L);

        send(Partitioning.balanced(), messages("r4"));
        send(Partitioning.balanced(), messages("r5"));

        assertThat(payloads(poll(0L, 1, PollingStrategy.first(), 10, false))).containsExactly("r0", "r3", "r5");
        assertThat(payloads(poll(1L, 1, PollingStrategy.first(), 10, false))).containsExactly("r1", "r4");
    }

    @Test
    void sendToWhatDoesNotExistFails() {
        createStreamAndTopic(2);

        assertServerError(ServerError.STREAM_ID_NOT_FOUND, () -> root().messages()
                .sendMessages(StreamId.of("missing"), TopicId.of(TOPIC), Partitioning.balanced(), messages("x")));
        assertServerError(ServerError.TOPIC_ID_NOT_FOUND, () -> root().messages()
                .sendMessages(StreamId.of(STREAM), TopicId.of("missing"), Partitioning.balanced(), messages("x")));
        assertServerError(ServerError.PARTITION_NOT_FOUND, () -> sendTo(2L, messages("x")));
        assertServerError(ServerError.INVALID_MESSAGES_COUNT, () -> sendTo(0L, List.of()));
        assertThat(root().topics().getTopic(0L, 0L).orElseThrow().messagesCount())
                .isEqualTo(BigInteger.ZERO);
    }

    @Test
    void sendToATopicWithoutPartitions() {
        createStreamAndTopic(0);

        // balanced routing finds no partition, which the server reports as "topic not found"
        assertServerError(ServerError.TOPIC_ID_NOT_FOUND, () -> send(Partitioning.balanced(), messages("x")));
        assertServerError(ServerError.PARTITION_NOT_FOUND, () -> sendTo(0L, messages("x")));
    }

    @Test
    void oversizedUserHeadersAreRefusedAndTheConnectionStaysUsable() {
        createStreamAndTopic(1);
        Map<HeaderKey, HeaderValue> huge = Map.of(key("huge"), new HeaderValue(HeaderKind.Raw, new byte[100_001]));
        var client = rootClient(1);

        assertServerError(ServerError.TOO_BIG_USER_HEADERS, () -> client.messages()
                .sendMessages(
                        StreamId.of(STREAM),
                        TopicId.of(TOPIC),
                        Partitioning.partitionId(0L),
                        List.of(Message.of("too much", huge))));

        client.messages()
                .sendMessages(StreamId.of(STREAM), TopicId.of(TOPIC), Partitioning.partitionId(0L), messages("fine"));
        assertThat(payloads(poll(client, 0L, Consumer.of(1L), PollingStrategy.first(), 10, false)))
                .containsExactly("fine");
    }

    @Test
    void pollingByOffset() {
        createStreamAndTopic(1);
        sendTo(0L, numbered("m", 10));

        assertThat(offsets(poll(0L, 1, PollingStrategy.offset(BigInteger.valueOf(5)), 3, false)))
                .containsExactly(5L, 6L, 7L);
        assertThat(payloads(poll(0L, 1, PollingStrategy.offset(BigInteger.valueOf(8)), 10, false)))
                .containsExactly("m8", "m9");
        PolledMessages beyond = poll(0L, 1, PollingStrategy.offset(BigInteger.valueOf(10)), 10, false);
        assertThat(beyond.messages()).isEmpty();
        assertThat(beyond.currentOffset()).isEqualTo(BigInteger.valueOf(9));
        PolledMessages none = poll(0L, 1, PollingStrategy.offset(BigInteger.ZERO), 0, false);
        assertThat(none.messages()).isEmpty();
        assertThat(none.currentOffset()).isEqualTo(BigInteger.valueOf(9));
    }

    @Test
    void pollingFirstAndLast() {
        createStreamAndTopic(1);
        sendTo(0L, numbered("m", 4));
        sendTo(0L, numbered("n", 6));

        assertThat(offsets(poll(0L, 1, PollingStrategy.first(), 3, false))).containsExactly(0L, 1L, 2L);
        assertThat(payloads(poll(0L, 1, PollingStrategy.last(), 3, false))).containsExactly("n3", "n4", "n5");
        assertThat(offsets(poll(0L, 1, PollingStrategy.last(), 100, false)))
                .hasSize(10)
                .startsWith(0L);
    }

    @Test
    void pollingByTimestampMatchesWholeBatches() throws InterruptedException {
        createStreamAndTopic(1);
        sendTo(0L, numbered("early", 3));
        Thread.sleep(20);
        sendTo(0L, numbered("late", 2));
        List<Message> all = poll(0L, 1, PollingStrategy.first(), 10, false).messages();
        BigInteger early = all.get(0).header().timestamp();
        BigInteger late = all.get(3).header().timestamp();
        assertThat(late).isGreaterThan(early);

        assertThat(payloads(poll(0L, 1, PollingStrategy.timestamp(late), 10, false)))
                .containsExactly("late0", "late1");
        assertThat(payloads(poll(0L, 1, PollingStrategy.timestamp(early.add(BigInteger.ONE)), 10, false)))
                .containsExactly("late0", "late1");
        assertThat(poll(0L, 1, PollingStrategy.timestamp(early), 10, false).messages())
                .hasSize(5);
        assertThat(poll(0L, 1, PollingStrategy.timestamp(BigInteger.ZERO), 2, false)
                        .messages())
                .extracting(message -> message.header().offset())
                .containsExactly(BigInteger.ZERO, BigInteger.ONE);
        assertThat(poll(0L, 1, PollingStrategy.timestamp(late.add(BigInteger.ONE)), 10, false)
                        .messages())
                .isEmpty();
    }

    @Test
    void pollingNextStartsAfterTheStoredOffset() {
        createStreamAndTopic(1);
        sendTo(0L, numbered("m", 10));

        // nothing stored: from the first message, again and again without auto-commit
        assertThat(offsets(poll(0L, 1, PollingStrategy.next(), 3, false))).containsExactly(0L, 1L, 2L);
        assertThat(offsets(poll(0L, 1, PollingStrategy.next(), 3, false))).containsExactly(0L, 1L, 2L);

        root().consumerOffsets().storeConsumerOffset(0L, 0L, Optional.of(0L), 1L, BigInteger.valueOf(4));

        assertThat(offsets(poll(0L, 1, PollingStrategy.next(), 3, false))).containsExactly(5L, 6L, 7L);
        // offsets are per consumer
        assertThat(offsets(poll(0L, 2, PollingStrategy.next(), 1, false))).containsExactly(0L);
    }

    @Test
    void autoCommitStoresTheLastPolledOffset() {
        createStreamAndTopic(1);
        sendTo(0L, numbered("m", 10));

        assertThat(payloads(poll(0L, 1, PollingStrategy.next(), 4, true))).containsExactly("m0", "m1", "m2", "m3");
        assertThat(storedOffset(1)).isEqualTo(3);
        assertThat(payloads(poll(0L, 1, PollingStrategy.next(), 4, true))).containsExactly("m4", "m5", "m6", "m7");
        assertThat(payloads(poll(0L, 1, PollingStrategy.next(), 4, true))).containsExactly("m8", "m9");
        assertThat(poll(0L, 1, PollingStrategy.next(), 4, true).messages()).isEmpty();
        assertThat(storedOffset(1)).isEqualTo(9);
        // any strategy commits what it returned
        poll(0L, 2, PollingStrategy.offset(BigInteger.valueOf(2)), 3, true);
        assertThat(storedOffset(2)).isEqualTo(4);
    }

    @Test
    void pollingAnEmptyPartitionIsNotAnError() {
        createStreamAndTopic(1);

        for (PollingStrategy strategy : List.of(
                PollingStrategy.first(),
                PollingStrategy.last(),
                PollingStrategy.next(),
                PollingStrategy.offset(BigInteger.ZERO),
                PollingStrategy.timestamp(BigInteger.ZERO))) {
            PolledMessages polled = poll(0L, 1, strategy, 10, true);
            assertThat(polled.messages()).as("%s", strategy).isEmpty();
            assertThat(polled.partitionId()).isZero();
            assertThat(polled.currentOffset()).isEqualTo(BigInteger.ZERO);
        }
        assertThat(root().consumerOffsets().getConsumerOffset(0L, 0L, Optional.of(0L), 1L))
                .isEmpty();
    }

    @Test
    void pollFromWhatDoesNotExistFails() {
        createStreamAndTopic(2);

        assertServerError(ServerError.PARTITION_NOT_FOUND, () -> poll(2L, 1, PollingStrategy.first(), 1, false));
        assertServerError(ServerError.TOPIC_ID_NOT_FOUND, () -> root().messages()
                .pollMessages(
                        StreamId.of(STREAM),
                        TopicId.of("missing"),
                        Optional.of(0L),
                        Consumer.of(1L),
                        PollingStrategy.first(),
                        1L,
                        false));
        assertServerError(ServerError.STREAM_ID_NOT_FOUND, () -> root().messages()
                .pollMessages(
                        StreamId.of("missing"),
                        TopicId.of(TOPIC),
                        Optional.of(0L),
                        Consumer.of(1L),
                        PollingStrategy.first(),
                        1L,
                        false));
    }

    @Test
    void singleConsumerWithoutPartitionReadsPartitionZero() {
        createStreamAndTopic(2);
        sendTo(1L, messages("in one"));
        sendTo(0L, messages("in zero"));

        for (int i = 0; i < 3; i++) {
            PolledMessages polled = poll(null, 1, PollingStrategy.first(), 10, false);
            assertThat(polled.partitionId()).isZero();
            assertThat(payloads(polled)).containsExactly("in zero");
        }
        PolledMessages named =
                poll(root(), null, Consumer.of(ConsumerId.of("named-reader")), PollingStrategy.next(), 10, true);
        assertThat(payloads(named)).containsExactly("in zero");
        assertThat(root().consumerOffsets()
                        .getConsumerOffset(
                                StreamId.of(STREAM),
                                TopicId.of(TOPIC),
                                Optional.empty(),
                                Consumer.of(ConsumerId.of("named-reader")))
                        .orElseThrow()
                        .storedOffset())
                .isZero();
    }

    private long storedOffset(long consumer) {
        return root().consumerOffsets()
                .getConsumerOffset(0L, 0L, Optional.of(0L), consumer)
                .orElseThrow()
                .storedOffset()
                .longValueExact();
    }

    private static List<String> payloads(String prefix, int count) {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            payloads.add(prefix + i);
        }
        return payloads;
    }

    private static HeaderKey key(String name) {
        return HeaderKey.fromString(name);
    }

    private static Message binary(MessageId id, BigInteger originTimestamp, byte[] payload) {
        MessageHeader header = new MessageHeader(
                BigInteger.ZERO,
                id,
                BigInteger.ZERO,
                BigInteger.ZERO,
                originTimestamp,
                0L,
                (long) payload.length,
                BigInteger.ZERO);
        return new Message(header, payload, Map.of());
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] sequence(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed + i * 31);
        }
        return bytes;
    }

    /**
     * XXH3-64 of the stored message from the id onwards (header without the checksum, then the payload), as the
     * server computes it; for messages without user headers, whose stored bytes the SDK's parse gives back exactly.
     */
    private static BigInteger checksum(Message message) {
        assertThat(message.userHeaders()).isEmpty();
        MessageHeader header = message.header();
        ByteBuffer stored = ByteBuffer.allocate(56 + message.payload().length).order(ByteOrder.LITTLE_ENDIAN);
        BigInteger id = header.id().toBigInteger();
        stored.putLong(id.longValue());
        stored.putLong(id.shiftRight(64).longValue());
        stored.putLong(header.offset().longValue());
        stored.putLong(header.timestamp().longValue());
        stored.putLong(header.originTimestamp().longValue());
        stored.putInt(header.userHeadersLength().intValue());
        stored.putInt(header.payloadLength().intValue());
        stored.putLong(header.reserved().longValue());
        stored.put(message.payload());
        long hash = Xxh3.hash(stored.array());
        return new BigInteger(Long.toUnsignedString(hash));
    }
}
