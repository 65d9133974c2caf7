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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/**
 * Splits an OTLP/HTTP JSON logs request into one message per log record. Each message is itself an OTLP JSON logs
 * request holding that one record with its resource and scope (so otlp-logs-sink forwards it unchanged), keyed by
 * the resource's service.name. Sets the exchange property {@value #RESPONSE} to the OTLP answer: {@code {}}, or a
 * status with code 3 and the HTTP code 400 (not JSON logs) or 415 (another content type, such as protobuf).
 */
public class OtlpLogsSplitter implements Processor {

    public static final String RESPONSE = "CamelIggyOtlpResponse";

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, "", String.class);
        if (!contentType.toLowerCase().startsWith("application/json")) {
            reject(exchange, 415, "only OTLP/HTTP JSON (application/json) is accepted, not " + contentType);
            return;
        }
        String text = Utf8Body.of(in);
        Object parsed;
        try {
            parsed = Jsoner.deserialize(text);
        } catch (Exception e) {
            reject(exchange, 400, "the body is not JSON: " + e.getMessage());
            return;
        }
        if (!(parsed instanceof JsonObject request) || !(request.get("resourceLogs") instanceof List<?> resources)) {
            reject(exchange, 400, "the body is not an OTLP logs request (no resourceLogs)");
            return;
        }
        List<Message> records = new ArrayList<>();
        for (Object resourceItem : resources) {
            Map<?, ?> resourceLogs = (Map<?, ?>) resourceItem;
            Object resource = resourceLogs.get("resource");
            String service = serviceName(resource);
            for (Object scopeItem : list(resourceLogs.get("scopeLogs"))) {
                Map<?, ?> scopeLogs = (Map<?, ?>) scopeItem;
                for (Object record : list(scopeLogs.get("logRecords"))) {
                    JsonObject oneScope = new JsonObject();
                    copy(scopeLogs, oneScope, "scope");
                    copy(scopeLogs, oneScope, "schemaUrl");
                    oneScope.put("logRecords", List.of(record));
                    JsonObject oneResource = new JsonObject();
                    if (resource != null) {
                        oneResource.put("resource", resource);
                    }
                    copy(resourceLogs, oneResource, "schemaUrl");
                    oneResource.put("scopeLogs", List.of(oneScope));
                    JsonObject one = new JsonObject();
                    one.put("resourceLogs", List.of(oneResource));

                    Message message = new DefaultMessage(exchange.getContext());
                    message.setBody(Jsoner.serialize(one));
                    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
                    if (service != null) {
                        message.setHeader("key", service);
                    }
                    records.add(message);
                }
            }
        }
        in.setBody(records);
        exchange.setProperty(RESPONSE, "{}");
    }

    private static void reject(Exchange exchange, int httpCode, String reason) {
        exchange.getMessage().setBody(List.of());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, httpCode);
        exchange.setProperty(RESPONSE, Jsoner.serialize(Map.of("code", 3, "message", reason)));
    }

    private static String serviceName(Object resource) {
        if (resource instanceof Map<?, ?> map) {
            for (Object attribute : list(map.get("attributes"))) {
                if (attribute instanceof Map<?, ?> keyValue
                        && "service.name".equals(keyValue.get("key"))
                        && keyValue.get("value") instanceof Map<?, ?> value
                        && value.get("stringValue") != null) {
                    return value.get("stringValue").toString();
                }
            }
        }
        return null;
    }

    private static void copy(Map<?, ?> from, JsonObject to, String key) {
        if (from.get(key) != null) {
            to.put(key, from.get(key));
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
