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
package dev.iggycamel.kamelets.prometheus;

import com.google.protobuf.CodedOutputStream;
import dev.iggycamel.kamelets.utils.Labels;
import dev.iggycamel.kamelets.utils.Utf8Body;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.xerial.snappy.Snappy;

/**
 * Turns a JSON message into a Prometheus remote-write 1.0 request body: a {@code prometheus.WriteRequest} protobuf,
 * snappy-compressed (block format), with the headers the protocol asks for. The message is one sample
 * {@code {"metric": "cpu_usage", "labels": {"host": "a"}, "value": 0.5, "timestamp": 1700000000000}} or a JSON array
 * of them; the timestamp is in milliseconds (the time of writing when absent) and {@code metric} falls back to the
 * configured name. Samples of the same series (name and labels) travel as one time series.
 */
public class RemoteWriteRequest implements Processor {

    private String metric;
    private Map<String, String> labels = Map.of();

    public void setMetric(String metric) {
        this.metric = metric;
    }

    /** Labels added to every series, as {@code name=value,name=value}. */
    public void setLabels(String labels) {
        this.labels = Labels.parse(labels);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String json = Utf8Body.of(message);
        Object parsed = Jsoner.deserialize(json);
        List<JsonObject> samples = new ArrayList<>();
        if (parsed instanceof JsonObject object) {
            samples.add(object);
        } else if (parsed instanceof JsonArray array) {
            for (Object item : array) {
                if (!(item instanceof JsonObject object)) {
                    throw new InvalidPayloadException(exchange, JsonObject.class);
                }
                samples.add(object);
            }
        } else {
            throw new InvalidPayloadException(exchange, JsonObject.class);
        }
        message.setBody(Snappy.compress(writeRequest(samples, System.currentTimeMillis())));
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/x-protobuf");
        message.setHeader("Content-Encoding", "snappy");
        message.setHeader("X-Prometheus-Remote-Write-Version", "0.1.0");
    }

    /** The uncompressed WriteRequest: {@code repeated TimeSeries timeseries = 1}. */
    byte[] writeRequest(List<JsonObject> samples, long now) throws IOException {
        Map<Map<String, String>, List<Sample>> series = new LinkedHashMap<>();
        for (JsonObject sample : samples) {
            Map<String, String> seriesLabels = new TreeMap<>(labels);
            if (sample.get("labels") instanceof Map<?, ?> given) {
                given.forEach((name, value) -> {
                    if (value != null) {
                        seriesLabels.put(name.toString(), value.toString());
                    }
                });
            }
            Object name = sample.getOrDefault("metric", seriesLabels.getOrDefault("__name__", metric));
            if (name == null || name.toString().isBlank()) {
                throw new IllegalArgumentException("The sample has no metric name and the Kamelet sets none");
            }
            seriesLabels.put("__name__", name.toString());
            if (!(sample.get("value") instanceof Number value)) {
                throw new IllegalArgumentException("The sample has no numeric value: " + Jsoner.serialize(sample));
            }
            long timestamp = sample.get("timestamp") instanceof Number time ? time.longValue() : now;
            series.computeIfAbsent(seriesLabels, key -> new ArrayList<>())
                    .add(new Sample(value.doubleValue(), timestamp));
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(request);
        for (Map.Entry<Map<String, String>, List<Sample>> entry : series.entrySet()) {
            out.writeByteArray(1, timeSeries(entry.getKey(), entry.getValue()));
        }
        out.flush();
        return request.toByteArray();
    }

    /** {@code TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; }}, labels sorted by name. */
    private static byte[] timeSeries(Map<String, String> labels, List<Sample> samples) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        for (Map.Entry<String, String> label : labels.entrySet()) {
            ByteArrayOutputStream labelBytes = new ByteArrayOutputStream();
            CodedOutputStream labelOut = CodedOutputStream.newInstance(labelBytes);
            labelOut.writeString(1, label.getKey());
            labelOut.writeString(2, label.getValue());
            labelOut.flush();
            out.writeByteArray(1, labelBytes.toByteArray());
        }
        for (Sample sample : samples) {
            ByteArrayOutputStream sampleBytes = new ByteArrayOutputStream();
            CodedOutputStream sampleOut = CodedOutputStream.newInstance(sampleBytes);
            sampleOut.writeDouble(1, sample.value());
            sampleOut.writeInt64(2, sample.timestamp());
            sampleOut.flush();
            out.writeByteArray(2, sampleBytes.toByteArray());
        }
        out.flush();
        return bytes.toByteArray();
    }

    private record Sample(double value, long timestamp) {}
}
