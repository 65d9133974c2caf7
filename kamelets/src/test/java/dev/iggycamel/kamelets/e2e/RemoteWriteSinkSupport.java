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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.apache.iggy.message.Message;

/**
 * Drives a remote-write pipe against a real receiver that answers the Prometheus query API (Prometheus,
 * VictoriaMetrics) behind a {@link TcpProxy}: 1000 samples in ten series arrive intact, none is committed while the
 * receiver is unreachable, and all arrive once it is back.
 */
abstract class RemoteWriteSinkSupport extends PipeTestSupport {

    static final int SERIES = 10;

    /**
     * Runs the pipe against the receiver at host:port through a {@link TcpProxy}, writing to its writePath and
     * reading back through the query API at queryBase.
     */
    void deliversEverySample(String pipe, String host, int port, String writePath, String queryBase) throws Exception {
        String stream = unique("rw");
        String metric = "iggy_" + stream.replace('-', '_');
        long t0 = System.currentTimeMillis() - 300_000L;
        try (TcpProxy proxy = new TcpProxy(host, port)) {
            new SinkOutageScenario(this, pipe, stream)
                    .topic("metrics")
                    .sending((from, to) -> samples(metric, t0, from, to))
                    .sinkProperty("prometheus-remote-write-sink.url", "http://127.0.0.1:" + proxy.port() + writePath)
                    .outage(proxy)
                    .outageLasts(Duration.ofSeconds(2))
                    .arrivedCount(() -> count(queryBase, metric))
                    .assertArrived(count -> assertSamples(queryBase, metric, t0, count))
                    .run();
        }
    }

    /** The first {@code count} samples arrived intact: series labels, timestamp and value. */
    private static void assertSamples(String queryBase, String metric, long t0, int count) {
        Map<String, List<List<Object>>> series = rawSamples(queryBase, metric);
        assertThat(series).hasSize(SERIES);
        for (int s = 0; s < SERIES; s++) {
            List<List<Object>> expected = new ArrayList<>();
            for (int i = s; i < count; i += SERIES) {
                expected.add(List.of(t0 + i * 10L, (double) i));
            }
            assertThat(series.get("s" + s)).as("series s" + s).isEqualTo(expected);
        }
    }

    static List<Message> samples(String metric, long t0, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> String.format(
                        "{\"metric\":\"%s\",\"labels\":{\"series\":\"s%d\"},\"value\":%d,\"timestamp\":%d}",
                        metric, i % SERIES, i, t0 + i * 10L))
                .map(Message::of)
                .toList();
    }

    /** How many samples of the metric the last 15 minutes hold. */
    static long count(String queryBase, String metric) {
        JsonArray result = query(queryBase, "sum(count_over_time(" + metric + "{job=\"iggy\"}[15m]))");
        if (result.isEmpty()) {
            return 0;
        }
        JsonArray value = (JsonArray) ((JsonObject) result.get(0)).get("value");
        return Long.parseLong(value.get(1).toString());
    }

    /** The raw samples of the last 15 minutes per value of the series label, as [timestamp ms, value] pairs. */
    static Map<String, List<List<Object>>> rawSamples(String queryBase, String metric) {
        Map<String, List<List<Object>>> series = new TreeMap<>();
        for (Object item : query(queryBase, metric + "{job=\"iggy\"}[15m]")) {
            JsonObject entry = (JsonObject) item;
            String name = ((Map<?, ?>) entry.get("metric")).get("series").toString();
            List<List<Object>> samples = new ArrayList<>();
            for (Object pair : (JsonArray) entry.get("values")) {
                JsonArray sample = (JsonArray) pair;
                long millis = Math.round(Double.parseDouble(sample.get(0).toString()) * 1000);
                samples.add(List.of(millis, Double.parseDouble(sample.get(1).toString())));
            }
            series.put(name, samples);
        }
        return series;
    }

    private static JsonArray query(String queryBase, String promQl) {
        JsonObject answer = (JsonObject) Jsoner.deserialize(
                JdkHttp.get(queryBase + "/api/v1/query?query=" + JdkHttp.encode(promQl)), new JsonObject());
        return (JsonArray) ((JsonObject) answer.get("data")).get("result");
    }
}
