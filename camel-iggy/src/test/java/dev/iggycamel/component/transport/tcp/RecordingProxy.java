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
package dev.iggycamel.component.transport.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of an Iggy server that records every request frame clients send through it, as bytes, so
 * that two clients' encodings of the same requests can be compared byte for byte.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request frame: {@code [u32 length][u32 command][payload]}, whole. */
    record Frame(int command, byte[] bytes) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Frame that && command == that.command && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * command + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "command " + command + ", " + bytes.length + " bytes";
        }
    }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    RecordingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "recording-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The recorded frames, in the order they arrived (connections interleaved). */
    List<Frame> frames() {
        return new ArrayList<>(frames);
    }

    void clear() {
        frames.clear();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(server.getInputStream(), client.getOutputStream(), false);
                pump(client.getInputStream(), server.getOutputStream(), true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean record) {
        Thread pump = new Thread(
                () -> {
                    byte[] chunk = new byte[64 * 1024];
                    ByteBuffer pending = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
                    try {
                        int read;
                        while ((read = in.read(chunk)) >= 0) {
                            if (record) {
                                pending = append(pending, chunk, read);
                                pending = cutFrames(pending);
                            }
                            out.write(chunk, 0, read);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // a side closed
                    } finally {
                        try {
                            out.close();
                        } catch (IOException e) {
                            // already closed
                        }
                    }
                },
                "recording-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static ByteBuffer append(ByteBuffer buffer, byte[] chunk, int length) {
        if (buffer.remaining() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + length))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
        buffer.put(chunk, 0, length);
        return buffer;
    }

    /** Records every whole frame in the buffer and keeps the rest. */
    private ByteBuffer cutFrames(ByteBuffer buffer) {
        buffer.flip();
        while (buffer.remaining() >= 8) {
            int length = buffer.getInt(buffer.position());
            if (buffer.remaining() < 4 + length) {
                break;
            }
            byte[] frame = new byte[4 + length];
            buffer.get(frame);
            frames.add(new Frame(
                    ByteBuffer.wrap(frame, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(), frame));
        }
        buffer.compact();
        return buffer;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
