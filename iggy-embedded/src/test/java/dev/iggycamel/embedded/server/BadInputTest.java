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

import static dev.iggycamel.embedded.server.RawClient.bytes;
import static dev.iggycamel.embedded.server.RawClient.message;
import static dev.iggycamel.embedded.server.RawClient.name;
import static dev.iggycamel.embedded.server.RawClient.namedId;
import static dev.iggycamel.embedded.server.RawClient.numericId;
import static dev.iggycamel.embedded.server.RawClient.sendPayload;
import static dev.iggycamel.embedded.server.RawClient.u32;
import static dev.iggycamel.embedded.server.RawClient.u64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import dev.iggycamel.embedded.server.RawClient.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests get the real server's error code and leave the broker's state as it was. Codes and
 * framing behaviour: shared/reference/iggy-protocol-0.8.md section 1 and the server's decode error mapping.
 */
class BadInputTest {

    private static final int PING = 1;
    private static final int SEND = 101;
    private static final int GET_STREAMS = 201;
    private static final int CREATE_STREAM = 202;
    private static final int GET_STREAM = 200;
    private static final int CREATE_TOPIC = 302;

    private static EmbeddedIggyServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedIggyServer.builder().port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    @Test
    void frameShorterThanItsCommandCodeIsInvalidCommandAndTheConnectionGoesOn() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.sendRaw(RawClient.frame(2, PING, new byte[0]));
            assertThat(client.read().status()).isEqualTo(3);
            assertThat(client.call(PING, new byte[0]).status()).isZero();
        }
    }

    @Test
    void unknownCommandCodeIsInvalidCommandAndTheConnectionGoesOn() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.call(9999, new byte[] {1, 2, 3}).status()).isEqualTo(3);
            assertThat(client.call(PING, new byte[0]).status()).isZero();
        }
    }

    @Test
    void controlPayloadOverTenMebibytesIsRefusedAndTheConnectionClosed() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.login("iggy", "iggy");
            client.sendRaw(RawClient.frame(4 + 10L * 1024 * 1024 + 1, CREATE_STREAM, new byte[0]));
            assertThat(client.read().status()).isEqualTo(3);
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(streamCount()).isZero();
    }

    @Test
    void requestsAreDecodedBeforeTheLoginIsChecked() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.call(CREATE_STREAM, new byte[] {5, 'a'}).status())
                    .as("truncated name")
                    .isEqualTo(3);
            assertThat(client.call(CREATE_STREAM, name("fine")).status())
                    .as("well-formed, not logged in")
                    .isEqualTo(40);
            assertThat(client.call(GET_STREAMS, new byte[0]).status()).isEqualTo(40);
        }
    }

    @Test
    void badNamesAndIdentifiersGetTheDecodeErrorCodes() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.login("iggy", "iggy");
            assertThat(client.call(CREATE_STREAM, new byte[] {0}).status())
                    .as("empty name")
                    .isEqualTo(4);
            assertThat(client.call(CREATE_STREAM, new byte[] {2, (byte) 0xC3, (byte) 0x28})
                            .status())
                    .as("invalid UTF-8")
                    .isEqualTo(3);
            assertThat(client.call(CREATE_STREAM, new byte[] {10, 'a', 'b', 'c'})
                            .status())
                    .as("truncated")
                    .isEqualTo(3);
            assertThat(client.call(GET_STREAM, new byte[] {1, 2, 0, 0}).status())
                    .as("numeric identifier of 2 bytes")
                    .isEqualTo(4);
            assertThat(client.call(GET_STREAM, new byte[] {2, 0}).status())
                    .as("empty string identifier")
                    .isEqualTo(4);
            assertThat(client.call(GET_STREAM, new byte[] {7, 4, 0, 0, 0, 0}).status())
                    .as("unknown identifier kind")
                    .isEqualTo(3);
            assertThat(client.call(CREATE_TOPIC, bytes(numericId(0), u32(1))).status())
                    .as("create topic cut short")
                    .isEqualTo(3);
            assertThat(client.call(PING, new byte[0]).status()).isZero();
        }
        assertThat(streamCount()).isZero();
    }

    @Test
    void nameOf255BytesIsAcceptedAndTrailingBytesAreIgnored() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.login("iggy", "iggy");
            String longName = "n".repeat(255);
            assertThat(client.call(CREATE_STREAM, name(longName)).status()).isZero();
            assertThat(client.call(CREATE_STREAM, bytes(name("other"), new byte[] {9, 9, 9}))
                            .status())
                    .isZero();
            Response stream = client.call(GET_STREAM, namedId("other"));
            assertThat(stream.status()).isZero();
            assertThat(stream.payload()).isNotEmpty();
        }
        assertThat(streamCount()).isEqualTo(2);
    }

    @Test
    void sendMessagesValidatesTheBatchLikeTheServer() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.login("iggy", "iggy");
            assertThat(client.call(CREATE_STREAM, name("s")).status()).isZero();
            byte[] topic = bytes(numericId(0), u32(1), new byte[] {1}, u64(0), u64(0), new byte[] {0}, name("t"));
            assertThat(client.call(CREATE_TOPIC, topic).status()).isZero();
            byte[] balanced = {1, 0};
            byte[] good = message(new byte[] {1, 2, 3});

            assertThat(client.call(SEND, sendPayload(numericId(0), numericId(0), balanced))
                            .status())
                    .as("no messages")
                    .isEqualTo(4009);
            assertThat(client.call(SEND, sendPayload(new byte[] {9, 4, 0, 0, 0, 0}, numericId(0), balanced, good))
                            .status())
                    .as("bad stream identifier")
                    .isEqualTo(6);
            assertThat(client.call(SEND, sendPayload(numericId(0), numericId(0), new byte[] {7, 0}, good))
                            .status())
                    .as("unknown partitioning")
                    .isEqualTo(3);
            assertThat(client.call(SEND, sendPayload(numericId(5), numericId(0), balanced, good))
                            .status())
                    .as("unknown stream")
                    .isEqualTo(1009);
            assertThat(client.call(SEND, sendPayload(numericId(0), numericId(5), balanced, good))
                            .status())
                    .as("unknown topic")
                    .isEqualTo(2010);
            assertThat(client.call(
                                    SEND,
                                    sendPayload(numericId(0), numericId(0), bytes(new byte[] {2, 4}, u32(3)), good))
                            .status())
                    .as("unknown partition")
                    .isEqualTo(3007);

            byte[] valid = sendPayload(numericId(0), numericId(0), balanced, good);
            byte[] nonZeroOffset = valid.clone();
            ByteBuffer.wrap(nonZeroOffset).order(ByteOrder.LITTLE_ENDIAN).putInt(indexStart(valid), 7);
            assertThat(client.call(SEND, nonZeroOffset).status()).isEqualTo(4031);
            byte[] nonZeroTimestamp = valid.clone();
            ByteBuffer.wrap(nonZeroTimestamp).order(ByteOrder.LITTLE_ENDIAN).putLong(indexStart(valid) + 8, 7);
            assertThat(client.call(SEND, nonZeroTimestamp).status()).isEqualTo(4032);
            byte[] shortMessage = sendPayload(numericId(0), numericId(0), balanced, new byte[40]);
            assertThat(client.call(SEND, shortMessage).status())
                    .as("message under 64 bytes")
                    .isEqualTo(4033);
            byte[] slack = bytes(valid, new byte[] {0, 0, 0});
            assertThat(client.call(SEND, slack).status())
                    .as("bytes after the last message")
                    .isEqualTo(4036);
            byte[] hugeHeaders = good.clone();
            ByteBuffer.wrap(hugeHeaders).order(ByteOrder.LITTLE_ENDIAN).putInt(48, 100_001);
            byte[] withHugeHeaders =
                    sendPayload(numericId(0), numericId(0), balanced, bytes(hugeHeaders, new byte[100_001]));
            assertThat(client.call(SEND, withHugeHeaders).status()).isEqualTo(4017);

            assertThat(client.call(SEND, valid).status())
                    .as("the connection still works")
                    .isZero();
            Response stream = client.call(GET_STREAM, numericId(0));
            long messages = ByteBuffer.wrap(stream.payload())
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getLong(4 + 8 + 4 + 8);
            assertThat(messages).as("only the valid batch was stored").isEqualTo(1);
        }
    }

    private static int indexStart(byte[] sendPayload) {
        int metadataLength =
                ByteBuffer.wrap(sendPayload).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        return 4 + metadataLength;
    }

    private static int streamCount() throws IOException {
        try (RawClient client = new RawClient(server.port())) {
            client.login("iggy", "iggy");
            Response streams = client.call(GET_STREAMS, new byte[0]);
            ByteBuffer buffer = ByteBuffer.wrap(streams.payload()).order(ByteOrder.LITTLE_ENDIAN);
            int count = 0;
            while (buffer.hasRemaining()) {
                buffer.position(buffer.position() + 4 + 8 + 4 + 8 + 8);
                int nameLength = buffer.get() & 0xFF;
                buffer.position(buffer.position() + nameLength);
                count++;
            }
            return count;
        }
    }
}
