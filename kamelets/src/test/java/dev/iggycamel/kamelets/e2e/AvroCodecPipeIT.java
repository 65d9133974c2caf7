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
import java.util.List;
import java.util.Map;
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
class AvroCodecPipeIT extends CodecPipeTestSupport {

    @Test
    @ProvesLevel(
            target = "avro-codec",
            direction = "codec",
            level = 3,
            against = "camel-jackson-avro 4.17.0 in the pipe, decoded by Apache Avro 1.12.1 GenericDatumReader")
    void everyMessageIsAvroTheAvroLibraryDecodes() throws Exception {
        List<Message> received = roundTrip("iggy-json-to-avro", CodecOrders.messages(0, N));
        Schema schema = new Schema.Parser().parse(schemaOfThePipe());
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        for (int i = 0; i < N; i++) {
            BinaryDecoder decoder =
                    DecoderFactory.get().binaryDecoder(received.get(i).payload(), null);
            GenericRecord record = reader.read(null, decoder);
            assertThat(decoder.isEnd())
                    .as("message %d holds exactly one datum", i)
                    .isTrue();
            CodecOrders.assertOrder(record, i);
        }
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
}
