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

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-loki against an in-JVM stand-in of Loki's push API (POST /loki/api/v1/push, JSON streams/values, 204 like
 * Loki; 400 for a body Loki would refuse: no streams, no labels, a timestamp that is not a nanosecond string).
 */
class LokiPipeIT extends PipeTestSupport {

    /** One entry per pushed line: labels, timestamp, line. */
    private record Entry(Map<?, ?> labels, long nanos, String line) {}

    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
    private HttpStandIn loki;

    /** Takes a push request like Loki: 204, or 400 for a body Loki would refuse. */
    private void push(HttpExchange exchange) throws IOException {
        int status = 204;
        try {
            assertThat(exchange.getRequestMethod()).isEqualTo("POST");
            assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json");
            JsonObject push = (JsonObject)
                    Jsoner.deserialize(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            List<Entry> pushed = new ArrayList<>();
            for (Object item : (JsonArray) push.get("streams")) {
                JsonObject stream = (JsonObject) item;
                Map<?, ?> labels = (Map<?, ?>) stream.get("stream");
                assertThat(labels).isNotEmpty();
                for (Object value : (JsonArray) stream.get("values")) {
                    JsonArray pair = (JsonArray) value;
                    pushed.add(new Entry(labels, Long.parseLong((String) pair.get(0)), (String) pair.get(1)));
                }
            }
            assertThat(pushed).isNotEmpty();
            entries.addAll(pushed);
        } catch (Throwable e) {
            status = 400;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @AfterEach
    void stopLoki() {
        if (loki != null) {
            loki.close();
        }
    }

    @Test
    @ProvesLevel(
            target = "grafana-loki",
            direction = "sink",
            level = 2,
            against = "in-JVM stand-in of Loki's push API (POST /loki/api/v1/push, JSON)")
    void everyLineArrivesAndNothingIsCommittedWhileLokiIsDown() throws Exception {
        loki = new HttpStandIn("/loki/api/v1/push", this::push);
        String stream = unique("loki");
        long before = System.currentTimeMillis() * 1_000_000L;
        new SinkOutageScenario(this, "iggy-to-loki", stream)
                .topic("logs")
                .sending(LokiPipeIT::lines)
                .sinkProperty("loki-sink.url", "http://127.0.0.1:" + loki.port() + "/loki/api/v1/push")
                .outage(loki)
                .outageLasts(Duration.ofSeconds(2))
                .arrivedCount(entries::size)
                .assertArrived(count -> {
                    assertThat(entries).hasSize(count);
                    long previous = 0;
                    for (int i = 0; i < count; i++) {
                        Entry entry = entries.get(i);
                        assertThat(entry.line()).isEqualTo("level=info n=" + i + " msg=\"line " + i + "\"");
                        assertThat(entry.labels())
                                .isEqualTo(Map.of("job", "iggy", "iggy_stream", stream, "iggy_topic", "logs"));
                        // the time Iggy stored the message, in nanoseconds, in order
                        assertThat(entry.nanos())
                                .isGreaterThan(before - 60_000_000_000L)
                                .isGreaterThanOrEqualTo(previous);
                        previous = entry.nanos();
                    }
                })
                .run();
    }

    private static List<Message> lines(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of("level=info n=" + i + " msg=\"line " + i + "\""))
                .toList();
    }
}
