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
package dev.iggycamel.kamelets.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-nats (JetStream) and nats-to-iggy (core NATS) against Debian's nats-server 2.9 with JetStream on (started by
 * {@code .ci/services/nats.sh}). The test's own client talks to the server directly; the sink pipe reaches it through
 * a {@link TcpProxy} so that the server can "go down" for the pipe alone.
 */
class NatsPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final int KEYS = 7;

    private Connection nats;
    private final List<String> jetStreams = new ArrayList<>();
    private TcpProxy proxy;

    @BeforeEach
    void connectToNats() throws Exception {
        ExternalServer.require("nats", 4222);
        nats = Nats.connect("nats://127.0.0.1:4222");
    }

    @AfterEach
    void cleanUp() throws Exception {
        JetStreamManagement jsm = nats.jetStreamManagement();
        for (String name : jetStreams) {
            try {
                jsm.deleteStream(name);
            } catch (JetStreamApiException e) {
                // never created
            }
        }
        nats.close();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @ProvesLevel(
            target = "nats",
            direction = "sink",
            level = 3,
            against = "Debian nats-server 2.9.10 with JetStream on 127.0.0.1:4222 (.ci/services/nats.sh)")
    void everyMessageIsStoredInJetStreamAndNothingIsCommittedWhileTheServerIsDown() throws Exception {
        String stream = unique("nats");
        String group = "iggy-to-nats";
        String subject = "iggy-it." + stream + ".events";
        String jetStream = ("IGGY_IT_" + stream).replace('-', '_').toUpperCase();
        jetStreams.add(jetStream);
        proxy = new TcpProxy("127.0.0.1", 4222);
        nats.jetStreamManagement()
                .addStream(StreamConfiguration.builder()
                        .name(jetStream)
                        .subjects(subject)
                        .build());

        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("nats-sink.servers", "127.0.0.1:" + proxy.port());
        properties.put("nats-sink.topic", subject);
        properties.put("nats-sink.jetstreamName", jetStream);
        long start = System.nanoTime();
        startPipe("iggy-to-nats", properties);

        await(Duration.ofSeconds(60), () -> stored(jetStream) >= N, () -> stored(jetStream) + " of " + N);
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        System.out.printf("iggy-to-nats: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        assertStoredInOrder(jetStream, N);

        // the server goes down for the pipe: no acknowledgement, so the offsets are not committed
        proxy.down();
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(stored(jetStream)).isEqualTo(N);

        // back on the same port: the client reconnects, everything is stored once (the client also sends what it had
        // buffered for the failed attempts: JetStream drops those repeats by their Nats-Msg-Id) and committed
        proxy.up();
        await(Duration.ofSeconds(60), () -> stored(jetStream) >= N + 100, () -> stored(jetStream) + " of " + N);
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        Thread.sleep(1000);
        assertStoredInOrder(jetStream, N + 100);
    }

    @Test
    @ProvesLevel(
            target = "nats",
            direction = "source",
            level = 3,
            against = "Debian nats-server 2.9.10 on 127.0.0.1:4222, core NATS (.ci/services/nats.sh)")
    void everyPublishedMessageArrivesInIggyWithItsKey() throws Exception {
        String stream = unique("nats");
        String subject = "iggy-it." + stream + ".telemetry";

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("iggy-sink.partitions", "3");
        properties.put("nats-raw-source.servers", "127.0.0.1:4222");
        properties.put("nats-raw-source.topic", subject);
        startPipe("nats-to-iggy", properties);

        // core NATS delivers only to subscribers: probe until the pipe's subscription took one
        await(
                Duration.ofSeconds(30),
                () -> {
                    nats.publish(subject, "probe".getBytes(StandardCharsets.UTF_8));
                    return count(stream) > 0;
                },
                () -> "the pipe never subscribed to " + subject);
        int probes = count(stream);

        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            Headers headers = new Headers().add("key", key(i));
            nats.publish(subject, headers, body(i).getBytes(StandardCharsets.UTF_8));
        }
        nats.flush(Duration.ofSeconds(10));
        await(
                Duration.ofSeconds(60),
                () -> count(stream) >= probes + N,
                () -> (count(stream) - probes) + " of " + N + " in Iggy");
        System.out.printf("nats-to-iggy: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);

        Map<String, Integer> partitionOfKey = new HashMap<>();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            for (Message message : client.all(stream, "events", partition)) {
                String body = new String(message.payload(), StandardCharsets.UTF_8);
                HeaderValue key = message.userHeaders().get(HeaderKey.fromString("key"));
                if (key == null) {
                    continue; // a probe
                }
                assertThat(body).contains("\"device\":\"" + key.asString() + "\"");
                assertThat(partitionOfKey.computeIfAbsent(key.asString(), k -> p))
                        .as("Iggy partition of key %s", key.asString())
                        .isEqualTo(partition);
                byKey.computeIfAbsent(key.asString(), k -> new ArrayList<>()).add(body);
                all.add(body);
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(bodies(0, N));
        assertThat(byKey).hasSize(KEYS);
        byKey.forEach((key, bodies) -> assertThat(bodies)
                .as("messages of key %s in publish order", key)
                .containsExactlyElementsOf(bodiesOf(key, N)));
    }

    /** The JetStream stream holds exactly the messages, in Iggy order, each with the key header of its Iggy message. */
    private void assertStoredInOrder(String jetStream, int count) throws Exception {
        JetStreamManagement jsm = nats.jetStreamManagement();
        List<String> bodies = new ArrayList<>();
        for (long seq = 1; seq <= count; seq++) {
            MessageInfo info = jsm.getMessage(jetStream, seq);
            String body = new String(info.getData(), StandardCharsets.UTF_8);
            assertThat(info.getHeaders()).isNotNull();
            assertThat(body).contains("\"device\":\"" + info.getHeaders().getFirst("key") + "\"");
            assertThat(info.getHeaders().getFirst("Nats-Msg-Id")).endsWith("/events/0/" + (seq - 1));
            bodies.add(body);
        }
        assertThat(bodies).containsExactlyElementsOf(bodies(0, count));
        assertThat(stored(jetStream)).isEqualTo(count);
    }

    private long stored(String jetStream) {
        try {
            return nats.jetStreamManagement()
                    .getStreamInfo(jetStream)
                    .getStreamState()
                    .getMsgCount();
        } catch (JetStreamApiException e) {
            return 0; // not created yet
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String stream) {
        try {
            int count = 0;
            for (int partition = 0; partition < 3; partition++) {
                count += client.all(stream, "events", partition).size();
            }
            return count;
        } catch (RuntimeException e) {
            return 0; // the pipe has not created the stream yet
        }
    }

    private static String key(int i) {
        return "d-" + (i % KEYS);
    }

    private static String body(int i) {
        return "{\"device\":\"" + key(i) + "\",\"n\":" + i + "}";
    }

    private static List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(NatsPipeIT::body).toList();
    }

    private static List<String> bodiesOf(String key, int count) {
        return IntStream.range(0, count)
                .filter(i -> key(i).equals(key))
                .mapToObj(NatsPipeIT::body)
                .toList();
    }

    /** Iggy messages with a {@code key} header, as a keyed producer would write them. */
    private static List<Message> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(body(i), Map.of(HeaderKey.fromString("key"), HeaderValue.fromString(key(i)))))
                .toList();
    }
}
