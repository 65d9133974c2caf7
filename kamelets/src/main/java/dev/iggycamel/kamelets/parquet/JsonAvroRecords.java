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
package dev.iggycamel.kamelets.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * Turns JSON payloads into Avro records of one schema, the body the parquetAvro data format writes. Used by the
 * parquet-file-sink Kamelet.
 *
 * <p>The body is a batch (a list: iggy-source with batching gives the polled messages as exchanges) or a single
 * payload; each payload is a JSON object as text, bytes, a Jackson tree or a map. Plain JSON maps onto the schema
 * field by field: a missing field takes its default (or null when the field may be null), a union takes the first
 * branch the value fits, bytes and fixed are strings whose characters are the bytes (ISO-8859-1, as in Avro's JSON
 * encoding). A value that does not fit fails the exchange with the record, field and value in the message.
 */
public final class JsonAvroRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Schema schema;

    /** The Avro schema of the records, a record schema in JSON. */
    public void setSchema(String schema) {
        Schema parsed = new Schema.Parser().parse(schema);
        if (parsed.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("The schema must be an Avro record, not " + parsed.getType());
        }
        this.schema = parsed;
    }

    public Schema getSchema() {
        return schema;
    }

    /** The body as a list of records, one per payload, in order. */
    public List<GenericRecord> toRecords(Exchange exchange) throws Exception {
        if (schema == null) {
            throw new IllegalStateException("No schema set");
        }
        Object body = exchange.getMessage().getBody();
        Collection<?> payloads =
                body instanceof Collection<?> batch ? batch : java.util.Collections.singletonList(body);
        List<GenericRecord> records = new ArrayList<>(payloads.size());
        for (Object payload : payloads) {
            Exchange source = exchange;
            if (payload instanceof Exchange child) {
                source = child;
                payload = child.getMessage().getBody();
            }
            JsonNode json = json(source, payload);
            records.add((GenericRecord) convert(schema, json, schema.getFullName()));
        }
        return records;
    }

    private static JsonNode json(Exchange exchange, Object payload) throws Exception {
        if (payload instanceof JsonNode node) {
            return node;
        }
        if (payload instanceof Map<?, ?> map) {
            return MAPPER.valueToTree(map);
        }
        if (payload instanceof String text) {
            return MAPPER.readTree(text);
        }
        byte[] bytes = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, payload);
        if (bytes == null) {
            throw new InvalidPayloadException(exchange, byte[].class);
        }
        return MAPPER.readTree(bytes);
    }

    private static Object convert(Schema schema, JsonNode value, String path) {
        boolean absent = value == null || value.isNull() || value.isMissingNode();
        switch (schema.getType()) {
            case NULL:
                if (absent) {
                    return null;
                }
                break;
            case UNION:
                if (absent) {
                    if (schema.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.NULL)) {
                        return null;
                    }
                    break;
                }
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL && fits(branch, value)) {
                        return convert(branch, value, path);
                    }
                }
                break;
            case RECORD:
                if (value != null && value.isObject()) {
                    GenericData.Record record = new GenericData.Record(schema);
                    for (Schema.Field field : schema.getFields()) {
                        JsonNode fieldValue = value.get(field.name());
                        if ((fieldValue == null || fieldValue.isMissingNode()) && field.hasDefaultValue()) {
                            Object defaultValue = GenericData.get().getDefaultValue(field);
                            record.put(field.pos(), defaultValue == JsonProperties.NULL_VALUE ? null : defaultValue);
                        } else {
                            record.put(field.pos(), convert(field.schema(), fieldValue, path + "." + field.name()));
                        }
                    }
                    return record;
                }
                break;
            case STRING:
                if (!absent && value.isTextual()) {
                    return value.textValue();
                }
                break;
            case BOOLEAN:
                if (!absent && value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
            case INT:
                if (!absent && value.isIntegralNumber() && value.canConvertToInt()) {
                    return value.intValue();
                }
                break;
            case LONG:
                if (!absent && value.isIntegralNumber() && value.canConvertToLong()) {
                    return value.longValue();
                }
                break;
            case FLOAT:
                if (!absent && value.isNumber()) {
                    return value.floatValue();
                }
                break;
            case DOUBLE:
                if (!absent && value.isNumber()) {
                    return value.doubleValue();
                }
                break;
            case BYTES:
                if (!absent && value.isTextual()) {
                    return ByteBuffer.wrap(value.textValue().getBytes(StandardCharsets.ISO_8859_1));
                }
                break;
            case FIXED:
                if (!absent && value.isTextual() && value.textValue().length() == schema.getFixedSize()) {
                    return new GenericData.Fixed(schema, value.textValue().getBytes(StandardCharsets.ISO_8859_1));
                }
                break;
            case ENUM:
                if (!absent && value.isTextual() && schema.hasEnumSymbol(value.textValue())) {
                    return new GenericData.EnumSymbol(schema, value.textValue());
                }
                break;
            case ARRAY:
                if (!absent && value.isArray()) {
                    List<Object> items = new ArrayList<>(value.size());
                    int index = 0;
                    for (JsonNode item : value) {
                        items.add(convert(schema.getElementType(), item, path + "[" + index++ + "]"));
                    }
                    return new GenericData.Array<>(schema, items);
                }
                break;
            case MAP:
                if (!absent && value.isObject()) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> entry = it.next();
                        map.put(
                                entry.getKey(),
                                convert(schema.getValueType(), entry.getValue(), path + "." + entry.getKey()));
                    }
                    return map;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("The JSON value at " + path + " does not fit the Avro type " + schema + ": "
                + (value == null || value.isMissingNode() ? "(missing)" : value.toString()));
    }

    private static boolean fits(Schema schema, JsonNode value) {
        return switch (schema.getType()) {
            case STRING, ENUM, BYTES, FIXED -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case INT -> value.isIntegralNumber() && value.canConvertToInt();
            case LONG -> value.isIntegralNumber() && value.canConvertToLong();
            case FLOAT, DOUBLE -> value.isNumber();
            case RECORD, MAP -> value.isObject();
            case ARRAY -> value.isArray();
            default -> false;
        };
    }
}
