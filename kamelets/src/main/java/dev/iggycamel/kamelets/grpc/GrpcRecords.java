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
package dev.iggycamel.kamelets.grpc;

import com.google.protobuf.ByteString;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns Camel messages into {@link Record}s of the generic {@code Records} gRPC service and back, for the grpc-sink
 * and grpc-source Kamelets: the body is the payload, the header {@code key} the key, and the other string, number and
 * boolean headers (not Camel's own) the record's headers.
 */
public class GrpcRecords {

    /** The message as a Record (grpc-sink). */
    public Record toRecord(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] payload = message.getBody(byte[].class);
        Record.Builder record =
                Record.newBuilder().setPayload(ByteString.copyFrom(payload == null ? new byte[0] : payload));
        Object key = message.getHeader("key");
        if (key == null) {
            key = message.getHeader("ce-key");
        }
        if (key != null) {
            record.setKey(key.toString());
        }
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            Object value = header.getValue();
            if (!isCamels(header.getKey())
                    && !header.getKey().equals("key")
                    && (value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                record.putHeaders(header.getKey(), value.toString());
            }
        }
        return record.build();
    }

    /** The Record body of a call as the message (grpc-source): payload as body, key and headers as headers. */
    public void fromRecord(Exchange exchange) {
        Message message = exchange.getMessage();
        Record record = message.getBody(Record.class);
        record.getHeadersMap().forEach((name, value) -> {
            if (!isCamels(name)) {
                message.setHeader(name, value);
            }
        });
        if (!record.getKey().isEmpty()) {
            message.setHeader("key", record.getKey());
        }
        message.setBody(record.getPayload().toByteArray());
    }

    /** The answer to a Send call. */
    public Ack ack() {
        return Ack.getDefaultInstance();
    }

    private static boolean isCamels(String header) {
        String name = header.toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("camel") || name.startsWith("org.apache.camel.");
    }
}
