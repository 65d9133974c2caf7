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
package dev.iggycamel.examples.camelk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.kamelets.Pipes;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import dev.iggycamel.testinfra.IggyTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both pipe manifests, unchanged but for the Iggy address and stream, run together in Camel with the project's
 * pipe runner (what Camel K would run, without Kubernetes): the feeder's messages reach Iggy through iggy-sink, and
 * iggy-to-log consumes them through iggy-source and commits.
 */
class CamelKPipesIT {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    @Test
    void theFeederFillsIggyAndIggyToLogConsumesIt() throws Exception {
        String stream = "camel-k-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String kamelet : List.of("iggy-sink", "iggy-source")) {
            overrides.put(kamelet + ".host", iggy.host());
            overrides.put(kamelet + ".port", Integer.toString(iggy.port()));
            overrides.put(kamelet + ".username", iggy.username());
            overrides.put(kamelet + ".password", iggy.password());
            overrides.put(kamelet + ".stream", stream);
        }
        overrides.put("timer-source.period", "200");
        Path pipes = Manifests.DIR.resolve("pipes");

        CamelContext context = new DefaultCamelContext();
        Pipes.load(
                context,
                overrides,
                pipes.resolve("demo-timer-to-iggy.pipe.yaml"),
                pipes.resolve("iggy-to-log.pipe.yaml"));
        context.start();
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (committed(client, stream) < 2) {
                assertThat(System.currentTimeMillis())
                        .as("iggy-to-log committed nothing")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            context.stop();
            List<Message> stored = client.all(stream, "events", 0);
            assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
            assertThat(stored)
                    .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsOnly("{\"greeting\": \"hello from Camel K\"}");
            assertThat(committed(client, stream)).isBetween(2L, stored.size() - 1L);
            client.deleteStream(stream);
        } finally {
            context.stop();
        }
    }

    /** The offset the group iggy-to-log committed on partition 0, or -1. */
    private static long committed(IggyTestClient client, String stream) {
        try {
            return client.groupOffset(stream, "events", "iggy-to-log", 0);
        } catch (RuntimeException e) {
            return -1; // the pipes have not created the stream or the group yet
        }
    }
}
