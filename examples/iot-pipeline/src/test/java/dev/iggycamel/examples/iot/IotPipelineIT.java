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
package dev.iggycamel.examples.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import dev.iggycamel.testinfra.IggyTestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example end to end, with its pipe files as shipped: simulated devices publish over MQTT to Moquette,
 * devices-to-iggy stores the readings in Iggy keyed by device, iggy-to-readings-db writes them into H2. Checks the
 * table (every reading once, with its values), Iggy (each device on one partition, in publish order) and the
 * consumer group's committed offsets.
 */
class IotPipelineIT {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    private static final Pattern READING = Pattern.compile("\"device\":\"(sensor-\\d+)\",\"seq\":(\\d+)");

    @Test
    void everyReadingPublishedOverMqttIsARowOfTheDatabase() throws Exception {
        String stream = "iot-" + UUID.randomUUID().toString().substring(0, 8);
        IotPipeline.Options options = new IotPipeline.Options(
                4,
                250,
                stream,
                iggy.host(),
                iggy.port(),
                iggy.username(),
                iggy.password(),
                null,
                Path.of(System.getProperty("iot.pipes.dir", "pipes")));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        IotPipeline.Result result = IotPipeline.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.complete())
                .as(printed.toString(StandardCharsets.UTF_8))
                .isTrue();
        assertThat(result.published()).isEqualTo(1000);
        assertThat(result.stored()).isEqualTo(1000);
        assertThat(result.missing()).isZero();
        assertThat(result.duplicates()).isZero();
        assertThat(result.altered()).isZero();
        assertThat(result.perDevice())
                .containsOnlyKeys("sensor-0", "sensor-1", "sensor-2", "sensor-3")
                .allSatisfy((device, rows) -> assertThat(rows).isEqualTo(250L));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("(Moquette, in this JVM)")
                .contains("rows in the database: 1,000 / 1,000")
                .contains("  missing:    0");

        try (IggyTestClient client = new IggyTestClient(iggy)) {
            assertThat(client.partitions(stream, "readings")).isEqualTo(3);
            Map<String, Long> partitionOf = new HashMap<>();
            int total = 0;
            for (long partition = 0; partition < 3; partition++) {
                List<Message> messages = client.all(stream, "readings", partition);
                total += messages.size();
                Map<String, List<Integer>> seqs = new HashMap<>();
                for (Message message : messages) {
                    Matcher reading = READING.matcher(new String(message.payload(), StandardCharsets.UTF_8));
                    assertThat(reading.find()).isTrue();
                    String device = reading.group(1);
                    Long previous = partitionOf.put(device, partition);
                    assertThat(previous).as(device + " on one partition").isIn(null, partition);
                    seqs.computeIfAbsent(device, d -> new ArrayList<>()).add(Integer.parseInt(reading.group(2)));
                }
                // the MQTT topic is the key: a device's readings are in its partition in the order it published them
                seqs.values().forEach(list -> assertThat(list).isSorted().doesNotHaveDuplicates());
                if (!messages.isEmpty()) {
                    assertThat(client.groupOffset(stream, "readings", "readings-db", partition))
                            .isEqualTo(messages.size() - 1);
                }
            }
            assertThat(total).isEqualTo(1000);
            assertThat(partitionOf).hasSize(4);
            client.deleteStream(stream);
        }
    }
}
