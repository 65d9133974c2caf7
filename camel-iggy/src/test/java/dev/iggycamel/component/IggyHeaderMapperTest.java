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
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iggycamel.component.transport.IggyHeaderKind;
import dev.iggycamel.component.transport.IggyHeaderValue;
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.InboundMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Camel headers to typed Iggy user headers and back, the header filter, the header policies and the size limits. */
class IggyHeaderMapperTest extends FakeTransportCamelTest {

    private static final BigInteger TWO_POW_127 = BigInteger.ONE.shiftLeft(127);
    private static final BigInteger TWO_POW_128 = BigInteger.ONE.shiftLeft(128);

    // --- kinds and bytes

    static Stream<Arguments> javaValues() {
        BigInteger big = new BigInteger("-123456789012345678901234567890");
        return Stream.of(
                Arguments.of("héllo €", IggyHeaderKind.STRING, hex("68c3a96c6c6f20e282ac")),
                Arguments.of(true, IggyHeaderKind.BOOL, hex("01")),
                Arguments.of(false, IggyHeaderKind.BOOL, hex("00")),
                Arguments.of((byte) -2, IggyHeaderKind.INT8, hex("fe")),
                Arguments.of((short) 0x1234, IggyHeaderKind.INT16, hex("3412")),
                Arguments.of((short) -1, IggyHeaderKind.INT16, hex("ffff")),
                Arguments.of(0x12345678, IggyHeaderKind.INT32, hex("78563412")),
                Arguments.of(Integer.MIN_VALUE, IggyHeaderKind.INT32, hex("00000080")),
                Arguments.of(0x0102030405060708L, IggyHeaderKind.INT64, hex("0807060504030201")),
                Arguments.of(-2L, IggyHeaderKind.INT64, hex("feffffffffffffff")),
                Arguments.of(1.5f, IggyHeaderKind.FLOAT32, hex("0000c03f")),
                Arguments.of(-2.25d, IggyHeaderKind.FLOAT64, hex("00000000000002c0")),
                Arguments.of(BigInteger.ONE, IggyHeaderKind.INT128, hex("01" + "00".repeat(15))),
                Arguments.of(BigInteger.valueOf(-1), IggyHeaderKind.INT128, hex("ff".repeat(16))),
                Arguments.of(BigInteger.valueOf(-256), IggyHeaderKind.INT128, hex("00" + "ff".repeat(15))),
                Arguments.of(TWO_POW_127.negate(), IggyHeaderKind.INT128, hex("00".repeat(15) + "80")),
                Arguments.of(TWO_POW_127.subtract(BigInteger.ONE), IggyHeaderKind.INT128, hex("ff".repeat(15) + "7f")),
                Arguments.of(big, IggyHeaderKind.INT128, twosComplementLittleEndian(big)),
                Arguments.of(new byte[] {1, 2, 3}, IggyHeaderKind.RAW, hex("010203")));
    }

    @ParameterizedTest
    @MethodSource("javaValues")
    void encodesEachTypeAsItsKindLittleEndianAndDecodesItBack(Object value, IggyHeaderKind kind, byte[] bytes) {
        IggyHeaderValue encoded = IggyHeaderMapper.encode(value);

        assertThat(encoded.kind()).isEqualTo(kind);
        assertThat(encoded.value()).containsExactly(bytes);
        Object decoded = IggyHeaderMapper.decode(encoded);
        assertThat(decoded).isExactlyInstanceOf(value.getClass());
        if (value instanceof byte[] raw) {
            assertThat((byte[]) decoded).containsExactly(raw);
        } else {
            assertThat(decoded).isEqualTo(value);
        }
    }

    @Test
    void aRawValueIsCopied() {
        byte[] raw = {1, 2, 3};
        IggyHeaderValue encoded = IggyHeaderMapper.encode(raw);
        raw[0] = 9;

        assertThat(encoded.value()).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @CsvSource({
        "UINT8,   ff,                                   255,                                     java.lang.Short",
        "UINT8,   7f,                                   127,                                     java.lang.Short",
        "UINT16,  ffff,                                 65535,                                   java.lang.Integer",
        "UINT16,  0180,                                 32769,                                   java.lang.Integer",
        "UINT32,  ffffffff,                             4294967295,                              java.lang.Long",
        "UINT64,  ffffffffffffffff,                     18446744073709551615,                    java.math.BigInteger",
        "UINT64,  0100000000000000,                     1,                                       java.math.BigInteger",
        "UINT128, ffffffffffffffffffffffffffffffff,     340282366920938463463374607431768211455, java.math.BigInteger",
        "UINT128, 00000000000000000000000000000080,     170141183460469231731687303715884105728, java.math.BigInteger",
    })
    void unsignedKindsDecodeToWiderTypes(IggyHeaderKind kind, String bytes, String expected, Class<?> type) {
        Object decoded = IggyHeaderMapper.decode(new IggyHeaderValue(kind, hex(bytes)));

        assertThat(decoded).isExactlyInstanceOf(type);
        assertThat(decoded.toString()).isEqualTo(expected);
    }

    @Test
    void floatSpecialValuesKeepTheirBits() {
        IggyHeaderValue nan = IggyHeaderMapper.encode(Float.NaN);
        IggyHeaderValue negativeZero = IggyHeaderMapper.encode(-0.0f);
        IggyHeaderValue doubleNegativeZero = IggyHeaderMapper.encode(-0.0d);
        IggyHeaderValue doubleNan = IggyHeaderMapper.encode(Double.NaN);

        assertThat(nan.value()).containsExactly(hex("0000c07f"));
        assertThat((Float) IggyHeaderMapper.decode(nan)).isNaN();
        assertThat(negativeZero.value()).containsExactly(hex("00000080"));
        assertThat(Float.floatToRawIntBits((Float) IggyHeaderMapper.decode(negativeZero)))
                .isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(doubleNegativeZero.value()).containsExactly(hex("0000000000000080"));
        assertThat(Double.doubleToRawLongBits((Double) IggyHeaderMapper.decode(doubleNegativeZero)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0d));
        assertThat((Double) IggyHeaderMapper.decode(doubleNan)).isNaN();
        assertThat(IggyHeaderMapper.decode(IggyHeaderMapper.encode(Float.NEGATIVE_INFINITY)))
                .isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @ParameterizedTest
    @CsvSource({
        "BOOL,    0101",
        "INT8,    ''",
        "INT8,    0102",
        "INT16,   010203",
        "INT32,   010203",
        "INT64,   01020304",
        "INT128,  0102030405060708",
        "UINT8,   0102",
        "UINT16,  01",
        "UINT32,  0102030405060708",
        "UINT64,  01020304",
        "UINT128, 010203040506070809101112131415",
        "FLOAT32, 0102030405060708",
        "FLOAT64, 01020304",
    })
    void aValueWhoseSizeDoesNotFitItsKindComesBackAsBytes(IggyHeaderKind kind, String bytes) {
        byte[] value = bytes == null ? new byte[0] : hex(bytes);

        Object decoded = IggyHeaderMapper.decode(new IggyHeaderValue(kind, value));

        assertThat(decoded).isInstanceOf(byte[].class);
        assertThat((byte[]) decoded).containsExactly(value);
    }

    @Test
    void typesWithoutAKindOrOutOfRangeAreNotEncoded() {
        assertThat(IggyHeaderMapper.encode(new Object())).isNull();
        assertThat(IggyHeaderMapper.encode('c')).isNull();
        assertThat(IggyHeaderMapper.encode(UUID.randomUUID())).isNull();
        assertThat(IggyHeaderMapper.encode(TWO_POW_127)).isNull();
        assertThat(IggyHeaderMapper.encode(TWO_POW_127.negate().subtract(BigInteger.ONE)))
                .isNull();
        assertThat(IggyHeaderMapper.encode(TWO_POW_128)).isNull();
        assertThat(IggyHeaderMapper.encode("")).isNull();
        assertThat(IggyHeaderMapper.encode(new byte[0])).isNull();
    }

    @Test
    void messageHeadersRoundTripWithTheirTypes() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("text", "héllo");
        headers.put("flag", true);
        headers.put("tiny", (byte) 7);
        headers.put("small", (short) -7);
        headers.put("count", 42);
        headers.put("total", -42L);
        headers.put("huge", TWO_POW_127.negate());
        headers.put("ratio", 0.25f);
        headers.put("precise", Math.PI);
        Message out = message(headers);
        out.setHeader("blob", new byte[] {0, (byte) 0xff});

        Map<String, IggyHeaderValue> iggy = mapper(IggyHeaderPolicy.fail).toIggy(out, out.getExchange());
        Message in = message(Map.of());
        mapper(IggyHeaderPolicy.fail).fromIggy(iggy, in, in.getExchange());

        assertThat(iggy).hasSize(10);
        headers.forEach((key, value) -> assertThat(in.getHeader(key)).as(key).isEqualTo(value));
        assertThat(in.getHeader("blob", byte[].class)).containsExactly(0, 0xff);
    }

    @Test
    void aPolledUserHeaderNeverReplacesAHeaderTheMessageAlreadyHas() {
        Message message = message(Map.of("Device", "set by the component"));
        IggyHeaderMapper noFilter = new IggyHeaderMapper(null, IggyHeaderPolicy.fail);

        noFilter.fromIggy(
                Map.of("device", string("from the message"), "other", string("o")), message, message.getExchange());

        assertThat(message.getHeader("device")).isEqualTo("set by the component");
        assertThat(message.getHeader("other")).isEqualTo("o");
    }

    // --- the filter strategy

    @Test
    void camelHeadersAreNotSentWhateverTheirCase() {
        Message message = message(Map.of(
                "CamelFileName",
                new Object(), // would fail the policy if it were not filtered first
                "camelHttpPath",
                "/x",
                "CAMELHTTPURI",
                "http://elsewhere",
                "org.apache.camel.Internal",
                "x",
                "ORG.APACHE.CAMEL.Other",
                "x",
                IggyConstants.PARTITION_KEY,
                "k",
                "device",
                "d-1"));

        Map<String, IggyHeaderValue> iggy = mapper(IggyHeaderPolicy.fail).toIggy(message, message.getExchange());

        assertThat(iggy).containsOnlyKeys("device");
    }

    @Test
    void polledCamelHeadersDoNotReachTheExchangeWhateverTheirCase() {
        Map<String, IggyHeaderValue> polled = new LinkedHashMap<>();
        polled.put("CamelHttpUri", string("http://attacker.example/"));
        polled.put("camelFileName", string("/etc/passwd"));
        polled.put("CAMELTOENDPOINT", string("log:x"));
        polled.put("org.apache.camel.Whatever", string("x"));
        polled.put("device", string("d-1"));
        Message message = message(Map.of());

        mapper(IggyHeaderPolicy.fail).fromIggy(polled, message, message.getExchange());

        assertThat(message.getHeaders()).containsOnlyKeys("device");
    }

    @Test
    void aConsumedExchangeGetsNoCamelHeaderFromTheMessage() {
        IggyEndpoint endpoint = context.getEndpoint("iggy:orders/created", IggyEndpoint.class);
        Map<String, IggyHeaderValue> polled = new LinkedHashMap<>();
        polled.put("CamelHttpUri", string("http://attacker.example/"));
        polled.put(IggyConstants.PARTITION_ID, string("99"));
        polled.put("device", string("d-1"));
        InboundMessage message = new InboundMessage(
                7,
                1_700_000_000_000_000L,
                0,
                new IggyMessageId(0, 5),
                0,
                "hi".getBytes(StandardCharsets.UTF_8),
                polled);
        Exchange exchange = new DefaultExchange(context);

        new IggyInboundConverter(endpoint).fill(exchange, message, 3);

        Message in = exchange.getMessage();
        assertThat(in.getHeaders()).doesNotContainKey("CamelHttpUri");
        assertThat(in.getHeader(IggyConstants.PARTITION_ID)).isEqualTo(3L);
        assertThat(in.getHeader(IggyConstants.OFFSET)).isEqualTo(7L);
        assertThat(in.getHeader("device")).isEqualTo("d-1");
        assertThat(in.getBody(String.class)).isEqualTo("hi");
    }

    @Test
    void withoutAFilterEveryHeaderIsMapped() {
        Message message = message(Map.of("CamelSomething", "x"));

        assertThat(new IggyHeaderMapper(null, IggyHeaderPolicy.fail).toIggy(message, message.getExchange()))
                .containsOnlyKeys("CamelSomething");
    }

    @Test
    void nullHeadersAreLeftOut() {
        Message message = message(Map.of("device", "d-1"));
        message.setHeader("maybe", null);

        assertThat(mapper(IggyHeaderPolicy.fail).toIggy(message, message.getExchange()))
                .containsOnlyKeys("device");
    }

    // --- policies

    @Test
    void failNamesTheHeaderAndItsType() {
        Message message = message(Map.of("when", new Date(0), "device", "d-1"));

        assertThatThrownBy(() -> mapper(IggyHeaderPolicy.fail).toIggy(message, message.getExchange()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header when")
                .hasMessageContaining("java.util.Date")
                .hasMessageContaining("headerPolicy=skip");
    }

    @Test
    void failNamesAValueOverTheLimit() {
        Message message = message(Map.of("note", "a".repeat(256)));

        assertThatThrownBy(() -> mapper(IggyHeaderPolicy.fail).toIggy(message, message.getExchange()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header note")
                .hasMessageContaining("256 bytes");
    }

    @Test
    void failRefusesAnEmptyString() {
        Message message = message(Map.of("note", ""));

        assertThatThrownBy(() -> mapper(IggyHeaderPolicy.fail).toIggy(message, message.getExchange()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header note")
                .hasMessageContaining("0 bytes");
    }

    @Test
    void failRefusesABigIntegerOver128Bits() {
        Message message = message(Map.of("huge", TWO_POW_128));

        assertThatThrownBy(() -> mapper(IggyHeaderPolicy.fail).toIggy(message, message.getExchange()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header huge")
                .hasMessageContaining("128 bits");
    }

    @Test
    void skipDropsWhatCannotBeSentAndKeepsTheRest() {
        Message message =
                message(Map.of("when", new Date(0), "note", "a".repeat(256), "k".repeat(256), "v", "device", "d-1"));

        Map<String, IggyHeaderValue> iggy = mapper(IggyHeaderPolicy.skip).toIggy(message, message.getExchange());

        assertThat(iggy).containsOnlyKeys("device");
    }

    @Test
    void asStringSendsTheStringForm() {
        UUID id = UUID.randomUUID();
        Date when = new Date(0);
        BigInteger huge = BigInteger.TWO.pow(200);
        Message message = message(Map.of("id", id, "when", when, "huge", huge, "initial", 'c', "count", 3));

        Map<String, IggyHeaderValue> iggy = mapper(IggyHeaderPolicy.asString).toIggy(message, message.getExchange());

        assertThat(iggy.get("id")).isEqualTo(string(id.toString()));
        assertThat(iggy.get("when")).isEqualTo(string(when.toString()));
        assertThat(iggy.get("huge")).isEqualTo(string(huge.toString()));
        assertThat(iggy.get("initial")).isEqualTo(string("c"));
        assertThat(iggy.get("count").kind()).as("a typed value keeps its kind").isEqualTo(IggyHeaderKind.INT32);
    }

    /** IggyHeaderPolicy.asString: "Send the value's string form (as a String header, if it fits)". */
    @Test
    void asStringLeavesOutAValueWhoseStringFormDoesNotFit() {
        Message message = message(Map.of("note", "a".repeat(300), "device", "d-1"));

        Map<String, IggyHeaderValue> iggy = mapper(IggyHeaderPolicy.asString).toIggy(message, message.getExchange());

        assertThat(iggy).containsOnlyKeys("device");
    }

    /** A string form cannot help a key over the limit: with asString, as with fail, the exchange fails. */
    @Test
    void asStringStillFailsOnAKeyOverTheLimit() {
        String key = "k".repeat(256);
        Message message = message(Map.of(key, "v"));

        assertThatThrownBy(() -> mapper(IggyHeaderPolicy.asString).toIggy(message, message.getExchange()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header " + key)
                .hasMessageContaining("its name takes 256 bytes");
    }

    // --- limits

    @Test
    void keysTakeUpTo255Bytes() {
        assertThatCode(() -> map("k".repeat(255), "v")).doesNotThrowAnyException();
        assertThatCode(() -> map("é".repeat(127) + "k", "v")).doesNotThrowAnyException();
        assertThatThrownBy(() -> map("k".repeat(256), "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bytes");
        // 128 characters, 256 bytes in UTF-8
        assertThatThrownBy(() -> map("é".repeat(128), "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bytes");
    }

    @Test
    void stringAndRawValuesTakeUpTo255Bytes() {
        assertThat(map("note", "€".repeat(85)).get("note").value()).hasSize(255);
        assertThatThrownBy(() -> map("note", "€".repeat(86)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("258 bytes");
        assertThat(map("blob", new byte[255]).get("blob").value()).hasSize(255);
        assertThatThrownBy(() -> map("blob", new byte[256]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header blob")
                .hasMessageContaining("256 bytes");
    }

    // --- helpers

    private Map<String, IggyHeaderValue> map(String key, Object value) {
        Message message = message(Map.of(key, value));
        return mapper(IggyHeaderPolicy.fail).toIggy(message, message.getExchange());
    }

    private Message message(Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().getHeaders().putAll(headers);
        return exchange.getMessage();
    }

    private static IggyHeaderMapper mapper(IggyHeaderPolicy policy) {
        return new IggyHeaderMapper(new IggyHeaderFilterStrategy(), policy);
    }

    private static IggyHeaderValue string(String text) {
        return new IggyHeaderValue(IggyHeaderKind.STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Two's complement in 16 bytes, least significant first, computed arithmetically. */
    private static byte[] twosComplementLittleEndian(BigInteger value) {
        BigInteger unsigned = value.mod(TWO_POW_128);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) unsigned.shiftRight(8 * i).intValue();
        }
        return bytes;
    }
}
