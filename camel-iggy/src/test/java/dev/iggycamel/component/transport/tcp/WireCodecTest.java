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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iggycamel.component.transport.IggyHeaderKind;
import dev.iggycamel.component.transport.IggyHeaderValue;
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.InboundMessage;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.TopicAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native codec's layouts and its handling of what the byte-equality IT cannot reach. */
class WireCodecTest {

    private static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    @Test
    void aSendFrameHoldsItsLengthIndexAndMessagesInOrder() {
        Map<String, IggyHeaderValue> shared = new LinkedHashMap<>();
        shared.put("k", new IggyHeaderValue(IggyHeaderKind.STRING, bytes("v")));
        List<OutboundMessage> messages = List.of(
                new OutboundMessage(bytes("one"), shared, null, 5),
                new OutboundMessage(bytes("three"), shared, new IggyMessageId(2, 1), 6),
                new OutboundMessage(bytes("x"), Map.of(), null, 7));

        ByteBuf frame = WireCodec.sendMessages(
                ALLOC, new TopicAddress("s", "12"), OutboundPartitioning.partitionId(3), messages);
        try {
            int headerBlock = 1 + 4 + 1 + 1 + 4 + 1;
            int[] sizes = {64 + 3 + headerBlock, 64 + 5 + headerBlock, 64 + 1};
            int metadata = 3 + 6 + 6 + 4;
            assertThat(frame.readIntLE()).as("length: code and payload").isEqualTo(frame.readableBytes());
            assertThat(frame.readIntLE()).isEqualTo(WireCodec.SEND_MESSAGES);
            assertThat(frame.readIntLE()).isEqualTo(metadata);
            assertThat(read(frame, 3)).containsExactly(2, 1, 's');
            assertThat(read(frame, 6)).containsExactly(1, 4, 12, 0, 0, 0);
            assertThat(read(frame, 6)).containsExactly(2, 4, 3, 0, 0, 0);
            assertThat(frame.readIntLE()).isEqualTo(3);
            int position = 0;
            for (int size : sizes) {
                position += size;
                assertThat(frame.readIntLE()).isZero();
                assertThat(frame.readIntLE()).isEqualTo(position);
                assertThat(frame.readLongLE()).isZero();
            }
            assertThat(frame.readableBytes()).isEqualTo(position);
            frame.skipBytes(8);
            assertThat(frame.readLongLE()).isZero(); // no id: the server assigns one
            frame.skipBytes(sizes[0] - 16);
            frame.skipBytes(8);
            assertThat(frame.readLongLE()).as("id, low half first").isEqualTo(1);
            assertThat(frame.readLongLE()).isEqualTo(2);
        } finally {
            frame.release();
        }
    }

    @Test
    void sharedHeadersAreEncodedOnceAndCopiedIntoEveryMessage() {
        Map<String, IggyHeaderValue> shared = Map.of("h", new IggyHeaderValue(IggyHeaderKind.INT32, new byte[4]));
        OutboundMessage message = new OutboundMessage(bytes("p"), shared, null, 0);
        ByteBuf frame = WireCodec.sendMessages(
                ALLOC, new TopicAddress("s", "t"), OutboundPartitioning.balanced(), List.of(message, message));
        try {
            byte[] block = WireCodec.userHeaders(shared);
            assertThat(block).containsExactly(2, 1, 0, 0, 0, 'h', 6, 4, 0, 0, 0, 0, 0, 0, 0);
            assertThat(frame.readableBytes()).isEqualTo(8 + 4 + (3 + 3 + 2 + 4) + 2 * 16 + 2 * (64 + 1 + block.length));
        } finally {
            frame.release();
        }
    }

    @Test
    void aPollAnswerDecodesEveryFieldAndHeader() {
        ByteBuf answer = Unpooled.buffer();
        answer.writeIntLE(2); // partition
        answer.writeLongLE(41); // current offset
        answer.writeIntLE(1);
        byte[] headers = WireCodec.userHeaders(Map.of("n", new IggyHeaderValue(IggyHeaderKind.UINT8, new byte[] {9})));
        answer.writeLongLE(-1L); // checksum: a u64 with the top bit set
        answer.writeLongLE(0x0102L);
        answer.writeLongLE(0x0304L);
        answer.writeLongLE(41);
        answer.writeLongLE(1_763_000_000_000_000L);
        answer.writeLongLE(17);
        answer.writeIntLE(headers.length);
        answer.writeIntLE(3);
        answer.writeLongLE(0);
        answer.writeBytes(bytes("abc"));
        answer.writeBytes(headers);

        PolledBatch batch = WireCodec.polledMessages(answer);

        assertThat(batch.partitionId()).isEqualTo(2);
        assertThat(batch.currentOffset()).isEqualTo(41);
        assertThat(batch.messages()).hasSize(1);
        InboundMessage message = batch.messages().get(0);
        assertThat(message.checksum()).isEqualTo(-1L);
        assertThat(message.id()).isEqualTo(new IggyMessageId(0x0304L, 0x0102L));
        assertThat(message.offset()).isEqualTo(41);
        assertThat(message.timestamp()).isEqualTo(1_763_000_000_000_000L);
        assertThat(message.originTimestamp()).isEqualTo(17);
        assertThat(message.payload()).isEqualTo(bytes("abc"));
        assertThat(message.headers())
                .containsExactly(Map.entry("n", new IggyHeaderValue(IggyHeaderKind.UINT8, new byte[] {9})));
    }

    @Test
    void anEmptyPollHasNoMessages() {
        ByteBuf answer = Unpooled.buffer().writeIntLE(0).writeLongLE(0).writeIntLE(0);

        PolledBatch batch = WireCodec.polledMessages(answer);

        assertThat(batch.messages()).isEmpty();
        assertThat(batch.currentOffset()).isZero();
    }

    @Test
    void aHeaderOfAnUnknownKindIsReportedByName() {
        ByteBuf answer = Unpooled.buffer().writeIntLE(0).writeLongLE(0).writeIntLE(1);
        byte[] headers = {2, 1, 0, 0, 0, 'z', 99, 0, 0, 0, 0};
        answer.writeZero(48)
                .writeIntLE(headers.length)
                .writeIntLE(0)
                .writeLongLE(0)
                .writeBytes(headers);

        assertThatThrownBy(() -> WireCodec.polledMessages(answer))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("z")
                .hasMessageContaining("99");
    }

    @Test
    void identifiersAreNumericOnlyForU32Digits() {
        assertThat(WireCodec.identifier("7")).containsExactly(1, 4, 7, 0, 0, 0);
        assertThat(WireCodec.identifier("4294967295")).containsExactly(1, 4, -1, -1, -1, -1);
        assertThat(WireCodec.identifier("4294967296")).startsWith(2, 10);
        assertThat(WireCodec.identifier("é")).containsExactly(2, 2, 0xc3 - 256, 0xa9 - 256);
        assertThatThrownBy(() -> WireCodec.identifier("x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-255 bytes");
    }

    @Test
    void loginCarriesTheCredentialsAndTheClientsName() {
        ByteBuf frame = WireCodec.loginUser(ALLOC, "iggy", "secret");
        try {
            assertThat(frame.readIntLE()).isEqualTo(frame.readableBytes());
            assertThat(frame.readIntLE()).isEqualTo(WireCodec.LOGIN_USER);
            assertThat(frame.readUnsignedByte()).isEqualTo((short) 4);
            assertThat(frame.readCharSequence(4, StandardCharsets.UTF_8)).isEqualTo("iggy");
            assertThat(frame.readUnsignedByte()).isEqualTo((short) 6);
            assertThat(frame.readCharSequence(6, StandardCharsets.UTF_8)).isEqualTo("secret");
            int version = frame.readIntLE();
            assertThat(frame.readCharSequence(version, StandardCharsets.UTF_8)).isEqualTo("camel-iggy");
        } finally {
            frame.release();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(ByteBuf buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.readBytes(bytes);
        return bytes;
    }
}
