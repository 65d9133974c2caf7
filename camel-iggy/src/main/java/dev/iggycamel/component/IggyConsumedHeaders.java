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

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * The component's headers of one consumed message, as a map sorted the way Camel's headers are (case-insensitively):
 * Camel's case-insensitive headers map copies a sorted map of the same order without comparing a single key, where
 * setting the headers one by one would insert each into a tree. The keys are fixed per endpoint; the values are
 * set for each message. Not thread-safe: one per poll task, filled and copied on that task's thread.
 */
final class IggyConsumedHeaders extends AbstractMap<String, Object> implements SortedMap<String, Object> {

    private final String[] keys;
    private final Object[] values;
    private final int stream;
    private final int topic;
    private final int partition;
    private final int offset;
    private final int messageId;
    private final int timestamp;
    private final int originTimestamp;
    private final Set<Map.Entry<String, Object>> entries = new Entries();

    IggyConsumedHeaders(String streamName, String topicName, String consumerGroup) {
        List<String> names = new ArrayList<>(List.of(
                IggyConstants.STREAM,
                IggyConstants.TOPIC,
                IggyConstants.PARTITION_ID,
                IggyConstants.OFFSET,
                IggyConstants.MESSAGE_ID,
                IggyConstants.TIMESTAMP,
                IggyConstants.ORIGIN_TIMESTAMP));
        if (consumerGroup != null) {
            names.add(IggyConstants.CONSUMER_GROUP);
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        this.keys = names.toArray(String[]::new);
        this.values = new Object[keys.length];
        this.stream = indexOf(IggyConstants.STREAM);
        this.topic = indexOf(IggyConstants.TOPIC);
        this.partition = indexOf(IggyConstants.PARTITION_ID);
        this.offset = indexOf(IggyConstants.OFFSET);
        this.messageId = indexOf(IggyConstants.MESSAGE_ID);
        this.timestamp = indexOf(IggyConstants.TIMESTAMP);
        this.originTimestamp = indexOf(IggyConstants.ORIGIN_TIMESTAMP);
        values[stream] = streamName;
        values[topic] = topicName;
        if (consumerGroup != null) {
            values[indexOf(IggyConstants.CONSUMER_GROUP)] = consumerGroup;
        }
    }

    private int indexOf(String key) {
        return Arrays.asList(keys).indexOf(key);
    }

    /** Sets the values of one message. */
    IggyConsumedHeaders of(long partitionId, long messageOffset, Object id, long serverTimestamp, long origin) {
        values[partition] = partitionId;
        values[offset] = messageOffset;
        values[messageId] = id;
        values[timestamp] = serverTimestamp;
        values[originTimestamp] = origin;
        return this;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return entries;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Comparator<? super String> comparator() {
        return String.CASE_INSENSITIVE_ORDER;
    }

    @Override
    public String firstKey() {
        return keys[0];
    }

    @Override
    public String lastKey() {
        return keys[keys.length - 1];
    }

    @Override
    public SortedMap<String, Object> subMap(String fromKey, String toKey) {
        throw new UnsupportedOperationException("a view to be copied");
    }

    @Override
    public SortedMap<String, Object> headMap(String toKey) {
        throw new UnsupportedOperationException("a view to be copied");
    }

    @Override
    public SortedMap<String, Object> tailMap(String fromKey) {
        throw new UnsupportedOperationException("a view to be copied");
    }

    private final class Entries extends AbstractSet<Map.Entry<String, Object>> {

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < keys.length;
                }

                @Override
                public Map.Entry<String, Object> next() {
                    if (next >= keys.length) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new SimpleImmutableEntry<>(keys[i], values[i]);
                }
            };
        }

        @Override
        public int size() {
            return keys.length;
        }
    }
}
