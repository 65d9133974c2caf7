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
package dev.iggycamel.component.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach and log in to an Iggy server.
 *
 * @param host the server's host
 * @param port its TCP port
 * @param username the user, when logging in with a password
 * @param password the password
 * @param personalAccessToken a personal access token, used instead of username and password when set
 * @param tls whether to use TLS
 * @param trustedCertificate a PEM certificate to trust (TLS), or null for the JVM's trust store
 * @param connectTimeout how long opening a connection may take
 * @param connections the connections to keep (requests in flight on them at once)
 */
public record IggyConnectionSettings(
        String host,
        int port,
        String username,
        String password,
        String personalAccessToken,
        boolean tls,
        Path trustedCertificate,
        Duration connectTimeout,
        int connections) {

    /** The same settings with another number of connections. */
    public IggyConnectionSettings withConnections(int count) {
        return new IggyConnectionSettings(
                host, port, username, password, personalAccessToken, tls, trustedCertificate, connectTimeout, count);
    }

    /** Who logs in, for messages: the user, or "a personal access token". */
    public String principal() {
        return personalAccessToken != null ? "a personal access token" : "user " + username;
    }

    @Override
    public String toString() {
        return (tls ? "tls://" : "tcp://") + host + ":" + port + " as " + principal();
    }
}
