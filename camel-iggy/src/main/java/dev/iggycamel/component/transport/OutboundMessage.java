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
package dev.iggycamel.component.transport;

import java.util.Map;

/**
 * A message to send.
 *
 * @param payload the payload bytes
 * @param headers user headers by key, in the order to send them (may be empty)
 * @param id the 128-bit message id, or null to let the server assign a random UUID
 * @param originTimestamp the origin timestamp in microseconds since the epoch, 0 for none
 */
public record OutboundMessage(
        byte[] payload, Map<String, IggyHeaderValue> headers, IggyMessageId id, long originTimestamp) {

    /** Bytes this message takes in a send frame: 64-byte header, payload, user headers, 16-byte index entry. */
    public int frameSize() {
        int size = 64 + 16 + payload.length;
        for (Map.Entry<String, IggyHeaderValue> header : headers.entrySet()) {
            size += 1
                    + 4
                    + header.getKey().length() * 3
                    + 1
                    + 4
                    + header.getValue().value().length;
        }
        return size;
    }
}
