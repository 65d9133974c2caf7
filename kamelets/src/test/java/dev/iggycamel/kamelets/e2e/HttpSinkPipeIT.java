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
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** iggy-to-http against a real HTTP server in the JVM (the JDK's): every message arrives, none is lost while down. */
class HttpSinkPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private int port;

    private void startServer(int onPort) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        server.createContext("/ingest", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @ProvesLevel(target = "http", direction = "sink", level = 3, against = "JDK HTTP server (in-JVM)")
    void everyMessageArrivesAndNothingIsCommittedWhileTheTargetIsDown() throws Exception {
        startServer(0);
        String stream = unique("http");
        String group = "iggy-to-http";
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("http-sink.url", "http://127.0.0.1:" + port + "/ingest");
        startPipe("iggy-to-http", properties);

        await(Duration.ofSeconds(60), () -> received.size() >= N, () -> received.size() + " of " + N + " arrived");
        assertThat(received).containsExactlyElementsOf(bodies(0, N));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));

        // the target goes down: new messages wait in Iggy, their offsets are not committed
        server.stop(0);
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(2000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(received).hasSize(N);

        // back up on the same port: everything arrives, in order, and is committed
        startServer(port);
        await(
                Duration.ofSeconds(60),
                () -> received.size() >= N + 100,
                () -> received.size() + " of " + (N + 100) + " arrived");
        assertThat(received).containsExactlyElementsOf(bodies(0, N + 100));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
    }

    private static List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"n\":" + i + "}").toList();
    }

    private static List<Message> messages(int from, int to) {
        return bodies(from, to).stream().map(Message::of).toList();
    }
}
