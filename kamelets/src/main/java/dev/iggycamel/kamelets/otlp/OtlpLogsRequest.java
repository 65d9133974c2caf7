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
package dev.iggycamel.kamelets.otlp;

import dev.iggycamel.kamelets.utils.Utf8Body;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Turns a message into an OTLP/HTTP JSON logs request ({@code ExportLogsServiceRequest}) with one log record: the
 * payload as the string body, the time Iggy gave the message (or now), the configured severity, the service name as
 * a resource attribute and the Iggy stream, topic, partition and offset as attributes. A payload that already is an
 * OTLP JSON logs request (as otlp-logs-source emits) is sent unchanged.
 */
public class OtlpLogsRequest implements Processor {

    private static final Map<String, Integer> SEVERITIES =
            Map.of("TRACE", 1, "DEBUG", 5, "INFO", 9, "WARN", 13, "ERROR", 17, "FATAL", 21);

    private String serviceName = "iggy";
    private String severity = "INFO";

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public void setSeverity(String severity) {
        this.severity = severity.toUpperCase(Locale.ROOT);
        if (!SEVERITIES.containsKey(this.severity)) {
            throw new IllegalArgumentException("severity must be one of " + SEVERITIES.keySet() + ": " + severity);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String text = Utf8Body.of(message);
        message.setBody(isOtlpRequest(text) ? text : Jsoner.serialize(request(message, text)));
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }

    private static boolean isOtlpRequest(String text) {
        if (!text.stripLeading().startsWith("{") || !text.contains("\"resourceLogs\"")) {
            return false;
        }
        try {
            return Jsoner.deserialize(text) instanceof JsonObject object && object.get("resourceLogs") instanceof List;
        } catch (Exception e) {
            return false;
        }
    }

    private JsonObject request(Message message, String text) {
        long now = nanos(Instant.now());
        Long micros = message.getHeader("CamelIggyOriginTimestamp", Long.class);
        if (micros == null || micros <= 0) {
            micros = message.getHeader("CamelIggyTimestamp", Long.class);
        }
        JsonArray attributes = new JsonArray();
        addAttribute(attributes, "iggy.stream", message.getHeader("CamelIggyStream"));
        addAttribute(attributes, "iggy.topic", message.getHeader("CamelIggyTopic"));
        addAttribute(attributes, "iggy.partition", message.getHeader("CamelIggyPartitionId"));
        addAttribute(attributes, "iggy.offset", message.getHeader("CamelIggyOffset"));

        JsonObject record = new JsonObject();
        record.put("timeUnixNano", Long.toString(micros != null && micros > 0 ? micros * 1000 : now));
        record.put("observedTimeUnixNano", Long.toString(now));
        record.put("severityNumber", SEVERITIES.get(severity));
        record.put("severityText", severity);
        record.put("body", Map.of("stringValue", text));
        record.put("attributes", attributes);

        JsonArray resourceAttributes = new JsonArray();
        addAttribute(resourceAttributes, "service.name", serviceName);
        JsonObject scopeLogs = new JsonObject();
        scopeLogs.put("scope", Map.of("name", "camel-iggy"));
        scopeLogs.put("logRecords", List.of(record));
        JsonObject resourceLogs = new JsonObject();
        resourceLogs.put("resource", Map.of("attributes", resourceAttributes));
        resourceLogs.put("scopeLogs", List.of(scopeLogs));
        JsonObject request = new JsonObject();
        request.put("resourceLogs", List.of(resourceLogs));
        return request;
    }

    private static void addAttribute(JsonArray attributes, String key, Object value) {
        if (value == null) {
            return;
        }
        Map<String, Object> any;
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            any = Map.of("intValue", value.toString()); // int64 travels as a decimal string in OTLP JSON
        } else if (value instanceof Number number) {
            any = Map.of("doubleValue", number.doubleValue());
        } else if (value instanceof Boolean flag) {
            any = Map.of("boolValue", flag);
        } else {
            any = Map.of("stringValue", value.toString());
        }
        attributes.add(Map.of("key", key, "value", any));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
