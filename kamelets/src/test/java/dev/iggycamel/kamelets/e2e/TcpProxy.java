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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between a pipe and its target server, so a test can take the target "down" (connections cut and
 * refused) and bring it back on the same port without stopping a shared server such as a Debian-packaged database.
 * The test's own clients talk to the server directly, so they can still read it during the outage.
 */
final class TcpProxy implements AutoCloseable, Outage {

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile int port;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        up();
    }

    /** The local port to give the pipe instead of the target's. */
    int port() {
        return port;
    }

    /** Accepts connections again, on the same port. */
    @Override
    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = socket.getLocalPort();
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Cuts every open connection and refuses new ones until {@link #up()}. */
    @Override
    public synchronized void down() throws IOException {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        down();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                continue; // closed by down()
            }
            try {
                Socket target = new Socket(targetHost, targetPort);
                // no Nagle on the hops the proxy adds: small request/response protocols (MySQL, SFTP, SMTP) stall
                // otherwise
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                if (!register(socket, client, target)) {
                    continue;
                }
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                // the target refused: the client must see its connection close, not a silent peer
                closeQuietly(client);
            }
        }
    }

    /**
     * Keeps a connection so that down() cuts it; false (both closed) when down() ran since it was accepted: a
     * connection accepted just before the outage must not outlive it.
     */
    private synchronized boolean register(ServerSocket acceptedBy, Socket client, Socket target) {
        if (server != acceptedBy) {
            closeQuietly(client);
            closeQuietly(target);
            return false;
        }
        sockets.add(client);
        sockets.add(target);
        return true;
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
