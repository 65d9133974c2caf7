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
package dev.iggycamel.quarkus.deployment;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import org.jboss.logging.Logger;

/**
 * The one embedded Iggy server of dev services, kept across live reloads (they run the build steps again) and
 * replaced only when its settings change.
 */
final class IggyDevServer {

    private static final Logger LOG = Logger.getLogger(IggyDevServer.class);

    private static EmbeddedIggyServer server;
    private static Settings running;

    private IggyDevServer() {}

    /** Returns the running server when it has these settings, else stops it and starts a new one. */
    static synchronized Started start(Settings settings) {
        if (server != null && server.isRunning() && settings.equals(running)) {
            return new Started(server.host(), server.port(), false);
        }
        stop();
        EmbeddedIggyServer.Builder builder = EmbeddedIggyServer.builder().port(settings.port());
        if (settings.username() != null && settings.password() != null) {
            // the application logs in as its configured user: make that the server's root user
            builder.rootCredentials(settings.username(), settings.password());
        }
        try {
            server = builder.build().start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Dev Services for Camel Iggy could not start the embedded Iggy server on port " + settings.port()
                            + " (set quarkus.camel.iggy.devservices.port, or camel.component.iggy.host to use a"
                            + " server of your own)",
                    e);
        }
        running = settings;
        return new Started(server.host(), server.port(), true);
    }

    /** Stops the server, if one runs. */
    static synchronized void stop() {
        if (server != null) {
            LOG.infof("Dev Services for Camel Iggy stopped the embedded Iggy server at %s", server.address());
            server.close();
            server = null;
            running = null;
        }
    }

    /** What the server is started with; a change restarts it. */
    record Settings(int port, String username, String password) {}

    /** Where the server listens, and whether this call started it. */
    record Started(String host, int port, boolean isNew) {}
}
