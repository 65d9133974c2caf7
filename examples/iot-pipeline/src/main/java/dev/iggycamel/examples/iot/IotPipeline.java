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

import dev.iggycamel.embedded.EmbeddedIggyServer;
import dev.iggycamel.kamelets.Pipes;
import io.moquette.broker.Server;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * MQTT devices → Iggy → SQL: runs the two pipe files of {@code pipes/} with Camel Main ({@code devices-to-iggy}:
 * mqtt-source → iggy-sink; {@code iggy-to-readings-db}: iggy-source → jdbc-sink), lets simulated devices publish
 * their readings over MQTT, waits until every reading is a row of the database, and prints a summary. Exits with 1
 * unless every reading published was stored exactly once.
 *
 * <p>Everything runs in this JVM unless told otherwise: an embedded Iggy server (or {@code IGGY_HOST},
 * {@code IGGY_PORT}, {@code IGGY_USERNAME}, {@code IGGY_PASSWORD}), a Moquette MQTT broker (or
 * {@code MQTT_BROKER_URL}, e.g. {@code tcp://127.0.0.1:1883} for mosquitto) and H2's TCP server. Options:
 * {@code --devices N} (5), {@code --readings N} per device (200).
 */
public final class IotPipeline {

    private static final long STALL_MILLIS = 30_000;

    private IotPipeline() {}

    public static void main(String[] args) throws Exception {
        Result result = run(Options.parse(args, System.getenv()), System.out);
        System.exit(result.complete() ? 0 : 1);
    }

    /** Runs the pipeline once and returns what arrived where, which it also prints. */
    public static Result run(Options options, PrintStream out) throws Exception {
        EmbeddedIggyServer iggy = null;
        Server broker = null;
        try (ReadingsDatabase database = ReadingsDatabase.start()) {
            String iggyHost = options.iggyHost();
            int iggyPort = options.iggyPort();
            if (iggyHost == null) {
                iggy = EmbeddedIggyServer.builder().port(0).build().start();
                iggyHost = iggy.host();
                iggyPort = iggy.port();
            }
            String brokerUrl = options.brokerUrl();
            if (brokerUrl == null) {
                int port = freePort();
                broker = startBroker(port);
                brokerUrl = "tcp://127.0.0.1:" + port;
            }
            out.printf(
                    "Iggy %s:%d%s, MQTT broker %s%s, database %s%n",
                    iggyHost,
                    iggyPort,
                    iggy != null ? " (embedded)" : "",
                    brokerUrl,
                    broker != null ? " (Moquette, in this JVM)" : "",
                    database.url());

            Main main = new Main();
            Map<String, String> overrides = overrides(options, iggyHost, iggyPort, brokerUrl, database.url());
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport support) {
                    try {
                        Pipes.load(
                                support.getCamelContext(),
                                overrides,
                                options.pipes().resolve("devices-to-iggy.pipe.yaml"),
                                options.pipes().resolve("iggy-to-readings-db.pipe.yaml"));
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot load the pipes of " + options.pipes(), e);
                    }
                }
            });
            main.start();
            try {
                out.println("Pipes started: "
                        + main.getCamelContext().getRoutes().stream()
                                .map(route -> route.getRouteId())
                                .toList());
                long started = System.currentTimeMillis();
                List<Reading> published = Devices.publish(brokerUrl, options.devices(), options.readings());
                out.printf(
                        Locale.ROOT,
                        "%d devices published %,d readings in %d ms%n",
                        options.devices(),
                        published.size(),
                        System.currentTimeMillis() - started);
                waitForRows(database, published.size(), out);
                Result result = Result.of(published, database.readings(), System.currentTimeMillis() - started);
                result.print(out);
                return result;
            } finally {
                main.stop();
            }
        } finally {
            if (broker != null) {
                broker.stopServer();
            }
            if (iggy != null) {
                iggy.close();
            }
        }
    }

    /** The pipe files' properties that point them at this run's servers. */
    private static Map<String, String> overrides(
            Options options, String iggyHost, int iggyPort, String brokerUrl, String jdbcUrl) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("mqtt-source.brokerUrl", brokerUrl);
        for (String kamelet : List.of("iggy-sink", "iggy-source")) {
            overrides.put(kamelet + ".host", iggyHost);
            overrides.put(kamelet + ".port", Integer.toString(iggyPort));
            overrides.put(kamelet + ".username", options.iggyUsername());
            overrides.put(kamelet + ".password", options.iggyPassword());
            overrides.put(kamelet + ".stream", options.stream());
        }
        overrides.put("jdbc-sink.jdbcUrl", jdbcUrl);
        return overrides;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Moquette on 127.0.0.1:port, in memory, anonymous clients allowed. */
    private static Server startBroker(int port) throws IOException {
        Properties config = new Properties();
        config.setProperty("host", "127.0.0.1");
        config.setProperty("port", Integer.toString(port));
        config.setProperty("persistence_enabled", "false");
        config.setProperty("allow_anonymous", "true");
        config.setProperty("telemetry_enabled", "false");
        Server broker = new Server();
        broker.startServer(config);
        return broker;
    }

    private static void waitForRows(ReadingsDatabase database, int expected, PrintStream out) throws Exception {
        int last = -1;
        long lastChange = System.currentTimeMillis();
        long lastReport = 0;
        while (true) {
            int rows = database.count();
            long now = System.currentTimeMillis();
            if (rows != last) {
                last = rows;
                lastChange = now;
            }
            if (now - lastReport >= 500 || rows >= expected) {
                out.printf(Locale.ROOT, "  rows in the database: %,d / %,d%n", rows, expected);
                lastReport = now;
            }
            if (rows >= expected) {
                Thread.sleep(500); // a duplicate would still show up
                return;
            }
            if (now - lastChange > STALL_MILLIS) {
                out.println("  no new row for 30 s, giving up");
                return;
            }
            Thread.sleep(100);
        }
    }

    /** What arrived: readings published, rows stored, readings missing from the table, duplicate rows. */
    public record Result(
            int published,
            int stored,
            int missing,
            int duplicates,
            int altered,
            Map<String, Long> perDevice,
            long millis) {

        static Result of(List<Reading> published, List<Reading> stored, long millis) {
            Set<String> sent = published.stream().map(Reading::json).collect(Collectors.toSet());
            Set<String> rows = stored.stream().map(Reading::json).collect(Collectors.toSet());
            int missing = (int) sent.stream().filter(r -> !rows.contains(r)).count();
            int altered =
                    (int) stored.stream().filter(r -> !sent.contains(r.json())).count();
            long distinct = stored.stream()
                    .map(r -> r.device() + "/" + r.seq())
                    .distinct()
                    .count();
            Map<String, Long> perDevice = stored.stream()
                    .collect(Collectors.groupingBy(Reading::device, TreeMap::new, Collectors.counting()));
            return new Result(
                    published.size(),
                    stored.size(),
                    missing,
                    (int) (stored.size() - distinct),
                    altered,
                    perDevice,
                    millis);
        }

        /** Every reading published is one row, with the values the device sent. */
        public boolean complete() {
            return published > 0 && stored == published && missing == 0 && duplicates == 0 && altered == 0;
        }

        void print(PrintStream out) {
            out.println("Summary");
            out.printf(Locale.ROOT, "  published:  %,d readings over MQTT%n", published);
            out.printf(Locale.ROOT, "  stored:     %,d rows%n", stored);
            out.printf(Locale.ROOT, "  missing:    %,d%n", missing);
            out.printf(Locale.ROOT, "  duplicates: %,d%n", duplicates);
            out.printf(Locale.ROOT, "  altered:    %,d%n", altered);
            out.printf(Locale.ROOT, "  per device: %s%n", perDevice);
            out.printf(Locale.ROOT, "  took:       %,d ms from the first publish to the last row%n", millis);
        }
    }

    /** The command line and environment of a run. */
    public record Options(
            int devices,
            int readings,
            String stream,
            String iggyHost,
            int iggyPort,
            String iggyUsername,
            String iggyPassword,
            String brokerUrl,
            Path pipes) {

        public static Options parse(String[] args, Map<String, String> env) {
            String host = env.get("IGGY_HOST");
            String broker = env.get("MQTT_BROKER_URL");
            return new Options(
                    Integer.parseInt(option(args, "--devices", "5")),
                    Integer.parseInt(option(args, "--readings", "200")),
                    option(args, "--stream", "iot"),
                    host == null || host.isBlank() ? null : host,
                    Integer.parseInt(env.getOrDefault("IGGY_PORT", "8090")),
                    env.getOrDefault("IGGY_USERNAME", "iggy"),
                    env.getOrDefault("IGGY_PASSWORD", "iggy"),
                    broker == null || broker.isBlank() ? null : broker,
                    Path.of(option(args, "--pipes", "pipes")));
        }

        private static String option(String[] args, String name, String fallback) {
            for (int i = 0; i < args.length - 1; i++) {
                if (args[i].equals(name)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }
    }
}
