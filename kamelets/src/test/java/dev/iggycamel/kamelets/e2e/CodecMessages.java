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

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.MessageHeader;
import org.apache.iggy.message.MessageId;

/** Iggy messages with exact payload bytes (the SDK's Message.of(String) encodes with the platform charset). */
final class CodecMessages {

    private CodecMessages() {}

    static Message of(byte[] payload) {
        MessageHeader header = new MessageHeader(
                BigInteger.ZERO,
                MessageId.serverGenerated(),
                BigInteger.ZERO,
                BigInteger.ZERO,
                BigInteger.ZERO,
                0L,
                (long) payload.length,
                BigInteger.ZERO);
        return new Message(header, payload, Map.of());
    }

    static Message utf8(String payload) {
        return of(payload.getBytes(StandardCharsets.UTF_8));
    }

    static List<Message> utf8(List<String> payloads) {
        return payloads.stream().map(CodecMessages::utf8).toList();
    }

    static String text(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }
}
