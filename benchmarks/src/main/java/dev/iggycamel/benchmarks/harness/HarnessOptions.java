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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line.
 *
 * <pre>
 * --quick               CI smoke: 3 rounds, 1 warm-up pass, a tenth of the messages (under 2 minutes)
 * --rounds N            measured rounds (default 7)
 * --warmup N            warm-up passes over every scenario before the rounds (default 2)
 * --scale F             multiplies every scenario's message count (default 1; 0.1 with --quick)
 * --only a,b            only these scenarios (their baselines are added)
 * --no-baselines        with --only: not even the baselines (to profile one scenario)
 * --senders N           threads feeding the auto-batched and blocking routes (default 16)
 * --window N            exchanges each auto-batching sender keeps outstanding (default 512)
 * --in-process          the embedded server in the harness's JVM instead of a JVM of its own
 * --server-jvm "OPTS"   JVM options of the forked server (default "-Xms2g -Xmx2g -XX:+UseG1GC")
 * --results FILE        replace the harness section of this markdown file (RESULTS.md) with the results
 * -Diggy.host=H -Diggy.port=P [-Diggy.username=U -Diggy.password=W]   a running Iggy 0.8 server instead
 * </pre>
 */
record HarnessOptions(
        boolean quick,
        int rounds,
        int warmup,
        double scale,
        List<String> only,
        boolean withBaselines,
        int senders,
        int window,
        boolean inProcess,
        String serverJvm,
        Path results,
        String host,
        int port,
        String username,
        String password,
        String commandLine) {

    static HarnessOptions parse(String... args) {
        boolean quick = has(args, "--quick");
        String host = System.getProperty("iggy.host");
        String port = System.getProperty("iggy.port");
        String results = value(args, "--results", null);
        String only = value(args, "--only", "");
        return new HarnessOptions(
                quick,
                Integer.parseInt(value(args, "--rounds", quick ? "3" : "7")),
                Integer.parseInt(value(args, "--warmup", quick ? "1" : "2")),
                Double.parseDouble(value(args, "--scale", quick ? "0.1" : "1")),
                only.isBlank() ? List.of() : Arrays.asList(only.split(",")),
                !has(args, "--no-baselines"),
                Integer.parseInt(value(args, "--senders", "16")),
                Integer.parseInt(value(args, "--window", "512")),
                has(args, "--in-process"),
                value(args, "--server-jvm", "-Xms2g -Xmx2g -XX:+UseG1GC"),
                results == null ? null : Path.of(results),
                host,
                port == null ? 8090 : Integer.parseInt(port),
                System.getProperty("iggy.username", "iggy"),
                System.getProperty("iggy.password", "iggy"),
                String.join(" ", args));
    }

    boolean remote() {
        return host != null && !host.isBlank();
    }

    /** A scenario's message count at this run's scale, in whole batches of 1000 when it is at least one. */
    long scaled(long messages) {
        long count = Math.max(1, Math.round(messages * scale));
        return count >= Payloads.BATCH ? count / Payloads.BATCH * Payloads.BATCH : count;
    }

    private static boolean has(String[] args, String name) {
        return Arrays.asList(args).contains(name);
    }

    private static String value(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
