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

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;

/**
 * Telemetry of seven devices, as the messaging tests send it: message i is {@code {"device":"<key>","n":i}}, its key
 * the device, the key prefix followed by i % 7 ("d-0" to "d-6" unless the test needs unique keys).
 */
final class DeviceMessages {

    static final int KEYS = 7;

    private final String keyPrefix;

    DeviceMessages(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    String key(int i) {
        return keyPrefix + (i % KEYS);
    }

    String body(int i) {
        return "{\"device\":\"" + key(i) + "\",\"n\":" + i + "}";
    }

    /** The bodies of messages {@code from} (inclusive) to {@code to} (exclusive), in order. */
    List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(this::body).toList();
    }

    /** The bodies of the key among the first {@code count} messages, in order. */
    List<String> bodiesOfKey(String key, int count) {
        return IntStream.range(0, count)
                .filter(i -> key(i).equals(key))
                .mapToObj(this::body)
                .toList();
    }

    /** The first {@code count} messages as sent, for {@link KeyedArrival#assertKeyedInOrder}. */
    List<KeyedArrival.Sent> sent(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new KeyedArrival.Sent(key(i), body(i)))
                .toList();
    }

    /** Iggy messages with a {@code key} header, as a keyed producer would write them. */
    List<Message> keyed(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(body(i), Map.of(HeaderKey.fromString("key"), HeaderValue.fromString(key(i)))))
                .toList();
    }

    /** Iggy messages without headers. */
    List<Message> unkeyed(int from, int to) {
        return bodies(from, to).stream().map(Message::of).toList();
    }
}
