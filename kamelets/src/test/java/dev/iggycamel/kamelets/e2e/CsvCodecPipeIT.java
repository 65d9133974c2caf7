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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;

/**
 * iggy-json-to-csv: JSON objects of one topic written as CSV lines to another by csv-serialize-action (camel-csv,
 * Apache Commons CSV). The test parses every line with Commons CSV and compares the values with what was sent:
 * quoting of delimiters, quotes and line breaks, unicode, nulls, column order, dropped fields.
 */
class CsvCodecPipeIT extends CodecPipeTestSupport {

    private static final String COLUMNS = "id,customer,amount,paid,note";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    @ProvesLevel(
            target = "csv-format",
            direction = "codec",
            level = 3,
            against = "camel-csv 4.17.0 (Commons CSV 1.14.1) in the pipe, parsed by Commons CSV 1.14.1")
    void everyJsonObjectBecomesOneCsvLine() throws Exception {
        List<Message> received = roundTrip(
                "iggy-json-to-csv",
                CodecMessages.utf8(
                        IntStream.range(0, N).mapToObj(CsvCodecPipeIT::json).toList()));
        for (int i = 0; i < N; i++) {
            String line = CodecMessages.text(received.get(i));
            assertThat(line).as("message %d ends its line", i).endsWith("\r\n");
            List<CSVRecord> records =
                    CSVFormat.DEFAULT.parse(new StringReader(line)).getRecords();
            assertThat(records).as("records in message %d", i).hasSize(1);
            assertThat(records.get(0).toList()).as("values of message %d", i).isEqualTo(values(i));
        }
    }

    /** The reverse action, csv-deserialize-action, on lines Commons CSV wrote (a Kamelet check, not a pipe). */
    @Test
    void csvLinesWrittenByCommonsCsvBecomeJsonObjects() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:line").to("kamelet:csv-deserialize-action?columns=RAW(" + COLUMNS + ")");
                    from("direct:file")
                            .to("kamelet:csv-deserialize-action?columns=RAW(" + COLUMNS + ")&skipHeaderLine=true");
                }
            });
            context.start();
            ProducerTemplate producer = context.createProducerTemplate();
            StringWriter file = new StringWriter();
            CSVPrinter filePrinter = new CSVPrinter(file, CSVFormat.DEFAULT);
            filePrinter.printRecord((Object[]) COLUMNS.split(","));
            for (int i = 0; i < N; i++) {
                StringWriter line = new StringWriter();
                new CSVPrinter(line, CSVFormat.DEFAULT).printRecord(values(i));
                filePrinter.printRecord(values(i));
                JsonNode object = MAPPER.readTree(producer.requestBody("direct:line", line.toString(), String.class));
                assertThat(object.isObject()).as("line %d gives an object", i).isTrue();
                assertThat(textValues(object)).as("line %d", i).isEqualTo(values(i));
            }
            filePrinter.flush();
            JsonNode array = MAPPER.readTree(producer.requestBody("direct:file", file.toString(), String.class));
            assertThat(array.size())
                    .as("a payload of %d lines after a header line", N)
                    .isEqualTo(N);
            for (int i = 0; i < N; i++) {
                assertThat(textValues(array.get(i)))
                        .as("line %d of the file", i)
                        .isEqualTo(values(i));
            }
        }
    }

    private static List<String> textValues(JsonNode object) {
        List<String> values = new ArrayList<>();
        for (String column : COLUMNS.split(",")) {
            values.add(object.get(column).asText());
        }
        return values;
    }

    /** Fields in another order than the columns, one field ("items") that no column names. */
    static String json(int i) throws RuntimeException {
        try {
            Map<String, Object> record = new java.util.LinkedHashMap<>();
            record.put("note", note(i));
            record.put("items", List.of("a" + i, "b"));
            record.put("customer", customer(i));
            record.put("paid", i % 3 == 0);
            record.put("amount", i * 10.25 + 0.125);
            record.put("id", i);
            return MAPPER.writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RuntimeException(e);
        }
    }

    static List<String> values(int i) {
        return List.of(
                Integer.toString(i),
                customer(i),
                Double.toString(i * 10.25 + 0.125),
                Boolean.toString(i % 3 == 0),
                note(i) == null ? "" : note(i));
    }

    static String customer(int i) {
        return switch (i % 5) {
            case 0 -> "Smith, John " + i;
            case 1 -> "the \"quoted\" one " + i;
            case 2 -> "two\nlines " + i;
            case 3 -> "\u00fcml\u00e4ut \u20ac " + i;
            default -> " spaced " + i + " ";
        };
    }

    static String note(int i) {
        return i % 4 == 0 ? null : i % 4 == 1 ? "" : "note;" + i;
    }
}
