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
package dev.iggycamel.embedded.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A bare-socket Iggy 0.8 client for sending frames the SDK never would. */
final class RawClient implements AutoCloseable {

    /** A response: status 0 is OK, anything else the server's error code. */
    record Response(int status, byte[] payload) {}

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    Response call(int code, byte[] payload) throws IOException {
        send(code, payload);
        return read();
    }

    void send(int code, byte[] payload) throws IOException {
        sendRaw(frame(4 + payload.length, code, payload));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Response read() throws IOException {
        byte[] header = new byte[8];
        in.readFully(header);
        ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int status = buffer.getInt();
        int length = buffer.getInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Response(status, payload);
    }

    /** True when the server closed the connection (end of stream within the timeout). */
    boolean isClosedByServer() throws IOException {
        socket.setSoTimeout(5_000);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void login(String username, String password) throws IOException {
        Response response = call(38, bytes(name(username), name(password), u32(0), u32(0)));
        if (response.status() != 0) {
            throw new EOFException("login failed with " + response.status());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static byte[] frame(long length, int code, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt((int) length).putInt(code).put(payload);
        return buffer.array();
    }

    static byte[] name(String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return bytes(new byte[] {(byte) text.length}, text);
    }

    static byte[] numericId(int id) {
        return bytes(new byte[] {1, 4}, u32(id));
    }

    static byte[] namedId(String name) {
        return bytes(new byte[] {2}, name(name));
    }

    static byte[] u32(long value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) value)
                .array();
    }

    static byte[] u64(long value) {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(value)
                .array();
    }

    static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A wire message: 64-byte header (all zero but the lengths), payload, no user headers. */
    static byte[] message(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(64 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(48);
        buffer.putInt(0).putInt(payload.length).putLong(0).put(payload);
        return buffer.array();
    }

    /** A SendMessages payload for the given messages, with a correct index block. */
    static byte[] sendPayload(byte[] stream, byte[] topic, byte[] partitioning, byte[]... messages) {
        byte[] metadata = bytes(stream, topic, partitioning, u32(messages.length));
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        long position = 0;
        for (byte[] message : messages) {
            position += message.length;
            index.writeBytes(u32(0));
            index.writeBytes(u32(position));
            index.writeBytes(u64(0));
        }
        return bytes(u32(metadata.length), metadata, index.toByteArray(), bytes(messages));
    }
}
