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
 * A server someone else runs, described by {@code -Diggy.host}, {@code -Diggy.port}, {@code -Diggy.username} and
 * {@code -Diggy.password} (defaults localhost, 8090, iggy, iggy). For TLS: {@code -Diggy.tls.port} and
 * {@code -Diggy.tls.certificate}. Nothing is started or stopped, and state cannot be reset: tests clean up.
 */
public class RemoteIggyInfraService implements IggyInfraService {

    private final boolean tls;

    public RemoteIggyInfraService() {
        this(false);
    }

    /** The remote server's TLS listener when {@code tls}, else its plain one. */
    public RemoteIggyInfraService(boolean tls) {
        this.tls = tls;
    }

    @Override
    public void initialize() {
        if (tls && System.getProperty(IggyProperties.TLS_PORT) == null) {
            throw new IllegalStateException("a TLS test against a remote Iggy server needs -D" + IggyProperties.TLS_PORT
                    + " and -D" + IggyProperties.TLS_CERTIFICATE);
        }
    }

    @Override
    public void shutdown() {
        // not ours to stop
    }

    @Override
    public String host() {
        return System.getProperty(IggyProperties.HOST, "localhost");
    }

    @Override
    public int port() {
        String property = tls ? IggyProperties.TLS_PORT : IggyProperties.PORT;
        String value = System.getProperty(property, "8090");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + " must be a port number, got " + value, e);
        }
    }

    @Override
    public String username() {
        return System.getProperty(IggyProperties.USERNAME, IggyProperties.DEFAULT_USERNAME);
    }

    @Override
    public String password() {
        return System.getProperty(IggyProperties.PASSWORD, IggyProperties.DEFAULT_PASSWORD);
    }

    @Override
    public boolean isTls() {
        return tls;
    }

    @Override
    public Path tlsCertificate() {
        String certificate = System.getProperty(IggyProperties.TLS_CERTIFICATE);
        return tls && certificate != null ? Path.of(certificate) : null;
    }

    @Override
    public void registerProperties() {
        // the properties are already what the user passed
    }
}
