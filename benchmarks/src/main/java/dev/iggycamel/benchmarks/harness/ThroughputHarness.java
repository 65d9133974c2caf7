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

import dev.iggycamel.component.IggyComponent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The throughput harness of issue 5: the raw Iggy Java SDK 0.8.0, camel-iggy routes and the one-blocking-send-per-
 * exchange design, interleaved in rounds after a shared warm-up, each run on a fresh topic, against the embedded
 * server (in a JVM of its own) or a real Iggy 0.8 server. It reports msg/s, MB/s, CPU time and heap allocation per
 * message, and the ratios to the raw SDK measured within each round; see {@link HarnessOptions} for the options.
 */
public final class ThroughputHarness {

    static final String RESULTS_START = "<!-- harness:start -->";
    static final String RESULTS_END = "<!-- harness:end -->";

    private ThroughputHarness() {}

    public static void main(String[] args) throws Exception {
        // route start/stop lines for every run would bury the results
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        HarnessReport report = run(HarnessOptions.parse(args));
        long broken = report.scenarios().keySet().stream()
                .mapToLong(id -> report.lost(id) + report.failures(id))
                .sum();
        System.exit(broken == 0 ? 0 : 1);
    }

    /** Runs the harness and prints (and, with --results, writes) the report. */
    static HarnessReport run(HarnessOptions options) throws Exception {
        HarnessReport report = new HarnessReport();
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        ExecutorService senderThreads = Executors.newFixedThreadPool(Math.max(options.senders(), 1), daemon());
        ExchangeDriver driver = new ExchangeDriver(senderThreads);
        List<Scenario> scenarios = selected(scenarios(options, driver), options);
        try (IggyServer server = server(options);
                CamelContext camel = camel(server);
                BenchEnvironment env = new BenchEnvironment(server, camel)) {
            scenarios.forEach(report::scenario);
            targets().forEach(report::target);
            System.out.printf(
                    Locale.ROOT,
                    "camel-iggy harness: %d scenarios, %d warm-up pass(es), %d rounds, against the %s%n",
                    scenarios.size(),
                    options.warmup(),
                    options.rounds(),
                    server.description());
            for (int pass = 0; pass < options.warmup(); pass++) {
                for (Scenario scenario : scenarios) {
                    Sample sample = measure(env, scenario, -1 - pass);
                    print("warm-up", sample);
                }
            }
            for (int round = 0; round < options.rounds(); round++) {
                // rotate the order so that no scenario always follows the same one
                for (int i = 0; i < scenarios.size(); i++) {
                    Scenario scenario = scenarios.get((i + round) % scenarios.size());
                    Sample sample = measure(env, scenario, round);
                    report.add(sample);
                    print("round " + (round + 1), sample);
                }
            }
            environment(report, options, server, loadBefore, started);
        } finally {
            for (Scenario scenario : scenarios) {
                scenario.close();
            }
            senderThreads.shutdownNow();
        }
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        if (options.results() != null) {
            writeResults(options.results(), markdown);
            System.out.println("Written to " + options.results());
        }
        return report;
    }

    /** The transports camel-iggy scenarios run with (option transportType). */
    static final List<String> TRANSPORTS = List.of("sdk", "native");

    /** The transport camel-iggy uses by default. */
    static final String DEFAULT_TRANSPORT = "native";

    /** Every scenario at the run's scale; the ids name payload size and transport. */
    static List<Scenario> scenarios(HarnessOptions o, ExchangeDriver driver) {
        List<Scenario> list = new ArrayList<>();
        list.add(new RawSdkScenarios.BatchSend("raw-batch-100B", 100, o.scaled(500_000), 4));
        list.add(new RawSdkScenarios.BatchSend("raw-batch-1KB", 1000, o.scaled(200_000), 4));
        list.add(new RawSdkScenarios.SingleSend("raw-single-100B", 100, o.scaled(2_000)));
        list.add(new CamelScenarios.BlockingPerExchange("blocking-100B", 100, o.scaled(5_000), o.senders(), 8, driver));
        list.add(new RawSdkScenarios.PollLoop("raw-poll-100B", 100, o.scaled(500_000)));
        list.add(new CamelScenarios.CamelOnly("camel-only-1-sender-100B", 100, o.scaled(500_000), 1, 1, false, driver));
        list.add(new CamelScenarios.CamelOnly(
                "camel-only-16-senders-100B", 100, o.scaled(500_000), o.senders(), o.window(), false, driver));
        list.add(new CamelScenarios.CamelOnly(
                "camel-only-async-16-senders-100B", 100, o.scaled(500_000), o.senders(), o.window(), true, driver));
        for (String t : TRANSPORTS) {
            String options = "&transportType=" + t;
            list.add(new CamelScenarios.ListBodies("camel-list-100B-" + t, 100, o.scaled(500_000), 4, options, driver));
            list.add(new CamelScenarios.ListBodies("camel-list-1KB-" + t, 1000, o.scaled(200_000), 4, options, driver));
            list.add(new CamelScenarios.AutoBatched(
                    "camel-auto-100B-" + t, 100, o.scaled(300_000), o.senders(), o.window(), options, driver));
            list.add(new CamelScenarios.Consume(
                    "camel-poll-onPoll-100B-" + t, 100, o.scaled(500_000), "onPoll", options));
            list.add(new CamelScenarios.Consume(
                    "camel-poll-afterProcessing-100B-" + t, 100, o.scaled(500_000), "afterProcessing", options));
        }
        list.add(new CamelScenarios.Consume(
                "camel-poll-batching-onPoll-100B-" + DEFAULT_TRANSPORT,
                100,
                o.scaled(500_000),
                "onPoll",
                "&batching=true&transportType=" + DEFAULT_TRANSPORT));
        return list;
    }

    /** The goals of issue 5, for each transport (the fast path's own goal for the native one), and reference rows. */
    static List<Target> targets() {
        List<Target> list = new ArrayList<>();
        for (String t : TRANSPORTS) {
            list.add(Target.atLeast("List bodies vs raw batched, 1 KB", "camel-list-1KB-" + t, "raw-batch-1KB", 0.9));
            list.add(
                    Target.atLeast("List bodies vs raw batched, 100 B", "camel-list-100B-" + t, "raw-batch-100B", 0.8));
        }
        list.add(Target.above(
                "fast path: List bodies vs raw batched, 1 KB", "camel-list-1KB-native", "raw-batch-1KB", 1.0));
        list.add(Target.above(
                "fast path: List bodies vs raw batched, 100 B", "camel-list-100B-native", "raw-batch-100B", 1.0));
        for (String t : TRANSPORTS) {
            list.add(Target.atLeast(
                    "auto-batched (16 senders) vs raw batched", "camel-auto-100B-" + t, "raw-batch-100B", 0.5));
            list.add(Target.atLeast(
                    "auto-batched vs one blocking send per exchange", "camel-auto-100B-" + t, "blocking-100B", 20));
        }
        for (String t : TRANSPORTS) {
            list.add(Target.atLeast(
                    "consumer onPoll vs raw poll loop", "camel-poll-onPoll-100B-" + t, "raw-poll-100B", 0.9));
            list.add(Target.atLeast(
                    "consumer afterProcessing vs raw poll loop",
                    "camel-poll-afterProcessing-100B-" + t,
                    "raw-poll-100B",
                    0.7));
        }
        for (String t : TRANSPORTS) {
            list.add(Target.allocation("camel-list-100B-" + t, "raw-batch-100B", 100));
            list.add(Target.allocation("camel-list-1KB-" + t, "raw-batch-1KB", 100));
            list.add(Target.allocation("camel-auto-100B-" + t, "raw-batch-100B", 100));
            list.add(Target.allocation("camel-poll-onPoll-100B-" + t, "raw-poll-100B", 100));
            list.add(Target.allocation("camel-poll-afterProcessing-100B-" + t, "raw-poll-100B", 100));
        }
        list.add(Target.reference(
                "ceiling: Camel alone, one thread, one exchange per message",
                "camel-only-1-sender-100B",
                "raw-poll-100B"));
        list.add(Target.reference(
                "ceiling: Camel alone, fed like the auto-batched route",
                "camel-only-16-senders-100B",
                "raw-batch-100B"));
        list.add(Target.reference(
                "ceiling: the same, completed asynchronously in batches",
                "camel-only-async-16-senders-100B",
                "raw-batch-100B"));
        list.add(Target.reference(
                "consumer batching=true (one exchange per poll) vs raw poll loop",
                "camel-poll-batching-onPoll-100B-" + DEFAULT_TRANSPORT,
                "raw-poll-100B"));
        return list;
    }

    /** The scenarios --only names, with the baselines their targets compare against. */
    private static List<Scenario> selected(List<Scenario> all, HarnessOptions options) {
        if (options.only().isEmpty()) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>(options.only());
        for (Target target : options.withBaselines() ? targets() : List.<Target>of()) {
            if (wanted.contains(target.scenario())) {
                wanted.add(target.baseline());
            }
        }
        return all.stream().filter(s -> wanted.contains(s.id())).toList();
    }

    private static Sample measure(BenchEnvironment env, Scenario scenario, int round) throws Exception {
        // the previous scenario's garbage is collected before the clock starts, not inside this measurement
        System.gc();
        return scenario.run(env, round);
    }

    private static void print(String phase, Sample sample) {
        System.out.printf(
                Locale.ROOT,
                "%-9s %-38s %,12.0f msg/s %8.1f MB/s %8.2f µs CPU/msg %8.0f B/msg%s%n",
                phase,
                sample.scenario(),
                sample.messagesPerSecond(),
                sample.megabytesPerSecond(),
                sample.cpuNanosPerMessage() / 1000,
                sample.allocatedBytesPerMessage(),
                sample.lost() != 0 || sample.failures() != 0
                        ? "  LOST " + sample.lost() + " FAILED " + sample.failures()
                        : "");
    }

    private static IggyServer server(HarnessOptions options) throws IOException {
        if (options.remote()) {
            return IggyServer.remote(options.host(), options.port(), options.username(), options.password());
        }
        return options.inProcess() ? IggyServer.inProcess() : IggyServer.forked(options.serverJvm());
    }

    private static CamelContext camel(IggyServer server) {
        CamelContext camel = new DefaultCamelContext();
        IggyComponent iggy = camel.getComponent("iggy", IggyComponent.class);
        iggy.getConfiguration().setHost(server.host());
        iggy.getConfiguration().setPort(server.port());
        iggy.getConfiguration().setUsername(server.username());
        iggy.getConfiguration().setPassword(server.password());
        camel.start();
        return camel;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-sender");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void environment(
            HarnessReport report, HarnessOptions options, IggyServer server, String loadBefore, Instant started) {
        Runtime runtime = Runtime.getRuntime();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.environment(
                "date",
                started.truncatedTo(ChronoUnit.SECONDS) + ", "
                        + (Instant.now().getEpochSecond() - started.getEpochSecond()) + " s");
        report.environment(
                "machine",
                cpuModel() + ", " + runtime.availableProcessors() + " cores, " + os.getTotalMemorySize() / (1 << 30)
                        + " GiB");
        report.environment(
                "OS",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        report.environment(
                "JVM",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                        + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        report.environment("server", server.description());
        report.environment("load average (1, 5, 15 min)", "before " + loadBefore + ", after " + loadAverage());
        report.environment(
                "run",
                options.rounds() + " rounds after " + options.warmup() + " warm-up pass(es), scale " + options.scale()
                        + ", arguments: " + (options.commandLine().isBlank() ? "(none)" : options.commandLine()));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Replaces the part of the file between the harness markers (or appends it, with the markers). */
    static void writeResults(Path file, String markdown) throws IOException {
        String section = RESULTS_START + "\n" + markdown + RESULTS_END;
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int start = text.indexOf(RESULTS_START);
        int end = text.indexOf(RESULTS_END);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + section + text.substring(end + RESULTS_END.length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
