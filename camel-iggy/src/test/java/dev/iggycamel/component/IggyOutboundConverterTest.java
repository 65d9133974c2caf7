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
package dev.iggycamel.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iggycamel.component.transport.IggyHeaderKind;
import dev.iggycamel.component.transport.IggyHeaderValue;
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.TypeConverterSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exchanges to the messages to send: bodies, batches, partitioning, message ids and origin timestamps. */
class IggyOutboundConverterTest extends FakeTransportCamelTest {

    // --- bodies

    @Test
    void aByteArrayGoesAsItIs() throws Exception {
        byte[] body = {0, (byte) 0xff, 0x7f, 10};

        assertThat(payloadOf(body)).containsExactly(body);
    }

    @Test
    void aStringGoesInUtf8() throws Exception {
        assertThat(payloadOf("héllo wörld € 日本")).containsExactly("héllo wörld € 日本".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aByteBufferGoesFromItsPositionToItsLimitAndIsNotConsumed() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap("0123456789".getBytes(StandardCharsets.US_ASCII));
        buffer.position(2).limit(7);

        assertThat(new String(payloadOf(buffer), StandardCharsets.US_ASCII)).isEqualTo("23456");
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(buffer.remaining()).isEqualTo(5);

        ByteBuffer direct =
                ByteBuffer.allocateDirect(4).put(new byte[] {1, 2, 3, 4}).flip();
        direct.get();
        assertThat(payloadOf(direct)).containsExactly(2, 3, 4);
        assertThat(direct.position()).isEqualTo(1);
    }

    @Test
    void anInputStreamIsReadWholeAndClosed() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        byte[] content = new byte[100_000];
        Arrays.fill(content, (byte) 'x');
        ByteArrayInputStream stream = new ByteArrayInputStream(content) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        assertThat(payloadOf(stream)).containsExactly(content);
        assertThat(closed).isTrue();
    }

    @Test
    void otherObjectsGoAsCamelConvertsThem() throws Exception {
        context.getTypeConverterRegistry().addTypeConverter(byte[].class, Point.class, new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                Point point = (Point) value;
                return type.cast(new byte[] {(byte) point.x(), (byte) point.y()});
            }
        });

        assertThat(payloadOf(new Point(3, 4))).containsExactly(3, 4);
        assertThat(payloadOf(42)).containsExactly("42".getBytes(StandardCharsets.UTF_8));
        assertThat(payloadOf(new StringBuilder("built"))).containsExactly("built".getBytes(StandardCharsets.UTF_8));
    }

    /** Camel's last-resort converter turns anything into its toString(): for a plain object that is no payload. */
    @Test
    void anObjectCamelCannotConvertFails() {
        assertThatThrownBy(() -> payloadOf(new Opaque())).isInstanceOf(NoTypeConversionAvailableException.class);
    }

    @Test
    void aNullBodyFailsNamingTheExchange() {
        Exchange exchange = exchange(null, Map.of());

        assertThatThrownBy(() -> converter("").messages(exchange))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining(exchange.getExchangeId());
    }

    @Test
    void aListBodyIsOneMessagePerElement() throws Exception {
        Message own = new DefaultMessage(context);
        own.setBody("third");
        own.setHeader("device", "own-device");
        own.setHeader(IggyConstants.MESSAGE_ID, 77L);
        own.setHeader(IggyConstants.ORIGIN_TIMESTAMP, 5L);
        Exchange child = new DefaultExchange(context);
        child.getMessage().setBody("fourth");
        child.getMessage().setHeader("device", "child-device");
        Exchange exchange = exchange(
                List.of("first", "second".getBytes(StandardCharsets.UTF_8), own, child),
                Map.of("device", "shared", IggyConstants.MESSAGE_ID, 1L, IggyConstants.ORIGIN_TIMESTAMP, 9L));

        List<OutboundMessage> messages = converter("").messages(exchange);

        assertThat(messages)
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactly("first", "second", "third", "fourth");
        assertThat(messages.get(0).headers()).containsEntry("device", string("shared"));
        assertThat(messages.get(1).headers()).containsEntry("device", string("shared"));
        assertThat(messages.get(2).headers()).containsOnlyKeys("device").containsEntry("device", string("own-device"));
        assertThat(messages.get(3).headers()).containsEntry("device", string("child-device"));
        // the exchange's id would repeat on every element: only a message of its own carries an id
        assertThat(messages.get(0).id()).isNull();
        assertThat(messages.get(1).id()).isNull();
        assertThat(messages.get(2).id()).isEqualTo(IggyMessageId.of(BigInteger.valueOf(77)));
        assertThat(messages.get(0).originTimestamp()).isEqualTo(9L);
        assertThat(messages.get(2).originTimestamp()).isEqualTo(5L);
    }

    @Test
    void anIteratorOrIterableBodyIsABatchToo() throws Exception {
        Iterable<String> iterable = () -> List.of("a", "b").iterator();

        assertThat(converter("").messages(exchange(iterable, Map.of()))).hasSize(2);
        assertThat(converter("").messages(exchange(List.of("x", "y", "z").iterator(), Map.of())))
                .hasSize(3);
    }

    @Test
    void anEmptyListFails() {
        assertThatThrownBy(() -> converter("").messages(exchange(new ArrayList<>(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no messages");
    }

    @Test
    void aNullElementFailsNamingTheExchange() {
        Exchange exchange = exchange(Arrays.asList("a", null), Map.of());

        assertThatThrownBy(() -> converter("").messages(exchange))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null body")
                .hasMessageContaining(exchange.getExchangeId());
    }

    // --- partitioning

    @Test
    void balancedWhenNothingSays() throws Exception {
        assertThat(converter("").partitioning(exchange("x", Map.of()))).isEqualTo(OutboundPartitioning.balanced());
    }

    @Test
    void thePartitionIdHeaderWinsOverEverything() throws Exception {
        Exchange exchange = exchange("x", Map.of(IggyConstants.PARTITION_ID, 5, IggyConstants.PARTITION_KEY, "k"));

        assertThat(converter("partitionId=3").partitioning(exchange)).isEqualTo(OutboundPartitioning.partitionId(5));
        assertThat(converter("partitionKey=${header.device}").partitioning(exchange))
                .isEqualTo(OutboundPartitioning.partitionId(5));
        assertThat(converter("").partitioning(exchange("x", Map.of(IggyConstants.PARTITION_ID, "7"))))
                .isEqualTo(OutboundPartitioning.partitionId(7));
    }

    @Test
    void thePartitionKeyHeaderWinsOverTheOptions() throws Exception {
        Exchange exchange = exchange("x", Map.of(IggyConstants.PARTITION_KEY, "from-header", "device", "d-1"));

        assertThat(converter("partitionId=3").partitioning(exchange)).isEqualTo(key("from-header"));
        assertThat(converter("partitionKey=${header.device}").partitioning(exchange))
                .isEqualTo(key("from-header"));
        assertThat(converter("").partitioning(exchange("x", Map.of(IggyConstants.PARTITION_KEY, new byte[] {1, 2}))))
                .isEqualTo(OutboundPartitioning.messagesKey(new byte[] {1, 2}));
        assertThat(converter("").partitioning(exchange("x", Map.of(IggyConstants.PARTITION_KEY, 42L))))
                .isEqualTo(key("42"));
    }

    @Test
    void thePartitionIdOption() throws Exception {
        assertThat(converter("partitionId=3").partitioning(exchange("x", Map.of("device", "d-1"))))
                .isEqualTo(OutboundPartitioning.partitionId(3));
    }

    @Test
    void thePartitionKeyOptionLiteralOrExpression() throws Exception {
        Exchange exchange = exchange("x", Map.of("device", "d-9"));

        assertThat(converter("partitionKey=device-1").partitioning(exchange)).isEqualTo(key("device-1"));
        assertThat(converter("partitionKey=${header.device}").partitioning(exchange))
                .isEqualTo(key("d-9"));
        assertThat(converter("partitionKey=site-${header.device}").partitioning(exchange))
                .isEqualTo(key("site-d-9"));
    }

    @Test
    void aPartitionKeyExpressionThatEvaluatesToNullFailsNamingTheExchange() {
        Exchange exchange = exchange("x", Map.of());

        assertThatThrownBy(() -> converter("partitionKey=${header.device}").partitioning(exchange))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${header.device}")
                .hasMessageContaining(exchange.getExchangeId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "4294967296", "abc"})
    void anInvalidPartitionIdHeaderFailsNamingIt(String value) {
        Exchange exchange = exchange("x", Map.of(IggyConstants.PARTITION_ID, value));

        assertThatThrownBy(() -> converter("").partitioning(exchange))
                .hasMessageContaining(IggyConstants.PARTITION_ID)
                .hasMessageContaining(value);
    }

    @Test
    void aPartitionKeyHeaderTakes1To255Bytes() throws Exception {
        assertThat(converter("")
                        .partitioning(exchange("x", Map.of(IggyConstants.PARTITION_KEY, "k".repeat(255))))
                        .key())
                .hasSize(255);
        assertThatThrownBy(() ->
                        converter("").partitioning(exchange("x", Map.of(IggyConstants.PARTITION_KEY, "k".repeat(256)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(IggyConstants.PARTITION_KEY)
                .hasMessageContaining("1-255 bytes, got 256");
        assertThatThrownBy(() -> converter("").partitioning(exchange("x", Map.of(IggyConstants.PARTITION_KEY, ""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0 bytes");
        assertThatThrownBy(() -> converter("partitionKey=${header.device}")
                        .partitioning(exchange("x", Map.of("device", "é".repeat(128)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitionKey option")
                .hasMessageContaining("got 256 bytes");
    }

    // --- message id

    @Test
    void theMessageIdHeaderTakesAUuidANumberOrTheirStringForms() throws Exception {
        UUID uuid = UUID.fromString("0190a3c4-1d2e-7f00-8a4b-3c2d1e0f9a8b");
        BigInteger max = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

        assertThat(messageId(uuid).toUuid()).isEqualTo(uuid);
        assertThat(messageId(BigInteger.TWO.pow(100)).toBigInteger()).isEqualTo(BigInteger.TWO.pow(100));
        assertThat(messageId(42L).toBigInteger()).isEqualTo(BigInteger.valueOf(42));
        assertThat(messageId(7).toBigInteger()).isEqualTo(BigInteger.valueOf(7));
        assertThat(messageId(uuid.toString()).toUuid()).isEqualTo(uuid);
        assertThat(messageId(" " + uuid + " ").toUuid()).isEqualTo(uuid);
        assertThat(messageId(max.toString()).toBigInteger()).isEqualTo(max);
        assertThat(messageId("12345").toBigInteger()).isEqualTo(BigInteger.valueOf(12345));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "-5", "12.5", "340282366920938463463374607431768211456", "abc"})
    void aBadMessageIdFailsNamingTheHeader(String id) {
        Exchange exchange = exchange("x", Map.of(IggyConstants.MESSAGE_ID, id));

        assertThatThrownBy(() -> converter("").messages(exchange))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(IggyConstants.MESSAGE_ID)
                .hasMessageContaining(exchange.getExchangeId())
                .hasMessageContaining(id);
    }

    @Test
    void aNegativeNumericMessageIdFails() {
        assertThatThrownBy(() -> messageId(-1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(IggyConstants.MESSAGE_ID);
    }

    @Test
    void noMessageIdHeaderLeavesTheIdToTheServer() throws Exception {
        assertThat(converter("").messages(exchange("x", Map.of())).get(0).id()).isNull();
    }

    // --- origin timestamp

    @Test
    void theOriginTimestampComesFromTheHeader() throws Exception {
        assertThat(single(Map.of(IggyConstants.ORIGIN_TIMESTAMP, 1_700_000_000_000_000L))
                        .originTimestamp())
                .isEqualTo(1_700_000_000_000_000L);
        assertThat(single(Map.of(IggyConstants.ORIGIN_TIMESTAMP, "1700000000000001"))
                        .originTimestamp())
                .isEqualTo(1_700_000_000_000_001L);
    }

    @Test
    void theOriginTimestampIsNowInMicrosecondsWithoutTheHeader() throws Exception {
        long before = System.currentTimeMillis() * 1000;
        long origin = single(Map.of()).originTimestamp();
        long after = System.currentTimeMillis() * 1000;

        assertThat(origin).isBetween(before, after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "-1"})
    void aBadOriginTimestampFailsNamingTheHeader(String value) {
        assertThatThrownBy(() -> single(Map.of(IggyConstants.ORIGIN_TIMESTAMP, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(IggyConstants.ORIGIN_TIMESTAMP)
                .hasMessageContaining(value);
    }

    // --- user headers

    @Test
    void userHeadersGoTypedAndCamelHeadersStay() throws Exception {
        OutboundMessage message =
                single(Map.of("device", "d-1", "count", 3, "CamelFileName", "x.txt", IggyConstants.PARTITION_KEY, "k"));

        assertThat(message.headers()).containsOnlyKeys("device", "count");
        assertThat(message.headers().get("count").kind()).isEqualTo(IggyHeaderKind.INT32);
    }

    @Test
    void theHeaderPolicyOptionApplies() throws Exception {
        Map<String, Object> headers = Map.of("when", new java.util.Date(0), "device", "d-1");

        assertThatThrownBy(() -> converter("").messages(exchange("x", headers)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header when");
        assertThat(converter("headerPolicy=skip")
                        .messages(exchange("x", headers))
                        .get(0)
                        .headers())
                .containsOnlyKeys("device");
    }

    // --- helpers

    record Point(int x, int y) {}

    /** A type Camel has no converter for. */
    static final class Opaque {}

    private IggyOutboundConverter converter(String options) {
        return new IggyOutboundConverter(
                context.getEndpoint(options.isEmpty() ? "iggy:s/t" : "iggy:s/t?" + options, IggyEndpoint.class));
    }

    private Exchange exchange(Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().getHeaders().putAll(headers);
        return exchange;
    }

    private byte[] payloadOf(Object body) throws Exception {
        List<OutboundMessage> messages = converter("").messages(exchange(body, Map.of()));
        assertThat(messages).hasSize(1);
        return messages.get(0).payload();
    }

    private OutboundMessage single(Map<String, Object> headers) throws Exception {
        return converter("").messages(exchange("x", headers)).get(0);
    }

    private IggyMessageId messageId(Object id) throws Exception {
        return single(Map.of(IggyConstants.MESSAGE_ID, id)).id();
    }

    private static OutboundPartitioning key(String key) {
        return OutboundPartitioning.messagesKey(key.getBytes(StandardCharsets.UTF_8));
    }

    private static IggyHeaderValue string(String text) {
        return new IggyHeaderValue(IggyHeaderKind.STRING, text.getBytes(StandardCharsets.UTF_8));
    }
}
