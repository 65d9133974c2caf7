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
package dev.iggycamel.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar iggy-embedded.jar [--host H] [--port 8090] [--data-dir DIR] [--username U --password P] [--tls]}:
 * runs the embedded server until Ctrl-C.
 */
public final class EmbeddedIggyServerMain {

    private EmbeddedIggyServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        // the CLI prints its own status lines; the library's info logs would repeat them
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        EmbeddedIggyServer.Builder builder = EmbeddedIggyServer.builder();
        String username = null;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--port" -> builder.port(port(value(args, ++i, arg)));
                case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                case "--username" -> username = value(args, ++i, arg);
                case "--password" -> password = value(args, ++i, arg);
                case "--tls" -> builder.tls();
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> fail("unknown option " + arg);
            }
        }
        if (username != null || password != null) {
            if (username == null || password == null) {
                fail("--username and --password go together");
            }
            builder.rootCredentials(username, password);
        }
        EmbeddedIggyServer server = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the embedded Iggy server");
                            server.close();
                            stopped.countDown();
                        },
                        "iggy-embedded-shutdown"));
        System.out.println("Embedded Iggy server (protocol 0.8) listening on " + server.address()
                + (server.isTls() ? " with TLS, certificate " + server.tlsCertificate() : "")
                + (server.dataDir() != null ? ", data in " + server.dataDir() : ", in memory")
                + "; root user " + server.rootUsername() + ". Ctrl-C stops it.");
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail("--port takes a number, got " + value);
            return -1;
        }
    }

    private static void usage() {
        System.out.println("Usage: java -jar iggy-embedded.jar [--host HOST] [--port PORT] [--data-dir DIR]"
                + " [--username USER --password PASSWORD] [--tls]");
        System.out.println("Defaults: --host localhost --port 8090, in memory, root user iggy/iggy, no TLS.");
    }

    private static void fail(String message) {
        System.err.println("iggy-embedded: " + message);
        usage();
        System.exit(2);
    }
}
