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

    static final int N = 1000;
    static final int SERIES = 10;

    /** The samples of one series as (timestamp ms, value) pairs, read back through the query API. */
    void deliversEverySample(String pipe, String host, int port, String writePath, String queryBase) throws Exception {
        String stream = unique("rw");
        String metric = "iggy_" + stream.replace('-', '_');
        String group = pipe;
        long t0 = System.currentTimeMillis() - 300_000L;
        client.createTopic(stream, "metrics", 1);
        client.send(stream, "metrics", 0, samples(metric, t0, 0, N));

        try (TcpProxy proxy = new TcpProxy(host, port)) {
            Map<String, String> properties = iggyProperties("iggy-source", stream, "metrics");
            properties.put("iggy-source.consumerGroup", group);
            properties.put("iggy-source.backoffMax", "500");
            properties.put("prometheus-remote-write-sink.url", "http://127.0.0.1:" + proxy.port() + writePath);
            long started = System.nanoTime();
            startPipe(pipe, properties);

            await(
                    Duration.ofSeconds(60),
                    () -> count(queryBase, metric) >= N,
                    () -> count(queryBase, metric) + " of " + N + " samples");
            await(
                    Duration.ofSeconds(10),
                    () -> client.groupOffset(stream, "metrics", group, 0) == N - 1,
                    () -> "offset " + client.groupOffset(stream, "metrics", group, 0));
            System.out.printf("%s: %d samples in %d ms%n", pipe, N, (System.nanoTime() - started) / 1_000_000);

            // the receiver is unreachable: the new samples stay in Iggy, uncommitted
            proxy.down();
            client.send(stream, "metrics", 0, samples(metric, t0, N, N + 100));
            Thread.sleep(2000);
            assertThat(client.groupOffset(stream, "metrics", group, 0)).isEqualTo(N - 1);
            assertThat(count(queryBase, metric)).isEqualTo(N);

            proxy.up();
            await(
                    Duration.ofSeconds(60),
                    () -> count(queryBase, metric) >= N + 100,
                    () -> count(queryBase, metric) + " of " + (N + 100) + " samples");
            await(
                    Duration.ofSeconds(10),
                    () -> client.groupOffset(stream, "metrics", group, 0) == N + 99,
                    () -> "offset " + client.groupOffset(stream, "metrics", group, 0));
        }

        // every sample intact: series labels, timestamp and value
        Map<String, List<List<Object>>> series = rawSamples(queryBase, metric);
        assertThat(series).hasSize(SERIES);
        for (int s = 0; s < SERIES; s++) {
            List<List<Object>> expected = new ArrayList<>();
            for (int i = s; i < N + 100; i += SERIES) {
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
