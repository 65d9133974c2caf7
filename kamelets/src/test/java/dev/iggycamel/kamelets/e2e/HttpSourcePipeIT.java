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

import dev.iggycamel.kamelets.Pipes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * webhook-to-iggy with a real HTTP server in the JVM (Vert.x, camel-platform-http-vertx, which is what the pipe's
 * runtime provides) and a real HTTP client (the JDK's): every request answered 200 is a message in Iggy.
 */
class HttpSourcePipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final int KEYS = 10;

    private CamelContext context;

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    @ProvesLevel(
            target = "http",
            direction = "source",
            level = 3,
            against = "Vert.x 4.5 HTTP server (camel-platform-http-vertx, in-JVM) + JDK HTTP client")
    void everyRequestAnsweredOkIsStoredInIggyWithItsKey() throws Exception {
        String stream = unique("webhook");
        client.createTopic(stream, "webhooks", 3);

        // the HTTP server of the runtime: Camel K and Camel JBang bring one, a plain CamelContext needs it added
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(0);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(configuration);
        context = new DefaultCamelContext();
        context.addService(server);
        Pipes.load(context, iggyProperties("iggy-sink", stream, "webhooks"), pipe("webhook-to-iggy"));
        context.start();

        URI uri = URI.create("http://127.0.0.1:" + server.getServer().actualPort() + "/webhook");
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        for (int i = 0; i < N; i++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("key", key(i))
                            .POST(HttpRequest.BodyPublishers.ofString(body(i)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
        }
        System.out.printf(
                "%d webhook requests stored in Iggy in %d ms%n", N, (System.nanoTime() - started) / 1_000_000);

        // answered 200 means stored: everything is in Iggy right away, each key on one partition, in order
        Map<String, Integer> partitionOfKey = KeyedArrival.assertKeyedInOrder(
                KeyedArrival.inIggy(byPartition(stream, "webhooks", 3), "key", KeyedArrival::payload),
                IntStream.range(0, N)
                        .mapToObj(i -> new KeyedArrival.Sent(key(i), body(i)))
                        .toList());
        assertThat(partitionOfKey.values().stream().distinct().count())
                .as("keys spread over partitions")
                .isGreaterThan(1);
    }

    private static String key(int i) {
        return "customer-" + (i % KEYS);
    }

    private static String body(int i) {
        return "{\"n\":" + i + "}";
    }
}
