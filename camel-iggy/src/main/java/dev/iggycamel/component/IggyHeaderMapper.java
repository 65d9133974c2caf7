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

import dev.iggycamel.component.transport.IggyHeaderKind;
import dev.iggycamel.component.transport.IggyHeaderValue;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel headers to typed Iggy user headers and back. Java types map to Iggy kinds one to one: String, Boolean,
 * Byte (int8), Short (int16), Integer (int32), Long (int64), BigInteger (int128), Float (float32), Double (float64),
 * byte[] (raw). Polled unsigned kinds come back widened: uint8 as Short, uint16 as Integer, uint32 as Long, uint64 and
 * uint128 as BigInteger. Keys and String/raw values take 1 to 255 bytes, the Iggy SDKs' limit.
 */
public final class IggyHeaderMapper {

    /** The Iggy SDKs' limit for a header key and for a String or raw value. */
    public static final int MAX_FIELD_BYTES = 255;

    private static final Logger LOG = LoggerFactory.getLogger(IggyHeaderMapper.class);

    private final HeaderFilterStrategy filter;
    private final IggyHeaderPolicy policy;

    public IggyHeaderMapper(HeaderFilterStrategy filter, IggyHeaderPolicy policy) {
        this.filter = filter;
        this.policy = policy;
    }

    /**
     * The message's headers that pass the filter, as Iggy user headers.
     *
     * @throws IllegalArgumentException naming the header, when one cannot be sent and the policy is {@code fail}
     */
    public Map<String, IggyHeaderValue> toIggy(Message message, Exchange exchange) {
        Map<String, Object> headers = message.getHeaders();
        if (headers.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, IggyHeaderValue> mapped = new LinkedHashMap<>();
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String key = header.getKey();
            Object value = header.getValue();
            if (value == null || (filter != null && filter.applyFilterToCamelHeaders(key, value, exchange))) {
                continue;
            }
            int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
            if (keyBytes == 0 || keyBytes > MAX_FIELD_BYTES) {
                // no string form helps here: only skip lets the message go without it
                refuse(key, "its name takes " + keyBytes + " bytes, Iggy header keys take 1-" + MAX_FIELD_BYTES, false);
                continue;
            }
            IggyHeaderValue typed = encode(value);
            if (typed == null && policy == IggyHeaderPolicy.asString) {
                typed = stringValue(String.valueOf(value));
            }
            if (typed == null) {
                refuse(key, describeProblem(value), true);
                continue;
            }
            mapped.put(key, typed);
        }
        return mapped;
    }

    /**
     * Sets the user headers that pass the filter on the message, with the Java types their kinds map to; a header
     * the message already has (such as the component's own) is kept.
     */
    public void fromIggy(Map<String, IggyHeaderValue> headers, Message message, Exchange exchange) {
        for (Map.Entry<String, IggyHeaderValue> header : headers.entrySet()) {
            Object value = decode(header.getValue());
            boolean allowed = filter == null || !filter.applyFilterToExternalHeaders(header.getKey(), value, exchange);
            if (allowed && message.getHeader(header.getKey()) == null) {
                message.setHeader(header.getKey(), value);
            }
        }
    }

    /** The Iggy header for a Java value, or null when its type has no Iggy kind or it does not fit. */
    public static IggyHeaderValue encode(Object value) {
        if (value instanceof String text) {
            return stringValue(text);
        }
        if (value instanceof Boolean bool) {
            return new IggyHeaderValue(IggyHeaderKind.BOOL, new byte[] {(byte) (bool ? 1 : 0)});
        }
        if (value instanceof Byte number) {
            return new IggyHeaderValue(IggyHeaderKind.INT8, new byte[] {number});
        }
        if (value instanceof Short number) {
            return new IggyHeaderValue(
                    IggyHeaderKind.INT16, le(2).putShort(number).array());
        }
        if (value instanceof Integer number) {
            return new IggyHeaderValue(
                    IggyHeaderKind.INT32, le(4).putInt(number).array());
        }
        if (value instanceof Long number) {
            return new IggyHeaderValue(
                    IggyHeaderKind.INT64, le(8).putLong(number).array());
        }
        if (value instanceof Float number) {
            return new IggyHeaderValue(
                    IggyHeaderKind.FLOAT32, le(4).putFloat(number).array());
        }
        if (value instanceof Double number) {
            return new IggyHeaderValue(
                    IggyHeaderKind.FLOAT64, le(8).putDouble(number).array());
        }
        if (value instanceof BigInteger number && number.bitLength() < 128) {
            return new IggyHeaderValue(IggyHeaderKind.INT128, littleEndian(number, 16));
        }
        if (value instanceof byte[] bytes && bytes.length > 0 && bytes.length <= MAX_FIELD_BYTES) {
            return new IggyHeaderValue(IggyHeaderKind.RAW, bytes.clone());
        }
        return null;
    }

    /** The Java value of an Iggy header; a value whose size does not fit its kind comes back as byte[]. */
    public static Object decode(IggyHeaderValue header) {
        byte[] bytes = header.value();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        IggyHeaderKind kind = header.kind();
        if (kind == null) {
            return bytes;
        }
        return switch (kind) {
            case STRING -> new String(bytes, StandardCharsets.UTF_8);
            case BOOL -> bytes.length == 1 ? bytes[0] != 0 : bytes;
            case INT8 -> bytes.length == 1 ? bytes[0] : bytes;
            case INT16 -> bytes.length == 2 ? buffer.getShort() : bytes;
            case INT32 -> bytes.length == 4 ? buffer.getInt() : bytes;
            case INT64 -> bytes.length == 8 ? buffer.getLong() : bytes;
            case INT128 -> bytes.length == 16 ? signed(bytes) : bytes;
            case UINT8 -> bytes.length == 1 ? (short) (bytes[0] & 0xFF) : bytes;
            case UINT16 -> bytes.length == 2 ? buffer.getShort() & 0xFFFF : bytes;
            case UINT32 -> bytes.length == 4 ? buffer.getInt() & 0xFFFF_FFFFL : bytes;
            case UINT64 -> bytes.length == 8 ? unsigned(bytes) : bytes;
            case UINT128 -> bytes.length == 16 ? unsigned(bytes) : bytes;
            case FLOAT32 -> bytes.length == 4 ? buffer.getFloat() : bytes;
            case FLOAT64 -> bytes.length == 8 ? buffer.getDouble() : bytes;
            case RAW -> bytes;
        };
    }

    private void refuse(String key, String problem, boolean stringFormTried) {
        if (policy == IggyHeaderPolicy.fail || (policy == IggyHeaderPolicy.asString && !stringFormTried)) {
            throw new IllegalArgumentException("Cannot send header " + key + " to Iggy: " + problem
                    + ". Set headerPolicy=skip (or asString) to send the message without it, or remove the header");
        }
        LOG.debug("Not sending header {} to Iggy: {}", key, problem);
    }

    private static String describeProblem(Object value) {
        if (value instanceof String || value instanceof byte[]) {
            int length = value instanceof String text
                    ? text.getBytes(StandardCharsets.UTF_8).length
                    : ((byte[]) value).length;
            return "its value takes " + length + " bytes, Iggy header values take 1-" + MAX_FIELD_BYTES;
        }
        if (value instanceof BigInteger) {
            return "its value does not fit 128 bits";
        }
        return "a " + value.getClass().getName() + " has no Iggy header kind (String, Boolean, Byte, Short, Integer,"
                + " Long, BigInteger, Float, Double and byte[] have)";
    }

    private static IggyHeaderValue stringValue(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length == 0 || bytes.length > MAX_FIELD_BYTES
                ? null
                : new IggyHeaderValue(IggyHeaderKind.STRING, bytes);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Two's complement, little-endian, sign-extended to {@code size} bytes. */
    private static byte[] littleEndian(BigInteger number, int size) {
        byte[] bigEndian = number.toByteArray();
        byte[] result = new byte[size];
        byte fill = (byte) (number.signum() < 0 ? 0xFF : 0);
        for (int i = 0; i < size; i++) {
            int source = bigEndian.length - 1 - i;
            result[i] = source >= 0 ? bigEndian[source] : fill;
        }
        return result;
    }

    private static BigInteger signed(byte[] littleEndian) {
        return new BigInteger(reversed(littleEndian));
    }

    private static BigInteger unsigned(byte[] littleEndian) {
        return new BigInteger(1, reversed(littleEndian));
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] copy = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            copy[i] = bytes[bytes.length - 1 - i];
        }
        return copy;
    }
}
