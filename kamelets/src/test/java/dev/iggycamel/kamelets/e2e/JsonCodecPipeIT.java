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
import java.util.List;
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;

/**
 * iggy-json-roundtrip: JSON messages of one topic parsed and written again by Jackson (json-deserialize-action,
 * json-serialize-action) to another topic. Every message arrives, in order, with the same JSON structure, compact.
 */
class JsonCodecPipeIT extends CodecPipeTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    @ProvesLevel(
            target = "json",
            direction = "codec",
            level = 3,
            against = "Jackson (camel-jackson 4.17.0) between two topics of the embedded Iggy server")
    void everyMessageKeepsItsJsonStructure() throws Exception {
        List<String> sent =
                IntStream.range(0, N).mapToObj(JsonCodecPipeIT::prettyRecord).toList();
        List<Message> received = roundTrip("iggy-json-roundtrip", CodecMessages.utf8(sent));
        for (int i = 0; i < N; i++) {
            JsonNode expected = MAPPER.readTree(sent.get(i));
            String body = CodecMessages.text(received.get(i));
            assertThat(MAPPER.readTree(body)).as("message %d", i).isEqualTo(expected);
            assertThat(body).as("message %d is compact JSON", i).isEqualTo(MAPPER.writeValueAsString(expected));
        }
    }

    /** Nested objects, arrays, unicode, escapes, numbers of several kinds, booleans and null; pretty-printed. */
    static String prettyRecord(int i) {
        return "{\n  \"id\" : " + i + ",\n"
                + "  \"name\" : \"n\u00e4me-\u20ac-\u6f22-" + i + "\",\n"
                + "  \"text\" : \"line\\nbreak \\\"quoted\\\" \\\\ tab\\t\",\n"
                + "  \"price\" : " + (i * 1.25 + 0.5) + ",\n"
                + "  \"big\" : " + (9007199254740993L + i) + ",\n"
                + "  \"tags\" : [ \"t" + (i % 7) + "\", \"all\", " + i + " ],\n"
                + "  \"nested\" : {\n    \"even\" : " + (i % 2 == 0) + ",\n    \"nothing\" : null,\n"
                + "    \"deeper\" : { \"list\" : [ { \"k\" : \"v" + i + "\" }, [ ] ] }\n  }\n}";
    }
}
