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

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.nio.file.Path;

/** An {@link EmbeddedIggyServer} on a free port, optionally with TLS or a data directory. */
public class EmbeddedIggyInfraService implements IggyInfraService {

    private final EmbeddedIggyServer server;

    public EmbeddedIggyInfraService() {
        this(EmbeddedIggyServer.builder().port(0).build());
    }

    public EmbeddedIggyInfraService(EmbeddedIggyServer server) {
        this.server = server;
    }

    /** An embedded server with TLS on a generated self-signed certificate. */
    public static EmbeddedIggyInfraService withTls() {
        return new EmbeddedIggyInfraService(
                EmbeddedIggyServer.builder().port(0).tls().build());
    }

    @Override
    public void initialize() {
        server.start();
        registerProperties();
    }

    @Override
    public void shutdown() {
        server.close();
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String username() {
        return server.rootUsername();
    }

    @Override
    public String password() {
        return server.rootPassword();
    }

    @Override
    public boolean isTls() {
        return server.isTls();
    }

    @Override
    public Path tlsCertificate() {
        return server.tlsCertificate();
    }

    @Override
    public boolean supportsReset() {
        return true;
    }

    @Override
    public void reset() {
        server.reset();
    }

    /** The server itself, for tests that stop and start it. */
    public EmbeddedIggyServer server() {
        return server;
    }
}
