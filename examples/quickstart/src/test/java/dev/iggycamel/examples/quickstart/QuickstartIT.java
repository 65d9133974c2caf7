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
package dev.iggycamel.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.stream.StreamBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the quickstart as its README says, with each DSL, and checks its summary and what it printed. */
class QuickstartIT {

    private static final int MESSAGES = 5_000;

    @ParameterizedTest
    @ValueSource(strings = {"java", "yaml"})
    void everyReadingSentIsReceivedOnTheEmbeddedServer(String dsl) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Quickstart.Options options = new Quickstart.Options(dsl, MESSAGES, 3, 64, null, 8090, "iggy", "iggy");

        Summary summary = Quickstart.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(summary.complete()).isTrue();
        assertThat(summary.sent()).isEqualTo(MESSAGES);
        assertThat(summary.unique()).isEqualTo(MESSAGES);
        assertThat(summary.lost()).isZero();
        assertThat(summary.corrupt()).isZero();
        // twelve meters keyed over three partitions, four meters each: the consumer group read all three
        assertThat(summary.perPartition()).containsOnlyKeys(0L, 1L, 2L);
        assertThat(summary.perPartition().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(summary.received());
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("Camel Main, " + dsl + " DSL, embedded Iggy server on ")
                .contains("with the routes [generate, send, consume]")
                .contains("msg/s)")
                .contains("Summary (" + dsl + " DSL")
                .contains("  sent:       5,000")
                .contains("  lost:       0");
    }

    @Test
    void theJavaAndYamlRoutesAreTheSamePipeline() throws Exception {
        assertThat(dump(javaRoutes()))
                .isEqualTo(dump(yamlRoutes()))
                .contains("iggy:{{quickstart.stream}}/readings?partitionKey=${header.meter}");
    }

    /**
     * The main class in its own JVM, as {@code java} runs it, against a server of "the user's" given by IGGY_HOST and
     * IGGY_PORT: it uses that server, exits with 0, and removes the stream it created.
     */
    @Test
    void iggyHostPointsTheRunAtAnotherServer(@TempDir Path dir) throws Exception {
        try (EmbeddedIggyServer users =
                EmbeddedIggyServer.builder().port(0).build().start()) {
            Path log = dir.resolve("quickstart.log");
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Quickstart.class.getName(),
                            "--dsl",
                            "yaml",
                            "--messages",
                            "2000")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("IGGY_HOST", "localhost");
            builder.environment().put("IGGY_PORT", Integer.toString(users.port()));
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output)
                    .contains("Camel Main, yaml DSL, Iggy server at localhost:" + users.port())
                    .contains("  sent:       2,000")
                    .contains("  received:   2,000 (0 duplicates, 0 corrupt)")
                    .contains("  lost:       0");
            IggyTcpClient client = IggyTcpClient.builder()
                    .host("localhost")
                    .port(users.port())
                    .credentials("iggy", "iggy")
                    .buildAndLogin();
            List<String> streams =
                    client.streams().getStreams().stream().map(StreamBase::name).toList();
            assertThat(streams).noneMatch(name -> name.startsWith("quickstart-"));
        }
    }

    private static CamelContext javaRoutes() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new QuickstartRoutes());
        return context;
    }

    private static CamelContext yamlRoutes() throws Exception {
        CamelContext context = new DefaultCamelContext();
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.fromString(
                        "quickstart.camel.yaml",
                        new String(
                                QuickstartIT.class
                                        .getResourceAsStream("/routes/quickstart.camel.yaml")
                                        .readAllBytes(),
                                StandardCharsets.UTF_8)));
        return context;
    }

    /** The route models, one a line: id, input and processors with their expressions and endpoint URIs. */
    private static String dump(CamelContext context) {
        StringBuilder routes = new StringBuilder();
        for (RouteDefinition route : ((ModelCamelContext) context).getRouteDefinitions()) {
            routes.append(route.getRouteId()).append(": ").append(route).append('\n');
        }
        return routes.toString();
    }
}
