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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** iggy-to-influxdb and influxdb-to-iggy against Debian's InfluxDB 1.6 (.ci/services/influxdb.sh), database iggy. */
class InfluxDbPipeIT extends PipeTestSupport {

    private static final int N = SinkOutageScenario.N;
    private static final String INFLUX = "http://127.0.0.1:8086";

    private final long base = System.currentTimeMillis() - 3_600_000L;

    @BeforeEach
    void requireInflux() {
        ExternalServer.require("influxdb", 8086);
    }

    @Test
    @ProvesLevel(
            target = "influxdb",
            direction = "sink",
            level = 3,
            against = "InfluxDB 1.6.7 (Debian influxdb, .ci/services/influxdb.sh)")
    void everyPointArrivesAndNothingIsCommittedWhileInfluxDbIsDown() throws Exception {
        String stream = unique("influx");
        String measurement = stream.replace('-', '_');
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 8086)) {
            new SinkOutageScenario(this, "iggy-to-influxdb", stream)
                    .topic("metrics")
                    .sending((from, to) -> points(measurement, from, to))
                    .sinkProperty("influxdb-sink.url", "http://127.0.0.1:" + proxy.port())
                    .outage(proxy)
                    .outageLasts(Duration.ofSeconds(2))
                    .arrivedCount(() -> count(measurement))
                    .assertArrived(count -> assertPoints(measurement, count))
                    .run();
        }
        drop(measurement);
    }

    /** The measurement holds exactly the first {@code count} points, intact: time, tag and the three field types. */
    private void assertPoints(String measurement, int count) {
        List<List<Object>> rows = query("SELECT \"n\", \"value\", \"label\", \"host\" FROM \"" + measurement + "\"");
        assertThat(rows).hasSize(count);
        for (int i = 0; i < count; i++) {
            List<Object> row = rows.get(i);
            assertThat(Instant.parse((String) row.get(0))).isEqualTo(Instant.ofEpochMilli(base + i));
            assertThat(((Number) row.get(1)).longValue()).isEqualTo(i);
            assertThat(((Number) row.get(2)).doubleValue()).isEqualTo(i + 0.25);
            assertThat(row.get(3)).isEqualTo("point-" + i);
            assertThat(row.get(4)).isEqualTo("host-" + (i % 5));
        }
    }

    @Test
    @ProvesLevel(
            target = "influxdb",
            direction = "source",
            level = 3,
            against = "InfluxDB 1.6.7 (Debian influxdb, .ci/services/influxdb.sh)")
    void everyPointWrittenToInfluxDbArrivesInIggy() throws Exception {
        String stream = unique("influx");
        String measurement = stream.replace('-', '_');
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < N; i++) {
            lines.append(String.format(
                    "%s,host=host-%d n=%di,value=%d.25,label=\"point-%d\" %d%n",
                    measurement, i % 5, i, i, i, base + i));
        }
        JdkHttp.post(INFLUX + "/write?db=iggy&precision=ms", "text/plain", lines.toString());

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "metrics");
        properties.put("influxdb-source.measurement", measurement);
        long started = System.nanoTime();
        startPipe("influxdb-to-iggy", properties);

        awaitInIggy(stream, "metrics", N, Duration.ofSeconds(60));
        System.out.printf("influxdb source: %d points in %d ms%n", N, (System.nanoTime() - started) / 1_000_000);
        Thread.sleep(1500); // a later poll must not send them again
        List<Message> messages = inIggy(stream, "metrics");
        assertThat(messages).hasSize(N);
        for (int i = 0; i < N; i++) {
            JsonObject point =
                    (JsonObject) Jsoner.deserialize(new String(messages.get(i).payload(), StandardCharsets.UTF_8));
            assertThat(point.getString("measurement")).isEqualTo(measurement);
            assertThat(Instant.parse(point.getString("time"))).isEqualTo(Instant.ofEpochMilli(base + i));
            assertThat((Map<?, ?>) point.get("tags")).isEqualTo(Map.of("host", "host-" + (i % 5)));
            Map<?, ?> fields = (Map<?, ?>) point.get("fields");
            assertThat(((Number) fields.get("n")).longValue()).isEqualTo(i);
            assertThat(((Number) fields.get("value")).doubleValue()).isEqualTo(i + 0.25);
            assertThat(fields.get("label")).isEqualTo("point-" + i);
        }
        drop(measurement);
    }

    private List<Message> points(String measurement, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> String.format(
                        "{\"measurement\":\"%s\",\"tags\":{\"host\":\"host-%d\"},"
                                + "\"fields\":{\"n\":%d,\"value\":%d.25,\"label\":\"point-%d\"},\"time\":%d}",
                        measurement, i % 5, i, i, i, base + i))
                .map(Message::of)
                .toList();
    }

    private static long count(String measurement) {
        List<List<Object>> rows = query("SELECT count(\"n\") FROM \"" + measurement + "\"");
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> query(String influxQl) {
        JsonObject answer = (JsonObject) Jsoner.deserialize(
                JdkHttp.get(INFLUX + "/query?db=iggy&q=" + JdkHttp.encode(influxQl)), new JsonObject());
        JsonObject result = (JsonObject) ((JsonArray) answer.get("results")).get(0);
        if (result.get("series") == null) {
            return List.of();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Object series : (JsonArray) result.get("series")) {
            for (Object values : (JsonArray) ((JsonObject) series).get("values")) {
                rows.add((List<Object>) values);
            }
        }
        return rows;
    }

    private static void drop(String measurement) {
        JdkHttp.post(
                INFLUX + "/query?db=iggy",
                "application/x-www-form-urlencoded",
                "q=" + JdkHttp.encode("DROP MEASUREMENT \"" + measurement + "\""));
    }
}
