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

import static dev.iggycamel.embedded.server.RawClient.bytes;
import static dev.iggycamel.embedded.server.RawClient.message;
import static dev.iggycamel.embedded.server.RawClient.name;
import static dev.iggycamel.embedded.server.RawClient.numericId;
import static dev.iggycamel.embedded.server.RawClient.sendPayload;
import static dev.iggycamel.embedded.server.RawClient.u32;
import static dev.iggycamel.embedded.server.RawClient.u64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.partition.Partition;
import org.apache.iggy.stream.StreamBase;
import org.apache.iggy.topic.Topic;
import org.apache.iggy.topic.TopicDetails;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Throws a bounded number of random and half-valid frames at the broker, then checks with the official SDK that it
 * still answers and that what it reports is self-consistent: counts match listings, every partition's messages
 * are there with contiguous offsets.
 */
class RandomFrameTest {

    private static final int FRAMES_PER_SEED = 4_000;
    private static final int[] CODES = {
        1, 10, 20, 21, 22, 31, 32, 38, 41, 42, 43, 44, 100, 101, 101, 101, 120, 121, 200, 201, 202, 203, 204, 300, 301,
        302, 302, 303, 304, 402, 403, 600, 601, 602, 603, 604, 605
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void brokerSurvivesRandomFramesAndStaysConsistent(long seed) throws IOException {
        Random random = new Random(seed);
        try (EmbeddedIggyServer server =
                EmbeddedIggyServer.builder().port(0).build().start()) {
            RawClient client = connect(server, random);
            int accepted = 0;
            int stored = 0;
            try {
                for (int i = 0; i < FRAMES_PER_SEED; i++) {
                    int code = pickCode(random);
                    client.send(code, payload(code, random));
                    try {
                        if (client.read().status() == 0) {
                            accepted++;
                            stored += code == 101 ? 1 : 0;
                        }
                    } catch (IOException closed) {
                        // the broker may close a connection (100/30 replies): open another
                        client.close();
                        client = connect(server, random);
                    }
                }
            } finally {
                client.close();
            }
            // not vacuous: a good share of the frames got through decoding and changed state
            assertThat(accepted).as("seed %d: accepted frames", seed).isGreaterThan(FRAMES_PER_SEED / 10);
            assertThat(stored).as("seed %d: stored batches", seed).isPositive();
            assertConsistent(server, seed);
        }
    }

    private static RawClient connect(EmbeddedIggyServer server, Random random) throws IOException {
        RawClient client = new RawClient(server.port());
        if (random.nextInt(10) > 0) {
            client.login("iggy", "iggy");
        }
        return client;
    }

    private static int pickCode(Random random) {
        int dice = random.nextInt(200);
        if (dice == 0) {
            return 39; // logout: rare, or the connection would spend most frames unauthenticated
        }
        return dice < 10 ? random.nextInt(1000) : CODES[random.nextInt(CODES.length)];
    }

    /** For most frames a plausible request for the code, sometimes mutated; otherwise random bytes. */
    private static byte[] payload(int code, Random random) {
        byte[] payload = random.nextInt(5) == 0 ? randomBytes(random, random.nextInt(120)) : plausible(code, random);
        if (payload.length > 0 && random.nextInt(5) == 0) {
            payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
        }
        if (payload.length > 0 && random.nextInt(8) == 0) {
            payload = Arrays.copyOf(payload, random.nextInt(payload.length));
        }
        return payload;
    }

    private static byte[] plausible(int code, Random random) {
        byte[] stream = numericId(random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
        byte[] topic = numericId(random.nextInt(4) == 0 ? 1 : 0);
        byte[] partition = bytes(new byte[] {(byte) random.nextInt(2)}, u32(random.nextInt(3)));
        byte[] consumer = bytes(new byte[] {(byte) (1 + random.nextInt(2))}, numericId(random.nextInt(2)));
        return switch (code) {
            case 202 -> name("s" + random.nextInt(4));
            case 200, 203, 301 -> stream;
            case 204 -> bytes(stream, name("s" + random.nextInt(4)));
            case 300, 303 -> bytes(stream, topic);
            case 302 ->
                bytes(
                        stream,
                        u32(random.nextInt(4)),
                        new byte[] {1},
                        u64(0),
                        u64(0),
                        new byte[] {0},
                        name("t" + random.nextInt(3)));
            case 402, 403 -> bytes(stream, topic, u32(random.nextInt(3)));
            case 101 ->
                sendPayload(
                        stream,
                        topic,
                        random.nextBoolean() ? new byte[] {1, 0} : new byte[] {3, 2, 'k', (byte) random.nextInt(9)},
                        message(randomBytes(random, random.nextInt(50))),
                        message(randomBytes(random, random.nextInt(50))));
            case 100 ->
                bytes(
                        consumer,
                        stream,
                        topic,
                        partition,
                        new byte[] {(byte) (1 + random.nextInt(5))},
                        u64(random.nextInt(5)),
                        u32(random.nextInt(20)),
                        new byte[] {(byte) random.nextInt(2)});
            case 120 -> bytes(consumer, stream, topic, partition);
            case 121 -> bytes(consumer, stream, topic, partition, u64(random.nextInt(5)));
            case 600, 603, 604, 605 -> bytes(stream, topic, numericId(random.nextInt(2)));
            case 601 -> bytes(stream, topic);
            case 602 -> bytes(stream, topic, name("g" + random.nextInt(2)));
            case 38 -> bytes(name("iggy"), name(random.nextInt(10) == 0 ? "wrong" : "iggy"), u32(0), u32(0));
            case 21 -> u32(random.nextInt(4));
            case 31 -> numericId(random.nextInt(2));
            case 42 -> bytes(name("token" + random.nextInt(3)), u64(0));
            case 43 -> name("token" + random.nextInt(3));
            default -> new byte[0];
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void assertConsistent(EmbeddedIggyServer server, long seed) {
        try (IggyTcpClient sdk = IggyTcpClient.builder()
                .host("localhost")
                .port(server.port())
                .credentials("iggy", "iggy")
                .buildAndLogin()) {
            sdk.system().ping();
            List<StreamBase> streams = sdk.streams().getStreams();
            for (StreamBase stream : streams) {
                List<Topic> topics = sdk.topics().getTopics(StreamId.of(stream.id()));
                assertThat(topics)
                        .as("seed %d: topics of stream %s", seed, stream.name())
                        .hasSize(stream.topicsCount().intValue());
                for (Topic topic : topics) {
                    TopicDetails details = sdk.topics()
                            .getTopic(StreamId.of(stream.id()), TopicId.of(topic.id()))
                            .orElseThrow();
                    assertThat(details.partitions())
                            .hasSize(topic.partitionsCount().intValue());
                    BigInteger total = BigInteger.ZERO;
                    for (Partition partition : details.partitions()) {
                        total = total.add(partition.messagesCount());
                        PolledMessages polled = sdk.messages()
                                .pollMessages(
                                        StreamId.of(stream.id()),
                                        TopicId.of(topic.id()),
                                        Optional.of(partition.id()),
                                        Consumer.of(99L),
                                        PollingStrategy.first(),
                                        100_000L,
                                        false);
                        assertThat((long) polled.messages().size())
                                .as("seed %d: messages in partition %d", seed, partition.id())
                                .isEqualTo(partition.messagesCount().longValue());
                        long expected = 0;
                        for (Message message : polled.messages()) {
                            assertThat(message.header().offset().longValue()).isEqualTo(expected++);
                        }
                    }
                    assertThat(total).isEqualTo(topic.messagesCount());
                }
            }
            assertThat(sdk.users().getUser(0L)).isPresent();
        }
    }
}
