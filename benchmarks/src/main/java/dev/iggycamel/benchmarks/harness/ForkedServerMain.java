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
import java.io.IOException;

/**
 * The embedded Iggy server in a JVM of its own, so that the harness measures the client's CPU time and allocation
 * alone: prints {@code PORT <n>} once it listens and stops when its standard input ends (when its parent exits).
 * Arguments: {@code [memoryLimitBytes]}.
 */
public final class ForkedServerMain {

    private ForkedServerMain() {}

    public static void main(String[] args) throws IOException {
        EmbeddedIggyServer.Builder builder =
                EmbeddedIggyServer.builder().host("127.0.0.1").port(0);
        if (args.length > 0) {
            builder.memoryLimit(Long.parseLong(args[0]));
        }
        try (EmbeddedIggyServer server = builder.build().start()) {
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent never writes; the end of the stream is the signal to stop
            }
        }
    }
}
