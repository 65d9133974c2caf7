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
package dev.iggycamel.kamelets.influxdb;

import dev.iggycamel.kamelets.utils.Utf8Body;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.influxdb.dto.Point;

/**
 * Turns a JSON message into an InfluxDB point. The JSON object may carry {@code measurement}, {@code tags} (an
 * object of strings), {@code fields} (an object of numbers, booleans and strings) and {@code time} (a number in the
 * configured precision, or an ISO-8601 / RFC 3339 string). Without {@code fields}, every other top-level key is a
 * field. Integral numbers become integer fields, other numbers float fields. Without {@code time} the point gets the
 * time it was written; without {@code measurement}, the configured one.
 */
public class JsonToPoint implements Processor {

    private String measurement;
    private String precision = "ms";

    public void setMeasurement(String measurement) {
        this.measurement = measurement;
    }

    public void setPrecision(String precision) {
        this.precision = precision;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String json = Utf8Body.of(exchange.getMessage());
        Object parsed = Jsoner.deserialize(json);
        if (!(parsed instanceof JsonObject object)) {
            throw new InvalidPayloadException(exchange, JsonObject.class);
        }
        exchange.getMessage().setBody(toPoint(object));
    }

    Point toPoint(JsonObject object) {
        Object name = object.getOrDefault("measurement", measurement);
        if (name == null || name.toString().isBlank()) {
            throw new IllegalArgumentException("The message has no measurement and the Kamelet sets none");
        }
        Point.Builder point = Point.measurement(name.toString());
        if (object.get("tags") instanceof Map<?, ?> tags) {
            tags.forEach((key, value) -> {
                if (value != null) {
                    point.tag(key.toString(), value.toString());
                }
            });
        }
        Map<?, ?> fields = object.get("fields") instanceof Map<?, ?> map ? map : object;
        fields.forEach((key, value) -> {
            if (fields == object && Set.of("measurement", "tags", "time").contains(key.toString())) {
                return;
            }
            addField(point, key.toString(), value);
        });
        if (!point.hasFields()) {
            throw new IllegalArgumentException("The message has no fields: " + Jsoner.serialize(object));
        }
        Object time = object.get("time");
        if (time instanceof Number number) {
            point.time(number.longValue(), unit(precision));
        } else if (time != null) {
            Instant instant = Instant.parse(time.toString());
            point.time(instant.getEpochSecond() * 1_000_000_000L + instant.getNano(), TimeUnit.NANOSECONDS);
        }
        return point.build();
    }

    private static void addField(Point.Builder point, String key, Object value) {
        if (value instanceof BigDecimal number) {
            if (number.scale() == 0 && number.unscaledValue().bitLength() < 64) {
                point.addField(key, number.longValueExact());
            } else {
                point.addField(key, number.doubleValue());
            }
        } else if (value instanceof Number number) {
            point.addField(key, number);
        } else if (value instanceof Boolean flag) {
            point.addField(key, flag);
        } else if (value instanceof String text) {
            point.addField(key, text);
        } else if (value != null) {
            point.addField(key, Jsoner.serialize(value));
        }
    }

    static TimeUnit unit(String precision) {
        return switch (precision.toLowerCase(Locale.ROOT)) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            default -> throw new IllegalArgumentException("precision must be ns, us, ms or s: " + precision);
        };
    }
}
