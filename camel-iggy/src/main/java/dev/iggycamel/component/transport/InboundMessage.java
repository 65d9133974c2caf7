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
 * A polled message.
 *
 * @param offset its offset in the partition
 * @param timestamp when the server stored it, microseconds since the epoch
 * @param originTimestamp the producer's timestamp, microseconds since the epoch (0 if none)
 * @param id its 128-bit id
 * @param checksum the server's checksum of the message
 * @param payload the payload bytes
 * @param headers its user headers, in wire order
 */
public record InboundMessage(
        long offset,
        long timestamp,
        long originTimestamp,
        IggyMessageId id,
        long checksum,
        byte[] payload,
        Map<String, IggyHeaderValue> headers) {}
