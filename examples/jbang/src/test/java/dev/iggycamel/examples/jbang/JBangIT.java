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
package dev.iggycamel.examples.jbang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import dev.iggycamel.testinfra.IggyTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's commands with the real JBang ({@code dev.jbang:jbang-cli} from Maven Central) and the Camel JBang
 * CLI of {@code camel.java}, each {@code camel run} in its own JVM, with our jars given by {@code --dep} and resolved
 * by Camel JBang from the Maven repository where this build installed them.
 */
class JBangIT {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    private static final Path EXAMPLE = Path.of(System.getProperty("jbang.example.dir", "."));
    private static final String VERSION = System.getProperty("camel-iggy.version");

    @Test
    void theYamlRouteSendsAndConsumesThroughIggy(@TempDir Path dir) throws Exception {
        String stream = "jbang-" + UUID.randomUUID().toString().substring(0, 8);
        int ticks = 10;

        // 10 produced + 10 consumed exchanges, then camel run stops by itself
        Run run = camel(
                dir,
                "run",
                EXAMPLE.resolve("iggy-roundtrip.camel.yaml").toString(),
                "--dep=dev.iggycamel:camel-iggy:" + VERSION,
                "--prop=iggy.host=" + iggy.host(),
                "--prop=iggy.port=" + iggy.port(),
                "--prop=stream=" + stream,
                "--prop=ticks=" + ticks,
                "--max-messages=" + (2 * ticks));

        assertThat(run.exitCode()).as(run.output()).isZero();
        for (int i = 1; i <= ticks; i++) {
            assertThat(run.output()).contains("received tick " + i + " (partition 0, offset " + (i - 1) + ")");
        }
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            assertThat(client.all(stream, "ticks", 0))
                    .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, ticks)
                            .mapToObj(i -> "tick " + i)
                            .toList());
            assertThat(client.groupOffset(stream, "ticks", "printer", 0)).isEqualTo(ticks - 1);
            client.deleteStream(stream);
        }
    }

    @Test
    void thePipeIggyToLogConsumesWhatIsInIggy(@TempDir Path dir) throws Exception {
        String stream = "jbang-pipe-" + UUID.randomUUID().toString().substring(0, 8);
        int count = 5;
        List<String> bodies = IntStream.range(0, count)
                .mapToObj(i -> "{\"reading\":" + i + ",\"unit\":\"°C\"}")
                .toList();
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            client.createTopic(stream, "events", 1);
            client.send(stream, "events", 0, bodies.stream().map(Message::of).toList());
        }
        // the pipe file as shipped, pointed at the test's server and stream
        String pipe = Files.readString(Path.of(System.getProperty("jbang.pipes.dir"), "iggy-to-log.pipe.yaml"))
                .replace("port: \"8090\"", "port: \"" + iggy.port() + "\"")
                .replace("host: \"localhost\"", "host: \"" + iggy.host() + "\"")
                .replace("stream: \"demo\"", "stream: \"" + stream + "\"");
        Path pipeFile = Files.writeString(dir.resolve("iggy-to-log.pipe.yaml"), pipe);

        Run run = camel(
                dir,
                "run",
                pipeFile.toString(),
                "--dep=dev.iggycamel:camel-iggy-kamelets:" + VERSION,
                "--max-messages=" + count);

        assertThat(run.exitCode()).as(run.output()).isZero();
        for (String body : bodies) {
            assertThat(run.output()).contains("Body: " + body);
        }
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            assertThat(client.groupOffset(stream, "events", "iggy-to-log", 0)).isEqualTo(count - 1);
            client.deleteStream(stream);
        }
    }

    record Run(int exitCode, String output) {}

    /**
     * {@code jbang camel.java <args>} as the jbang launcher script does it: {@code dev.jbang.Main} resolves and builds
     * the script, then prints the java command line (exit code 255), which the script runs. Camel JBang resolves
     * {@code --dep} artifacts from {@code jbang.maven.repo}.
     */
    private static Run camel(Path dir, String... args) throws IOException, InterruptedException {
        List<String> jbang = new ArrayList<>(List.of(
                java(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.jbang.Main",
                "-R-Dmaven.repo.local=" + System.getProperty("jbang.maven.repo"),
                EXAMPLE.resolve("camel.java").toString()));
        jbang.addAll(List.of(args));
        Path command = dir.resolve("command.txt");
        Path messages = dir.resolve("jbang.log");
        Process resolve = environment(new ProcessBuilder(jbang))
                .redirectOutput(command.toFile())
                .redirectError(messages.toFile())
                .start();
        assertThat(resolve.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(resolve.exitValue()).as(Files.readString(messages)).isEqualTo(255);

        Path log = dir.resolve("camel.log");
        Process camel = environment(new ProcessBuilder("bash", "-c", "exec " + Files.readString(command)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!camel.waitFor(180, TimeUnit.SECONDS)) {
            camel.destroyForcibly();
            throw new AssertionError("camel run did not stop by itself:\n" + Files.readString(log));
        }
        return new Run(camel.exitValue(), Files.readString(log).replaceAll("\u001B\\[[0-9;]*m", ""));
    }

    private static ProcessBuilder environment(ProcessBuilder builder) {
        builder.environment().put("JBANG_DIR", System.getProperty("jbang.home"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("NO_COLOR", "1");
        return builder;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
