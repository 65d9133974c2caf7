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

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * iggy-json-to-avro: JSON messages of one topic written as Avro binary to another by camel-jackson-avro
 * (json-deserialize-action, avro-serialize-action). The test decodes every message with Apache Avro's own
 * GenericDatumReader and the schema of the pipe file, and compares it with what was sent.
 */
class AvroCodecPipeIT extends PipeTestSupport {

    private static final int N = 1000;

    @Test
    @ProvesLevel(
            target = "avro-codec",
            direction = "codec",
            level = 3,
            against = "camel-jackson-avro 4.17.0 in the pipe, decoded by Apache Avro 1.12.1 GenericDatumReader")
    void everyMessageIsAvroTheAvroLibraryDecodes() throws Exception {
        String stream = unique("avro");
        String group = "iggy-json-to-avro";
        client.createTopic(stream, "in", 1);
        client.createTopic(stream, "out", 1);
        client.send(
                stream,
                "in",
                0,
                CodecMessages.utf8(
                        IntStream.range(0, N).mapToObj(AvroCodecPipeIT::json).toList()));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "in");
        properties.putAll(iggyProperties("iggy-sink", stream, "out"));
        properties.put("iggy-source.consumerGroup", group);
        startPipe("iggy-json-to-avro", properties);

        await(
                Duration.ofSeconds(60),
                () -> client.all(stream, "out", 0).size() >= N,
                () -> client.all(stream, "out", 0).size() + " of " + N + " arrived");
        List<Message> received = client.all(stream, "out", 0);
        assertThat(received).hasSize(N);
        Schema schema = new Schema.Parser().parse(schemaOfThePipe());
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        for (int i = 0; i < N; i++) {
            BinaryDecoder decoder =
                    DecoderFactory.get().binaryDecoder(received.get(i).payload(), null);
            GenericRecord record = reader.read(null, decoder);
            assertThat(decoder.isEnd())
                    .as("message %d holds exactly one datum", i)
                    .isTrue();
            assertThat(record.get("id")).as("id of %d", i).isEqualTo((long) i);
            assertThat(record.get("customer").toString()).isEqualTo(customer(i));
            assertThat(record.get("amount")).isEqualTo(amount(i));
            assertThat(record.get("paid")).isEqualTo(i % 3 == 0);
            assertThat(record.get("note") == null ? null : record.get("note").toString())
                    .isEqualTo(note(i));
            List<String> items = new ArrayList<>();
            ((List<?>) record.get("items")).forEach(item -> items.add(item.toString()));
            assertThat(items).as("items of %d", i).isEqualTo(items(i));
        }
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "in", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "in", group, 0));
    }

    @SuppressWarnings("unchecked")
    private static String schemaOfThePipe() throws Exception {
        Map<String, Object> doc = (Map<String, Object>)
                new Load(LoadSettings.builder().build()).loadFromString(Files.readString(pipe("iggy-json-to-avro")));
        for (Object step : (List<Object>) ((Map<String, Object>) doc.get("spec")).get("steps")) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) step).get("properties");
            if (properties != null && properties.get("schema") != null) {
                return properties.get("schema").toString();
            }
        }
        throw new AssertionError("no schema in the pipe");
    }

    static String json(int i) {
        return "{\"id\":" + i + ",\"customer\":\"" + customer(i) + "\",\"amount\":" + amount(i) + ",\"paid\":"
                + (i % 3 == 0) + ",\"note\":" + (note(i) == null ? "null" : "\"" + note(i) + "\"") + ",\"items\":["
                + String.join(",", items(i).stream().map(s -> "\"" + s + "\"").toList()) + "]}";
    }

    static String customer(int i) {
        return "c\u00fcstomer-\u20ac-" + i;
    }

    static double amount(int i) {
        return i * 10.25 + 0.125;
    }

    static String note(int i) {
        return i % 2 == 0 ? null : "note " + i;
    }

    static List<String> items(int i) {
        return IntStream.range(0, i % 4).mapToObj(k -> "item-" + i + "-" + k).toList();
    }
}
