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
import java.util.List;
import java.util.Map;
import org.apache.iggy.message.HeaderKey;
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

    private static final int N = SinkOutageScenario.N;
    private static final DeviceMessages DEVICES = new DeviceMessages("d-");

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
        String subject = "iggy-it." + stream + ".events";
        String jetStream = ("IGGY_IT_" + stream).replace('-', '_').toUpperCase();
        jetStreams.add(jetStream);
        proxy = new TcpProxy("127.0.0.1", 4222);
        nats.jetStreamManagement()
                .addStream(StreamConfiguration.builder()
                        .name(jetStream)
                        .subjects(subject)
                        .build());

        // the client also sends what it had buffered for the failed attempts: JetStream drops those repeats by their
        // Nats-Msg-Id, so every message is stored once
        new SinkOutageScenario(this, "iggy-to-nats", stream)
                .sending(DEVICES::keyed)
                .sinkProperty("nats-sink.servers", "127.0.0.1:" + proxy.port())
                .sinkProperty("nats-sink.topic", subject)
                .sinkProperty("nats-sink.jetstreamName", jetStream)
                .outage(proxy)
                .arrivedCount(() -> stored(jetStream))
                .assertArrived(count -> assertStoredInOrder(jetStream, count))
                .run();
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
                    return countInIggy(stream, "events", 3) > 0;
                },
                () -> "the pipe never subscribed to " + subject);
        int probes = countInIggy(stream, "events", 3);

        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            Headers headers = new Headers().add("key", DEVICES.key(i));
            nats.publish(subject, headers, DEVICES.body(i).getBytes(StandardCharsets.UTF_8));
        }
        nats.flush(Duration.ofSeconds(10));
        await(
                Duration.ofSeconds(60),
                () -> countInIggy(stream, "events", 3) >= probes + N,
                () -> (countInIggy(stream, "events", 3) - probes) + " of " + N + " in Iggy");
        System.out.printf("nats-to-iggy: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);

        // the key header became the Iggy partition key (the probes have none)
        List<List<Message>> partitions = byPartition(stream, "events", 3).stream()
                .map(messages -> messages.stream()
                        .filter(message -> message.userHeaders().containsKey(HeaderKey.fromString("key")))
                        .toList())
                .toList();
        KeyedArrival.assertKeyedInOrder(KeyedArrival.inIggy(partitions, "key", KeyedArrival::payload), DEVICES.sent(N));
    }

    /** The JetStream stream holds exactly the messages, in Iggy order, each with the key header of its Iggy message. */
    private void assertStoredInOrder(String jetStream, int count) throws Exception {
        Thread.sleep(1000); // a repeat JetStream failed to drop would show by now
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
        assertThat(bodies).containsExactlyElementsOf(DEVICES.bodies(0, count));
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
}
