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

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.main.Main;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.identifier.StreamId;

/**
 * The README's main job: Camel Main runs the quickstart pipeline ({@link QuickstartRoutes}, or the same routes in
 * {@code routes/quickstart.camel.yaml}) against an Iggy server, the embedded one unless {@code IGGY_HOST} is set. It
 * prints the progress while readings flow, then a summary: sent, received, lost. Exits with 1 unless every reading
 * sent was received intact.
 *
 * <p>Options: {@code --dsl java|yaml} (default java), {@code --messages N} (20000), {@code --partitions N} (3),
 * {@code --senders N} (concurrent sending exchanges, 64). Environment: {@code IGGY_HOST}, {@code IGGY_PORT} (8090),
 * {@code IGGY_USERNAME}, {@code IGGY_PASSWORD} (iggy/iggy).
 */
public final class Quickstart {

    /** How long the run waits for the next reading to arrive before it gives up and reports what is missing. */
    private static final long STALL_NANOS = 30_000_000_000L;

    private Quickstart() {}

    public static void main(String[] args) throws Exception {
        Summary summary = run(Options.parse(args, System.getenv()), System.out);
        System.exit(summary.complete() ? 0 : 1);
    }

    /** Runs the pipeline once and returns its summary, which it also prints. */
    public static Summary run(Options options, PrintStream out) throws Exception {
        EmbeddedIggyServer embedded = null;
        String host = options.host();
        int port = options.port();
        if (host == null) {
            embedded = EmbeddedIggyServer.builder().port(0).build().start();
            host = embedded.host();
            port = embedded.port();
        }
        String server = (embedded != null ? "embedded Iggy server on " : "Iggy server at ") + host + ":" + port;
        String stream = "quickstart-" + System.currentTimeMillis();
        out.println("Camel Main, " + options.dsl() + " DSL, " + server);
        out.printf(
                Locale.ROOT,
                "Sending %,d readings to %s/readings (%d partitions), consumed by 2 members of quickstart-readers%n",
                options.messages(),
                stream,
                options.partitions());

        Stats stats = new Stats(options.messages());
        Main main = new Main();
        try {
            main.bind("readings", new Readings());
            main.bind("stats", stats);
            main.addInitialProperty("quickstart.messages", Integer.toString(options.messages()));
            main.addInitialProperty("quickstart.senders", Integer.toString(options.senders()));
            main.addInitialProperty("quickstart.stream", stream);
            main.addInitialProperty("camel.component.iggy.host", host);
            main.addInitialProperty("camel.component.iggy.port", Integer.toString(port));
            main.addInitialProperty("camel.component.iggy.username", options.username());
            main.addInitialProperty("camel.component.iggy.password", options.password());
            main.addInitialProperty("camel.component.iggy.partitions", Integer.toString(options.partitions()));
            if (options.dsl().equals("yaml")) {
                main.configure().withRoutesIncludePattern("classpath:routes/quickstart.camel.yaml");
            } else {
                main.configure().addRoutesBuilder(new QuickstartRoutes());
            }
            long booting = System.nanoTime();
            main.start();
            long started = System.nanoTime();
            out.printf(
                    Locale.ROOT,
                    "Camel started in %.1f s with the routes %s%n",
                    (started - booting) / 1e9,
                    main.getCamelContext().getRoutes().stream()
                            .map(route -> route.getRouteId())
                            .toList());
            waitForReadings(stats, options.messages(), started, out);
            double seconds = (System.nanoTime() - started) / 1e9;
            main.stop();
            Summary summary = stats.summary(options.dsl(), server, seconds);
            summary.print(out);
            return summary;
        } finally {
            main.stop();
            if (embedded != null) {
                embedded.close();
            } else {
                deleteStream(host, port, options, stream);
            }
        }
    }

    /** Prints the progress twice a second until every reading arrived, or none arrived for a while. */
    private static void waitForReadings(Stats stats, int expected, long started, PrintStream out)
            throws InterruptedException {
        long lastReport = started;
        long lastProgress = started;
        long lastCount = 0;
        int lastUnique = 0;
        while (stats.sentCount() < expected || stats.uniqueCount() < expected) {
            Thread.sleep(100);
            long now = System.nanoTime();
            int unique = stats.uniqueCount();
            long count = stats.sentCount() + unique;
            if (count > lastCount) {
                lastCount = count;
                lastProgress = now;
            } else if (now - lastProgress > STALL_NANOS) {
                out.println("  nothing moved for 30 s, giving up");
                return;
            }
            if (now - lastReport >= 500_000_000L) {
                double rate = (unique - lastUnique) / ((now - lastReport) / 1e9);
                out.printf(
                        Locale.ROOT,
                        "  sent %,d  received %,d / %,d  (%,.0f msg/s)%n",
                        stats.sentCount(),
                        unique,
                        expected,
                        rate);
                lastReport = now;
                lastUnique = unique;
            }
        }
    }

    /** On a server of the user's, the run removes the stream it created. */
    private static void deleteStream(String host, int port, Options options, String stream) {
        try {
            IggyTcpClient client = IggyTcpClient.builder()
                    .host(host)
                    .port(port)
                    .credentials(options.username(), options.password())
                    .buildAndLogin();
            client.streams().deleteStream(StreamId.of(stream));
        } catch (RuntimeException e) {
            System.err.println("Could not delete the stream " + stream + ": " + e.getMessage());
        }
    }

    /** The command line and environment of a run. */
    public record Options(
            String dsl,
            int messages,
            int partitions,
            int senders,
            String host,
            int port,
            String username,
            String password) {

        public Options {
            if (!dsl.equals("java") && !dsl.equals("yaml")) {
                throw new IllegalArgumentException("--dsl must be java or yaml, not " + dsl);
            }
        }

        /** Options with the defaults of the environment and command line given. */
        public static Options parse(String[] args, Map<String, String> env) {
            String host = env.get("IGGY_HOST");
            return new Options(
                    option(args, "--dsl", "java"),
                    Integer.parseInt(option(args, "--messages", "20000")),
                    Integer.parseInt(option(args, "--partitions", "3")),
                    Integer.parseInt(option(args, "--senders", "64")),
                    host == null || host.isBlank() ? null : host,
                    Integer.parseInt(env.getOrDefault("IGGY_PORT", "8090")),
                    env.getOrDefault("IGGY_USERNAME", "iggy"),
                    env.getOrDefault("IGGY_PASSWORD", "iggy"));
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
