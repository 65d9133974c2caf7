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

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server the harness runs against: the embedded server in a JVM of its own (the default), in the harness's JVM
 * ({@code --in-process}), or a running Iggy 0.8 server ({@code -Diggy.host}, {@code -Diggy.port}).
 */
final class IggyServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String description;
    private final Process process;
    private final EmbeddedIggyServer inProcess;

    private IggyServer(
            String host,
            int port,
            String username,
            String password,
            String description,
            Process process,
            EmbeddedIggyServer inProcess) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.description = description;
        this.process = process;
        this.inProcess = inProcess;
    }

    static IggyServer remote(String host, int port, String username, String password) {
        return new IggyServer(host, port, username, password, "Iggy server at " + host + ":" + port, null, null);
    }

    static IggyServer inProcess() {
        EmbeddedIggyServer server = EmbeddedIggyServer.builder()
                .host("127.0.0.1")
                .port(0)
                .memoryLimit(Runtime.getRuntime().maxMemory() / 2)
                .build()
                .start();
        return new IggyServer(
                "127.0.0.1",
                server.port(),
                "iggy",
                "iggy",
                "embedded server in the harness JVM (its CPU and allocation are counted with the client's)",
                null,
                server);
    }

    /** The embedded server in a child JVM with the given heap options, on this JVM's class path. */
    static IggyServer forked(String heapOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        for (String option : heapOptions.trim().split("\\s+")) {
            command.add(option);
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath());
        command.add(ForkedServerMain.class.getName());
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                int port = Integer.parseInt(line.substring(5).trim());
                // the child writes nothing more; drain it anyway so that it never blocks on a full pipe
                Thread drain = new Thread(() -> drain(out), "iggy-server-stdout");
                drain.setDaemon(true);
                drain.start();
                return new IggyServer(
                        "127.0.0.1",
                        port,
                        "iggy",
                        "iggy",
                        "embedded server in its own JVM (" + heapOptions.trim() + ")",
                        process,
                        null);
            }
        }
        process.destroyForcibly();
        throw new IOException("The forked embedded Iggy server ended before it listened (exit "
                + process.onExit().join().exitValue() + ")");
    }

    /** The class path of this JVM as a child can use it (surefire and failsafe name the real one separately). */
    static String classPath() {
        String tests = System.getProperty("surefire.test.class.path");
        return tests != null && !tests.isBlank() ? tests : System.getProperty("java.class.path");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // nothing to do
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        if (inProcess != null) {
            inProcess.close();
        }
        if (process != null) {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
