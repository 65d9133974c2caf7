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
package dev.iggycamel.embedded.broker;

import java.util.TreeMap;

/** A stream and its topics. Guarded by the broker's metadata lock. */
final class StreamState {

    final int id;
    final long createdAt;
    String name;
    final TreeMap<Integer, TopicState> topics = new TreeMap<>();
    final SlabIds topicIds = new SlabIds();

    StreamState(int id, String name, long createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    TopicState topicNamed(String topicName) {
        for (TopicState topic : topics.values()) {
            if (topic.name.equals(topicName)) {
                return topic;
            }
        }
        return null;
    }

    long sizeBytes() {
        long size = 0;
        for (TopicState topic : topics.values()) {
            size += topic.sizeBytes();
        }
        return size;
    }

    long messagesCount() {
        long count = 0;
        for (TopicState topic : topics.values()) {
            count += topic.messagesCount();
        }
        return count;
    }
}
