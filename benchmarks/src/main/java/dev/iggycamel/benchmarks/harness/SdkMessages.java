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
package dev.iggycamel.benchmarks.harness;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.MessageHeader;
import org.apache.iggy.message.MessageId;

/** The payloads as Iggy SDK messages (no user headers, server-assigned ids), built once and reused. */
final class SdkMessages {

    private SdkMessages() {}

    static List<Message> of(Payloads payloads) {
        List<Message> messages = new ArrayList<>(Payloads.BATCH);
        for (byte[] payload : payloads.batch()) {
            messages.add(of(payload));
        }
        return Collections.unmodifiableList(messages);
    }

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
        return new Message(header, payload, Collections.emptyMap());
    }
}
