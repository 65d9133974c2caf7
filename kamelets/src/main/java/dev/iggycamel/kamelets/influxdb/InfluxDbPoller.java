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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.util.json.Jsoner;
import org.influxdb.dto.QueryResult;

/**
 * Reads the points of a measurement that are newer than the newest point already read, and turns them into one JSON
 * message per point: {@code {"measurement", "tags", "fields", "time"}} (time in RFC 3339), the shape influxdb-sink
 * writes. The watermark lives in memory: it starts at the configured time and moves only after every point of a poll
 * was handed on ({@link #commit}), so a failed poll is read again (at least once). A restart starts from the
 * configured time again; points written later with a time at or before the watermark are not read.
 */
public class InfluxDbPoller {

    static final String NEXT_WATERMARK = "CamelIggyInfluxDbNextWatermark";
    static final String QUERY_HEADER = "camelInfluxDB.query";

    private String measurement;
    private String condition;
    private volatile Instant watermark = Instant.EPOCH;

    public void setMeasurement(String measurement) {
        this.measurement = measurement;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public void setSince(String since) {
        if (since != null && !since.isBlank()) {
            this.watermark = Instant.parse(since);
        }
    }

    /** Sets the InfluxQL query of this poll. */
    public void prepare(Exchange exchange) {
        StringBuilder query = new StringBuilder("SELECT * FROM \"")
                .append(measurement.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\" WHERE time > '")
                .append(watermark)
                .append('\'');
        if (condition != null && !condition.isBlank()) {
            query.append(" AND (").append(condition).append(')');
        }
        query.append(" GROUP BY *");
        exchange.getMessage().setHeader(QUERY_HEADER, query.toString());
    }

    /** Turns the query result into one message per point, oldest first, keyed by the series. */
    public void rows(Exchange exchange) throws InvalidPayloadException {
        QueryResult result = exchange.getMessage().getMandatoryBody(QueryResult.class);
        if (result.hasError()) {
            throw new IllegalStateException("InfluxDB query failed: " + result.getError());
        }
        List<Map.Entry<Instant, Message>> points = new ArrayList<>();
        for (QueryResult.Result part : result.getResults()) {
            if (part.hasError()) {
                throw new IllegalStateException("InfluxDB query failed: " + part.getError());
            }
            if (part.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : part.getSeries()) {
                Map<String, String> tags = series.getTags() == null ? Map.of() : new TreeMap<>(series.getTags());
                String key = seriesKey(series.getName(), tags);
                int timeColumn = series.getColumns().indexOf("time");
                for (List<Object> values : series.getValues()) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (int i = 0; i < values.size(); i++) {
                        if (i != timeColumn && values.get(i) != null) {
                            fields.put(series.getColumns().get(i), number(values.get(i)));
                        }
                    }
                    String time = String.valueOf(values.get(timeColumn));
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("measurement", series.getName());
                    point.put("tags", tags);
                    point.put("fields", fields);
                    point.put("time", time);
                    Message message = new DefaultMessage(exchange.getContext());
                    message.setBody(Jsoner.serialize(point));
                    message.setHeader("key", key);
                    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
                    points.add(Map.entry(Instant.parse(time), message));
                }
            }
        }
        points.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        if (!points.isEmpty()) {
            exchange.setProperty(NEXT_WATERMARK, points.get(points.size() - 1).getKey());
        }
        exchange.getMessage().setBody(points.stream().map(Map.Entry::getValue).toList());
    }

    /** Moves the watermark once every point of the poll was handed on. */
    public void commit(Exchange exchange) {
        Instant next = exchange.getProperty(NEXT_WATERMARK, Instant.class);
        if (next != null && next.isAfter(watermark)) {
            watermark = next;
        }
    }

    private static String seriesKey(String measurement, Map<String, String> tags) {
        StringBuilder key = new StringBuilder(measurement);
        tags.forEach((tag, value) -> key.append(',').append(tag).append('=').append(value));
        return key.toString();
    }

    /** InfluxDB's JSON answers carry every number as a double: integral ones become longs again. */
    private static Object number(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 9.007199254740992E15) {
            return number.longValue();
        }
        return value;
    }
}
