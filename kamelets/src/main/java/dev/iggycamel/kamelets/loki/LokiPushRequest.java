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
package dev.iggycamel.kamelets.loki;

import dev.iggycamel.kamelets.utils.Labels;
import dev.iggycamel.kamelets.utils.Utf8Body;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.util.json.Jsoner;

/**
 * Turns a message into a Grafana Loki push request ({@code POST /loki/api/v1/push}, JSON): one stream with the
 * configured labels plus {@code iggy_stream} and {@code iggy_topic}, holding one entry, the payload as the log line
 * at the time Iggy gave the message (or now), in nanoseconds. With a tenant, sets {@code X-Scope-OrgID}.
 */
public class LokiPushRequest implements Processor {

    private Map<String, String> labels = Map.of("job", "iggy");
    private String tenantId;

    /** The stream labels, as {@code name=value,name=value}. */
    public void setLabels(String labels) {
        Map<String, String> parsed = Labels.parse(labels);
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("Loki needs at least one stream label");
        }
        this.labels = parsed;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String line = Utf8Body.of(message);
        Map<String, String> stream = new LinkedHashMap<>(labels);
        addLabel(stream, "iggy_stream", message.getHeader("CamelIggyStream"));
        addLabel(stream, "iggy_topic", message.getHeader("CamelIggyTopic"));
        Long micros = message.getHeader("CamelIggyOriginTimestamp", Long.class);
        if (micros == null || micros <= 0) {
            micros = message.getHeader("CamelIggyTimestamp", Long.class);
        }
        long nanos;
        if (micros != null && micros > 0) {
            nanos = micros * 1000;
        } else {
            Instant now = Instant.now();
            nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("stream", stream);
        entry.put("values", List.of(List.of(Long.toString(nanos), line)));
        message.setBody(Jsoner.serialize(Map.of("streams", List.of(entry))));
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (tenantId != null && !tenantId.isBlank()) {
            message.setHeader("X-Scope-OrgID", tenantId);
        }
    }

    private static void addLabel(Map<String, String> stream, String name, Object value) {
        if (value != null && !stream.containsKey(name)) {
            stream.put(name, value.toString());
        }
    }
}
