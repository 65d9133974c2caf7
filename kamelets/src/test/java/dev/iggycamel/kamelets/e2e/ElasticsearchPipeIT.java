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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-elasticsearch (camel-kamelets elasticsearch-index-sink over camel-elasticsearch 4.17.0, Elasticsearch Java
 * client 9.2.3) against an in-JVM stand-in of Elasticsearch's document index API: PUT/POST /{index}/_doc[/{id}],
 * answering with the IndexResponse body and the X-Elastic-Product header the client checks.
 */
class ElasticsearchPipeIT extends PipeTestSupport {

    private static final Pattern DOC = Pattern.compile("/([^/_][^/]*)/(?:_doc|_create)(?:/([^/?]+))?");

    private final ConcurrentMap<String, ConcurrentMap<String, Map<?, ?>>> indices = new ConcurrentHashMap<>();
    private final AtomicLong seqNo = new AtomicLong();
    private HttpStandIn elasticsearch;

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
            elasticsearch.close();
        }
    }

    @Test
    @ProvesLevel(
            target = "elasticsearch",
            direction = "sink",
            level = 2,
            against = "in-JVM stand-in of the Elasticsearch 9 document index API (X-Elastic-Product header)")
    void everyDocumentIsIndexedAndNothingIsCommittedWhileElasticsearchIsDown() throws Exception {
        elasticsearch = new HttpStandIn("/", this::handle);
        String index = unique("elasticsearch");
        new SinkOutageScenario(this, "iggy-to-elasticsearch", index)
                .sending(SearchDocuments::messages)
                .sinkProperty("elasticsearch-index-sink.hostAddresses", "127.0.0.1:" + elasticsearch.port())
                .sinkProperty("elasticsearch-index-sink.indexName", index)
                .outage(elasticsearch)
                .outageLasts(Duration.ofSeconds(2))
                .arrivedCount(() -> documents(index).size())
                .assertArrived(count -> {
                    // every document intact, under the id the message carried
                    Map<String, Map<?, ?>> stored = documents(index);
                    assertThat(stored).hasSize(count);
                    for (int i = 0; i < count; i++) {
                        assertThat(new TreeMap<>(stored.get(SearchDocuments.id(i))))
                                .as(SearchDocuments.id(i))
                                .isEqualTo(SearchDocuments.source(i));
                    }
                })
                .run();
    }

    private Map<String, Map<?, ?>> documents(String index) {
        return Map.copyOf(indices.getOrDefault(index, new ConcurrentHashMap<>()));
    }
}
