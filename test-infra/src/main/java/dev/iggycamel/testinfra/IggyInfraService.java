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
package dev.iggycamel.testinfra;

import java.nio.file.Path;

/**
 * An Iggy server for tests: where it is and how to log in. Implementations are keyed by where the server runs
 * (embedded in the JVM, remote, a container).
 */
public interface IggyInfraService extends AutoCloseable {

    /** Starts the server, or connects to what the system properties describe. */
    void initialize();

    /** Stops what {@link #initialize()} started. */
    void shutdown();

    @Override
    default void close() {
        shutdown();
    }

    String host();

    int port();

    default String address() {
        return host() + ":" + port();
    }

    String username();

    String password();

    /** Whether this server speaks TLS on {@link #port()}. */
    default boolean isTls() {
        return false;
    }

    /** The PEM certificate a TLS client should trust, or null. */
    default Path tlsCertificate() {
        return null;
    }

    /**
     * Whether {@link #reset()} can drop all state. Only the embedded server can; tests against other servers clean
     * up what they create.
     */
    default boolean supportsReset() {
        return false;
    }

    /** Drops every stream, user and token. */
    default void reset() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot reset its server");
    }

    /** Publishes host, port and credentials as system properties, for placeholders resolved "at a distance". */
    default void registerProperties() {
        System.setProperty(IggyProperties.HOST, host());
        System.setProperty(IggyProperties.PORT, Integer.toString(port()));
        System.setProperty(IggyProperties.USERNAME, username());
        System.setProperty(IggyProperties.PASSWORD, password());
    }
}
