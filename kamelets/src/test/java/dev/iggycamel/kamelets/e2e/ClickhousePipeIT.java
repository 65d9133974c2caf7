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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-clickhouse (our clickhouse-sink, HTTP POST of JSONEachRow) against Debian's clickhouse-server 18.16
 * (started by .ci/services/clickhouse.sh) through a TcpProxy, so the test can cut it off without stopping the shared
 * server.
 */
class ClickhousePipeIT extends PipeTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void requireServer() {
        ExternalServer.require("clickhouse", 8123);
    }

    /** Runs a statement over ClickHouse's HTTP interface (directly, not through the proxy) and returns the answer. */
    private static String clickhouse(String sql) {
        return JdkHttp.post("http://127.0.0.1:8123/", "text/plain; charset=UTF-8", sql);
    }

    private static int count(String table) {
        return Integer.parseInt(clickhouse("SELECT count() FROM iggy." + table).trim());
    }

    private static List<String> rows(String table) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : clickhouse("SELECT n, name FROM iggy." + table + " ORDER BY n FORMAT JSONEachRow")
                .split("\n")) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                rows.add(row.get("n").asInt() + "|" + row.get("name").asText());
            }
        }
        return rows;
    }

    @Test
    @ProvesLevel(
            target = "clickhouse",
            direction = "sink",
            level = 3,
            against = "ClickHouse 18.16 (Debian clickhouse-server, .ci/services/clickhouse.sh) behind a TcpProxy")
    void everyMessageBecomesARowAndNothingIsCommittedWhileTheServerIsDown() throws Exception {
        String table = uniqueTableName("iggy_sink");
        clickhouse("CREATE TABLE iggy." + table + " (n Int32, name String) ENGINE = MergeTree() ORDER BY n");
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 8123)) {
            new SinkOutageScenario(this, "iggy-to-clickhouse", unique("clickhouse"))
                    .sending(RowMessages::messages)
                    .sinkProperty("clickhouse-sink.serverUrl", "http://127.0.0.1:" + proxy.port())
                    .sinkProperty("clickhouse-sink.database", "iggy")
                    .sinkProperty("clickhouse-sink.table", table)
                    .outage(proxy)
                    .outageLasts(Duration.ofSeconds(2))
                    .arrivedCount(() -> count(table))
                    .assertArrived(
                            count -> assertThat(rows(table)).containsExactlyElementsOf(RowMessages.expectedRows(count)))
                    .run();
        } finally {
            clickhouse("DROP TABLE IF EXISTS iggy." + table);
        }
    }
}
