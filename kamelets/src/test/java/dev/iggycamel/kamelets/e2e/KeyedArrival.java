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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;

/**
 * What a keyed transport promises, in Iggy or in Kafka: every message arrived once and intact, and its key chose the
 * partition, so all messages of a key are on one partition, in the order they were sent.
 */
final class KeyedArrival {

    private KeyedArrival() {}

    /** A message as sent: its key and what it says. */
    record Sent(String key, String text) {}

    /** A message as it arrived: its key, its partition, and what it says. */
    record Arrived(String key, int partition, String text) {}

    /** The messages of each Iggy partition, in order, with the key from a header and the text the function reads. */
    static List<Arrived> inIggy(List<List<Message>> partitions, String keyHeader, Function<Message, String> text) {
        List<Arrived> arrived = new ArrayList<>();
        for (int partition = 0; partition < partitions.size(); partition++) {
            for (Message message : partitions.get(partition)) {
                HeaderValue key = message.userHeaders().get(HeaderKey.fromString(keyHeader));
                assertThat(key)
                        .as("header %s of a message on partition %d", keyHeader, partition)
                        .isNotNull();
                arrived.add(new Arrived(key.asString(), partition, text.apply(message)));
            }
        }
        return arrived;
    }

    /** The payload as UTF-8 text. */
    static String payload(Message message) {
        return new String(message.payload(), StandardCharsets.UTF_8);
    }

    /**
     * Asserts that what arrived is exactly what was sent (in any order across keys), each key on one partition and in
     * the order it was sent; returns the partition of each key.
     */
    static Map<String, Integer> assertKeyedInOrder(List<Arrived> arrived, List<Sent> sent) {
        assertThat(arrived)
                .extracting(Arrived::text)
                .containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(Sent::text).toList());
        Map<String, Integer> partitionOfKey = new HashMap<>();
        Map<String, List<String>> arrivedOfKey = new LinkedHashMap<>();
        for (Arrived message : arrived) {
            assertThat(partitionOfKey.computeIfAbsent(message.key(), k -> message.partition()))
                    .as("partition of key %s", message.key())
                    .isEqualTo(message.partition());
            arrivedOfKey.computeIfAbsent(message.key(), k -> new ArrayList<>()).add(message.text());
        }
        Map<String, List<String>> sentOfKey = new LinkedHashMap<>();
        sent.forEach(message ->
                sentOfKey.computeIfAbsent(message.key(), k -> new ArrayList<>()).add(message.text()));
        assertThat(arrivedOfKey.keySet()).as("keys").containsExactlyInAnyOrderElementsOf(sentOfKey.keySet());
        sentOfKey.forEach((key, texts) -> assertThat(arrivedOfKey.get(key))
                .as("messages of key %s, in the order they were sent", key)
                .containsExactlyElementsOf(texts));
        return partitionOfKey;
    }
}
