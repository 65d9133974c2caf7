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
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.camel.util.json.Jsoner;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-elasticsearch (camel-kamelets elasticsearch-index-sink over camel-elasticsearch 4.17.0, Elasticsearch Java
 * client 9.2.3) against an in-JVM stand-in of Elasticsearch's document index API: PUT/POST /{index}/_doc[/{id}],
 * answering with the IndexResponse body and the X-Elastic-Product header the client checks.
 */
class ElasticsearchPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final Pattern DOC = Pattern.compile("/([^/_][^/]*)/(?:_doc|_create)(?:/([^/?]+))?");

    private final ConcurrentMap<String, ConcurrentMap<String, Map<?, ?>>> indices = new ConcurrentHashMap<>();
    private final AtomicLong seqNo = new AtomicLong();
    private HttpServer elasticsearch;

    private void startElasticsearch(int port) throws Exception {
        elasticsearch = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        elasticsearch.createContext("/", this::handle);
        elasticsearch.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher doc = DOC.matcher(exchange.getRequestURI().getPath());
        String method = exchange.getRequestMethod();
        int status;
        String answer;
        if (doc.matches() && (method.equals("PUT") || method.equals("POST"))) {
            String index = doc.group(1);
            String id = doc.group(2) != null ? doc.group(2) : UUID.randomUUID().toString();
            Map<?, ?> source;
            try {
                source = (Map<?, ?>) Jsoner.deserialize(body);
            } catch (Exception e) {
                reply(
                        exchange,
                        400,
                        "{\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"failed to parse\"},"
                                + "\"status\":400}");
                return;
            }
            boolean created = indices.computeIfAbsent(index, name -> new ConcurrentHashMap<>())
                            .put(id, source)
                    == null;
            status = created ? 201 : 200;
            answer = String.format(
                    "{\"_index\":\"%s\",\"_id\":\"%s\",\"_version\":1,\"result\":\"%s\","
                            + "\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":%d,"
                            + "\"_primary_term\":1}",
                    index, id, created ? "created" : "updated", seqNo.getAndIncrement());
        } else if (exchange.getRequestURI().getPath().equals("/") && method.equals("GET")) {
            status = 200;
            answer = "{\"name\":\"stand-in\",\"cluster_name\":\"elasticsearch\",\"version\":{\"number\":\"9.2.3\"},"
                    + "\"tagline\":\"You Know, for Search\"}";
        } else {
            status = 404;
            answer = "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":\"unsupported by the stand-in: "
                    + method + " " + exchange.getRequestURI() + "\"},\"status\":404}";
        }
        reply(exchange, status, answer);
    }

    private static void reply(HttpExchange exchange, int status, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.elasticsearch+json;compatible-with=9");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stopElasticsearch() {
        if (elasticsearch != null) {
            elasticsearch.stop(0);
        }
    }

    @Test
    @ProvesLevel(
            target = "elasticsearch",
            direction = "sink",
            level = 2,
            against = "in-JVM stand-in of the Elasticsearch 9 document index API (X-Elastic-Product header)")
    void everyDocumentIsIndexedAndNothingIsCommittedWhileElasticsearchIsDown() throws Exception {
        startElasticsearch(0);
        int port = elasticsearch.getAddress().getPort();
        String stream = unique("elasticsearch");
        String index = stream;
        String group = "iggy-to-elasticsearch";
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, documents(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("elasticsearch-index-sink.hostAddresses", "127.0.0.1:" + port);
        properties.put("elasticsearch-index-sink.indexName", index);
        long started = System.nanoTime();
        startPipe("iggy-to-elasticsearch", properties);

        await(
                Duration.ofSeconds(60),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        assertThat(documents(index)).hasSize(N);
        System.out.printf("elasticsearch sink: %d documents in %d ms%n", N, (System.nanoTime() - started) / 1_000_000);

        // Elasticsearch is down: the new documents stay in Iggy, uncommitted
        elasticsearch.stop(0);
        client.send(stream, "events", 0, documents(N, N + 100));
        Thread.sleep(2000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(documents(index)).hasSize(N);

        startElasticsearch(port);
        await(
                Duration.ofSeconds(60),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));

        Map<String, Map<?, ?>> stored = documents(index);
        assertThat(stored).hasSize(N + 100);
        for (int i = 0; i < N + 100; i++) {
            assertThat(new TreeMap<>(stored.get("doc-" + i)))
                    .as("doc-" + i)
                    .isEqualTo(new TreeMap<>(Map.of("n", java.math.BigDecimal.valueOf(i), "text", "document " + i)));
        }
    }

    private Map<String, Map<?, ?>> documents(String index) {
        return Map.copyOf(indices.getOrDefault(index, new ConcurrentHashMap<>()));
    }

    private static List<Message> documents(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(
                        "{\"n\":" + i + ",\"text\":\"document " + i + "\"}",
                        Map.of(HeaderKey.fromString("indexId"), HeaderValue.fromString("doc-" + i))))
                .toList();
    }
}
