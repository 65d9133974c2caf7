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
package dev.iggycamel.kamelets;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs pipe files with Camel Main until interrupted: {@code PipeRunner [--embedded] [--http-port N]
 * [-D<kamelet>.<property>=value]... pipe.yaml...}.
 *
 * <p>{@code --embedded} starts an embedded Iggy server on localhost:8090 first (the pipes' default address), so a pipe
 * copied from {@code kamelets/pipes/} runs with nothing else installed. {@code -D<kamelet>.<property>=value} overrides a
 * property of the pipe, e.g. {@code -Diggy-source.port=8091}. {@code --http-port N} starts the HTTP server that
 * platform-http consumers such as webhook-source need (camel-platform-http-main on the classpath; Camel K and Camel
 * JBang start their own). {@code --max-seconds N} stops after N seconds.
 */
public final class PipeRunner {

    private PipeRunner() {}

    public static void main(String[] args) throws Exception {
        boolean embedded = false;
        long maxSeconds = 0;
        int httpPort = -1;
        Map<String, String> overrides = new LinkedHashMap<>();
        List<Path> pipes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--embedded")) {
                embedded = true;
            } else if (arg.equals("--http-port") && i + 1 < args.length) {
                httpPort = Integer.parseInt(args[++i]);
            } else if (arg.equals("--max-seconds") && i + 1 < args.length) {
                maxSeconds = Long.parseLong(args[++i]);
            } else if (arg.startsWith("-D") && arg.contains("=")) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (!arg.isBlank()) {
                for (String file : arg.split(",")) {
                    pipes.add(Path.of(file));
                }
            }
        }
        if (pipes.isEmpty()) {
            System.err.println(
                    "Usage: PipeRunner [--embedded] [--http-port N] [--max-seconds N] [-D<kamelet>.<property>=value]..."
                            + " pipe.yaml...");
            System.exit(2);
        }
        EmbeddedIggyServer server = null;
        if (embedded) {
            server = EmbeddedIggyServer.builder().build().start();
            System.out.println("Embedded Iggy server on " + server.address());
        }
        try {
            Main main = new Main();
            main.configure().withDurationMaxSeconds((int) maxSeconds);
            if (httpPort >= 0) {
                main.configure().httpServer().withEnabled(true).withPort(httpPort);
            }
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeStart(BaseMainSupport support) {
                    try {
                        Pipes.load(support.getCamelContext(), overrides, pipes.toArray(Path[]::new));
                    } catch (Exception e) {
                        throw new IllegalArgumentException("Cannot load " + pipes + ": " + e.getMessage(), e);
                    }
                }
            });
            main.run();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
