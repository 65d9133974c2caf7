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

    private final String token = UUID.randomUUID().toString();
    private final List<JsonObject> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private HttpStandIn hec;

    /** Answers POST /services/collector/event as HEC does, refusing a wrong token. */
    private void collect(HttpExchange exchange) throws IOException {
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
    }

    @AfterEach
    void stopHec() {
        if (hec != null) {
            hec.close();
        }
    }

    @Test
    @ProvesLevel(
            target = "splunk",
            direction = "sink",
            level = 2,
            against = "in-JVM Splunk HEC stand-in (POST /services/collector/event, token check)")
    void everyEventArrivesAndNothingIsCommittedWhileHecIsDown() throws Exception {
        hec = new HttpStandIn("/services/collector/event", this::collect);
        new SinkOutageScenario(this, "iggy-to-splunk", unique("splunk"))
                .sending(SplunkHecPipeIT::messages)
                .sinkProperty("splunk-hec-sink.splunkUrl", "127.0.0.1:" + hec.port())
                .sinkProperty("splunk-hec-sink.token", token)
                .outage(hec)
                .outageLasts(Duration.ofSeconds(2))
                .arrivedCount(events::size)
                .assertArrived(count -> {
                    assertThat(refused).hasValue(0);
                    assertThat(events).hasSize(count);
                    for (int i = 0; i < count; i++) {
                        JsonObject event = events.get(i);
                        assertThat(event.get("index")).isEqualTo("iggy");
                        assertThat(event.get("source")).isEqualTo("iggy");
                        assertThat(event.get("sourcetype")).isEqualTo("_json");
                        Map<?, ?> data = (Map<?, ?>) event.get("event");
                        assertThat(((Number) data.get("n")).intValue()).isEqualTo(i);
                        assertThat(data.get("message")).isEqualTo("event " + i);
                    }
                })
                .run();
    }

    private static List<Message> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of("{\"n\":" + i + ",\"message\":\"event " + i + "\"}"))
                .toList();
    }
}
