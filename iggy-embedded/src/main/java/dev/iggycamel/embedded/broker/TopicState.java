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

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A topic: its settings, partitions (ids 0..n-1) and consumer groups. Guarded by the broker's metadata lock. */
final class TopicState {

    final StreamState stream;
    final int id;
    final long createdAt;
    String name;
    int compression;
    long messageExpiry;
    long maxTopicSize;
    int replicationFactor;
    final List<PartitionState> partitions = new ArrayList<>();
    final TreeMap<Integer, ConsumerGroupState> groups = new TreeMap<>();
    final SlabIds groupIds = new SlabIds();
    /** Balanced partitioning: one shared counter per topic, advanced once per send request. */
    private final AtomicInteger balancedCounter = new AtomicInteger();

    TopicState(StreamState stream, int id, String name, long createdAt) {
        this.stream = stream;
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    /**
     * The partition for the next balanced send. Like the server, the counter is kept below the partition count it
     * last saw, so that after partitions are added or deleted the round robin carries on from where it was rather
     * than from a running total.
     */
    int nextBalancedPartition(int partitionsCount) {
        return balancedCounter.getAndUpdate(current -> (current + 1) % partitionsCount) % partitionsCount;
    }

    /** The round-robin counter, for the data directory's snapshot. */
    long balancedCounter() {
        return balancedCounter.get();
    }

    /** Restores the counter from a snapshot (older snapshots kept a running total: any non-negative value works). */
    void restoreBalancedCounter(long value) {
        balancedCounter.set((int) Math.max(0, Math.min(Integer.MAX_VALUE, value)));
    }

    ConsumerGroupState groupNamed(String groupName) {
        for (ConsumerGroupState group : groups.values()) {
            if (group.name.equals(groupName)) {
                return group;
            }
        }
        return null;
    }

    long sizeBytes() {
        long size = 0;
        for (PartitionState partition : partitions) {
            size += partition.log.sizeBytes();
        }
        return size;
    }

    long messagesCount() {
        long count = 0;
        for (PartitionState partition : partitions) {
            count += partition.log.messagesCount();
        }
        return count;
    }
}
