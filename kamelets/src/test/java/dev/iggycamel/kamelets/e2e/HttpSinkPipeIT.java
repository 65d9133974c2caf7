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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** iggy-to-http against a real HTTP server in the JVM (the JDK's): every message arrives, none is lost while down. */
class HttpSinkPipeIT extends PipeTestSupport {

    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private HttpStandIn server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @ProvesLevel(target = "http", direction = "sink", level = 3, against = "JDK HTTP server (in-JVM)")
    void everyMessageArrivesAndNothingIsCommittedWhileTheTargetIsDown() throws Exception {
        server = new HttpStandIn("/ingest", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // the target goes down (stopped), then comes back on the same port: everything arrives in order
        new SinkOutageScenario(this, "iggy-to-http", unique("http"))
                .sending(HttpSinkPipeIT::messages)
                .sinkProperty("http-sink.url", "http://127.0.0.1:" + server.port() + "/ingest")
                .outage(server)
                .outageLasts(Duration.ofSeconds(2))
                .arrivedCount(received::size)
                .assertArrived(count -> assertThat(received).containsExactlyElementsOf(bodies(0, count)))
                .run();
    }

    private static List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"n\":" + i + "}").toList();
    }

    private static List<Message> messages(int from, int to) {
        return bodies(from, to).stream().map(Message::of).toList();
    }
}
