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

import dev.iggycamel.component.transport.IggyHeaderValue;
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;

/**
 * Turns an exchange into the messages to send and the partitioning to send them with: binary-safe bodies, typed
 * user headers, message id and origin timestamp from headers, a {@code List}/{@code Iterable} body as one batch.
 */
final class IggyOutboundConverter {

    private final IggyConfiguration configuration;
    private final IggyHeaderMapper headerMapper;
    private final Expression partitionKey;

    IggyOutboundConverter(IggyEndpoint endpoint) {
        this.configuration = endpoint.getConfiguration();
        this.headerMapper = new IggyHeaderMapper(endpoint.getHeaderFilterStrategy(), configuration.getHeaderPolicy());
        String key = configuration.getPartitionKey();
        this.partitionKey = key == null
                ? null
                : key.contains("${")
                        ? endpoint.getCamelContext().resolveLanguage("simple").createExpression(key)
                        : null;
    }

    /** The exchange's partitioning: the headers first, then the endpoint's options. */
    OutboundPartitioning partitioning(Exchange exchange) throws NoTypeConversionAvailableException {
        Message in = exchange.getMessage();
        Object partition = in.getHeader(IggyConstants.PARTITION_ID);
        if (partition != null) {
            Long id = exchange.getContext().getTypeConverter().tryConvertTo(Long.class, exchange, partition);
            return partitionId(id, partition, IggyConstants.PARTITION_ID + " header");
        }
        Object key = in.getHeader(IggyConstants.PARTITION_KEY);
        if (key != null) {
            return messagesKey(key, exchange, IggyConstants.PARTITION_KEY + " header");
        }
        if (configuration.getPartitionId() != null) {
            return OutboundPartitioning.partitionId(configuration.getPartitionId());
        }
        if (configuration.getPartitionKey() != null) {
            Object value = partitionKey != null
                    ? partitionKey.evaluate(exchange, Object.class)
                    : configuration.getPartitionKey();
            if (value == null) {
                throw new IllegalArgumentException("The partitionKey option " + configuration.getPartitionKey()
                        + " evaluated to null for exchange " + exchange.getExchangeId());
            }
            return messagesKey(value, exchange, "partitionKey option");
        }
        return OutboundPartitioning.balanced();
    }

    /** The messages the exchange carries: one per element of a List/Iterable body, else one. */
    List<OutboundMessage> messages(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body == null) {
            // the id is created on first use; the exception's message shows it only if it exists
            exchange.getExchangeId();
            throw new InvalidPayloadException(exchange, byte[].class, in);
        }
        long origin = originTimestamp(exchange, in);
        if (isBatch(body)) {
            Map<String, IggyHeaderValue> shared = null;
            List<OutboundMessage> messages = new ArrayList<>(body instanceof Collection<?> c ? c.size() : 16);
            Iterator<?> elements = body instanceof Iterable<?> iterable ? iterable.iterator() : (Iterator<?>) body;
            while (elements.hasNext()) {
                Object element = elements.next();
                if (element instanceof Exchange child) {
                    element = child.getMessage();
                }
                if (element instanceof Message message) {
                    messages.add(new OutboundMessage(
                            payload(exchange, message.getBody()),
                            headerMapper.toIggy(message, exchange),
                            messageId(exchange, message),
                            originTimestamp(exchange, message)));
                } else {
                    if (shared == null) {
                        shared = headerMapper.toIggy(in, exchange);
                    }
                    messages.add(new OutboundMessage(payload(exchange, element), shared, null, origin));
                }
            }
            if (messages.isEmpty()) {
                throw new IllegalArgumentException(
                        "The exchange's " + body.getClass().getSimpleName() + " body holds no messages to send");
            }
            return messages;
        }
        return List.of(new OutboundMessage(
                payload(exchange, body), headerMapper.toIggy(in, exchange), messageId(exchange, in), origin));
    }

    private static boolean isBatch(Object body) {
        return (body instanceof Iterable<?> || body instanceof Iterator<?>) && !(body instanceof Message);
    }

    /** Binary-safe: bytes as they are, Strings in UTF-8, streams read whole, anything else by type conversion. */
    static byte[] payload(Exchange exchange, Object body) throws Exception {
        if (body == null) {
            throw new IllegalArgumentException(
                    "A message to send to Iggy has a null body, in exchange " + exchange.getExchangeId());
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        }
        if (body instanceof InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IOException("Cannot read the exchange's stream body to send it to Iggy", e);
            }
        }
        byte[] converted = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
        if (converted != null) {
            return converted;
        }
        // numbers and the like have no byte[] converter, only a String one
        String text = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, body);
        // Camel's last resort is toString(): Object's own (Type@hash) is no payload, only a lost message
        if (text != null && !text.equals(body.getClass().getName() + "@" + Integer.toHexString(body.hashCode()))) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new NoTypeConversionAvailableException(body, byte[].class);
    }

    private static IggyMessageId messageId(Exchange exchange, Message message) {
        Object id = message.getHeader(IggyConstants.MESSAGE_ID);
        if (id == null) {
            return null;
        }
        try {
            if (id instanceof UUID uuid) {
                return IggyMessageId.of(uuid);
            }
            if (id instanceof BigInteger number) {
                return IggyMessageId.of(number);
            }
            if (id instanceof Long || id instanceof Integer) {
                return IggyMessageId.of(BigInteger.valueOf(((Number) id).longValue()));
            }
            String text = id.toString().trim();
            return text.indexOf('-') > 0
                    ? IggyMessageId.of(UUID.fromString(text))
                    : IggyMessageId.of(new BigInteger(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "The " + IggyConstants.MESSAGE_ID + " header of exchange " + exchange.getExchangeId()
                            + " is not a UUID or a 128-bit number: " + id,
                    e);
        }
    }

    private static long originTimestamp(Exchange exchange, Message message) {
        Object value = message.getHeader(IggyConstants.ORIGIN_TIMESTAMP);
        if (value == null) {
            return System.currentTimeMillis() * 1000;
        }
        Long micros = exchange.getContext().getTypeConverter().tryConvertTo(Long.class, exchange, value);
        if (micros == null || micros < 0) {
            // the wire has an unsigned 64-bit number: a negative one would arrive as a date in the far future
            throw new IllegalArgumentException("The " + IggyConstants.ORIGIN_TIMESTAMP + " header of exchange "
                    + exchange.getExchangeId() + " must be microseconds since the epoch (0 or more), got " + value);
        }
        return micros;
    }

    private static OutboundPartitioning partitionId(Long id, Object value, String source) {
        if (id == null || id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("The " + source + " must be a partition number, got " + value);
        }
        return OutboundPartitioning.partitionId(id);
    }

    private static OutboundPartitioning messagesKey(Object key, Exchange exchange, String source)
            throws NoTypeConversionAvailableException {
        byte[] bytes = key instanceof byte[] raw
                ? raw
                : exchange.getContext()
                        .getTypeConverter()
                        .mandatoryConvertTo(String.class, exchange, key)
                        .getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > 255) {
            throw new IllegalArgumentException(
                    "The " + source + " must be a messages key of 1-255 bytes, got " + bytes.length + " bytes");
        }
        return OutboundPartitioning.messagesKey(bytes);
    }
}
