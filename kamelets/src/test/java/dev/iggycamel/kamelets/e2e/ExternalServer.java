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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * A server that {@code .ci/run} installs and starts (a Debian package, see {@code .ci/services/}). In CI
 * ({@code CI=true}) a missing server fails the test; on a developer's machine the test is skipped with the reason and
 * the command that starts the server.
 */
final class ExternalServer {

    private ExternalServer() {}

    /** Checks that something listens on 127.0.0.1:port, else fails (CI) or skips (elsewhere). */
    static void require(String name, int port) {
        if (listening(port)) {
            return;
        }
        String reason = name + " is not running on 127.0.0.1:" + port + "; start it with: sudo bash .ci/services/"
                + name + ".sh";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(reason + " (CI must have started it)");
        }
        Assumptions.abort(reason);
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
