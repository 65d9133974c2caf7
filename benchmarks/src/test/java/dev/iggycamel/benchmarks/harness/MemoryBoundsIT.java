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
package dev.iggycamel.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bounded memory, proven with a small heap: {@link MemoryBoundsWorkload} runs in a JVM of 64 MiB and pushes 1 GiB
 * through a camel-iggy producer and consumer at the same time, with each transport. It must finish (no
 * OutOfMemoryError: the JVM would exit), deliver every message intact, and report that the producer never queued
 * more than batchMaxBytes x maxInFlight (1 MiB x 4) nor kept more than maxInFlight frames in flight, and that the
 * consumer never held more than pollBatchSize x consumersCount messages (100 x 2). The senders offer twice the
 * producer's bound, so the bound is what holds them back. The server runs in this JVM with a memory limit below
 * 1 GiB; the workload deletes each chunk's topic once drained. (Direct buffers, Netty's pools, are not heap: they
 * get a limit of their own, and the workload reports how much of it they used.)
 */
class MemoryBoundsIT {

    private static final String HEAP = "-Xmx64m";
    private static final long GIB = 1L << 30;
    private static final long BATCH_MAX_BYTES = 1 << 20;
    private static final int MAX_IN_FLIGHT = 4;

    private static EmbeddedIggyServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedIggyServer.builder()
                .host("127.0.0.1")
                .port(0)
                .memoryLimit(384L << 20)
                .build()
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "sdk"})
    void aGibibyteGoesThroughA64MiBHeapWithinTheBounds(String transport) throws Exception {
        Map<String, Long> results = runWorkload(transport);

        assertThat(results.get("heapMaxBytes")).isLessThanOrEqualTo(64L << 20);
        assertThat(results.get("producedBytes")).isGreaterThanOrEqualTo(GIB);
        assertThat(results.get("consumedBytes")).isEqualTo(results.get("producedBytes"));
        assertThat(results.get("lost")).isZero();
        assertThat(results.get("duplicated")).isZero();
        assertThat(results.get("corruptOrFailed")).isZero();
        assertThat(results.get("producerMaxQueuedBytes"))
                .as("the senders offer twice the bound: the queue fills up to it, never past it")
                .isGreaterThan(BATCH_MAX_BYTES * MAX_IN_FLIGHT / 2)
                .isLessThanOrEqualTo(BATCH_MAX_BYTES * MAX_IN_FLIGHT);
        assertThat(results.get("producerMaxInFlight")).isBetween(1L, (long) MAX_IN_FLIGHT);
        assertThat(results.get("consumerMaxHeldByATask"))
                .isPositive()
                .isLessThanOrEqualTo(MemoryBoundsWorkload.POLL_BATCH_SIZE);
        assertThat(results.get("consumerMaxHeldByAllTasks"))
                .isLessThanOrEqualTo((long) MemoryBoundsWorkload.POLL_BATCH_SIZE * MemoryBoundsWorkload.CONSUMERS);
    }

    private static Map<String, Long> runWorkload(String transport) throws Exception {
        List<String> command = List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                HEAP,
                // Netty's pooled direct buffers are not heap; the SDK's pools grow past 64 MiB, the native one's do not
                "-XX:MaxDirectMemorySize=128m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp",
                IggyServer.classPath(),
                MemoryBoundsWorkload.class.getName(),
                String.valueOf(server.port()),
                transport,
                "1",
                "8",
                "8192");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Long> results = new HashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    String[] fields = line.split(" ");
                    results.put(fields[1], Long.parseLong(fields[2]));
                }
            }
        }
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(process.exitValue())
                .as("the workload's exit code; its output:%n%s", output)
                .isZero();
        return results;
    }
}
