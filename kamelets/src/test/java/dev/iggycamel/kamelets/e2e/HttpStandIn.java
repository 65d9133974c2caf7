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

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A JDK HTTP server in the JVM standing in for a service's HTTP API (one path, one handler) on 127.0.0.1. As an
 * {@link Outage} it stops, and starts again on the same port.
 */
final class HttpStandIn implements Outage, AutoCloseable {

    private final String path;
    private final HttpHandler handler;
    private HttpServer server;
    private int port;

    /** Starts on a free port. */
    HttpStandIn(String path, HttpHandler handler) throws IOException {
        this.path = path;
        this.handler = handler;
        up();
    }

    int port() {
        return port;
    }

    /** Stops answering: connections are refused. */
    @Override
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Answers again, on the same port. */
    @Override
    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(path, handler);
        server.start();
        port = server.getAddress().getPort();
    }

    @Override
    public void close() {
        down();
    }
}
