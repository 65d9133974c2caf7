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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A partition: its message log and the offsets stored by single consumers and by consumer groups. */
final class PartitionState {

    final int id;
    final long createdAt;
    final PartitionLog log;
    /** Single consumers, keyed by numeric consumer id (a named id is XXH32 of its name). */
    final Map<Long, Long> consumerOffsets = new ConcurrentHashMap<>();
    /** Consumer groups, keyed by group id. */
    final Map<Integer, Long> groupOffsets = new ConcurrentHashMap<>();
    /** The last offset each consumer group was given here, for the cooperative rebalance. */
    final Map<Integer, Long> lastPolledByGroup = new ConcurrentHashMap<>();

    PartitionState(int id, long createdAt, PartitionLog log) {
        this.id = id;
        this.createdAt = createdAt;
        this.log = log;
    }
}
