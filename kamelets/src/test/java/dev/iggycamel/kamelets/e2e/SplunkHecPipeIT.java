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

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-splunk (camel-kamelets splunk-hec-sink over camel-splunk-hec) against an in-JVM HEC stand-in: POST
 * /services/collector/event with the {@code Authorization: Splunk <token>} check, answering as HEC does.
 */
class SplunkHecPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    private final String token = UUID.randomUUID().toString();
    private final List<JsonObject> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private HttpServer hec;

    private void startHec(int port) throws Exception {
        hec = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        hec.createContext("/services/collector/event", exchange -> {
            int status;
            String answer;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!("Splunk " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                status = 401;
                answer = "{\"text\":\"Invalid token\",\"code\":4}";
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
                answer = "{\"text\":\"Method not allowed\",\"code\":-1}";
            } else {
                try {
                    events.add((JsonObject) Jsoner.deserialize(body));
                    status = 200;
                    answer = "{\"text\":\"Success\",\"code\":0}";
                } catch (Exception e) {
                    status = 400;
                    answer = "{\"text\":\"Invalid data format\",\"code\":6}";
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        hec.start();
    }

    @AfterEach
    void stopHec() {
        if (hec != null) {
            hec.stop(0);
        }
    }

    @Test
    @ProvesLevel(
            target = "splunk",
            direction = "sink",
            level = 2,
            against = "in-JVM Splunk HEC stand-in (POST /services/collector/event, token check)")
    void everyEventArrivesAndNothingIsCommittedWhileHecIsDown() throws Exception {
        startHec(0);
        int port = hec.getAddress().getPort();
        String stream = unique("splunk");
        String group = "iggy-to-splunk";
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("splunk-hec-sink.splunkUrl", "127.0.0.1:" + port);
        properties.put("splunk-hec-sink.token", token);
        long started = System.nanoTime();
        startPipe("iggy-to-splunk", properties);

        await(Duration.ofSeconds(60), () -> events.size() >= N, () -> events.size() + " of " + N);
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        System.out.printf("splunk hec sink: %d events in %d ms%n", N, (System.nanoTime() - started) / 1_000_000);

        // HEC is down: the new messages stay in Iggy, uncommitted
        hec.stop(0);
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(2000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(events).hasSize(N);

        startHec(port);
        await(Duration.ofSeconds(60), () -> events.size() >= N + 100, () -> events.size() + " of " + (N + 100));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));

        assertThat(refused).hasValue(0);
        assertThat(events).hasSize(N + 100);
        for (int i = 0; i < N + 100; i++) {
            JsonObject event = events.get(i);
            assertThat(event.get("index")).isEqualTo("iggy");
            assertThat(event.get("source")).isEqualTo("iggy");
            assertThat(event.get("sourcetype")).isEqualTo("_json");
            Map<?, ?> data = (Map<?, ?>) event.get("event");
            assertThat(((Number) data.get("n")).intValue()).isEqualTo(i);
            assertThat(data.get("message")).isEqualTo("event " + i);
        }
    }

    private static List<Message> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of("{\"n\":" + i + ",\"message\":\"event " + i + "\"}"))
                .toList();
    }
}
