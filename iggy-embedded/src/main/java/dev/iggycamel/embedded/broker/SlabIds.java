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

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out ids the way the server's slabs do: 0, 1, 2... and a freed id is reused first, most recently freed
 * first. Not thread-safe: callers hold the metadata write lock.
 */
final class SlabIds {

    private final Deque<Integer> freed = new ArrayDeque<>();
    private int next;

    int allocate() {
        Integer reused = freed.pollFirst();
        return reused != null ? reused : next++;
    }

    void release(int id) {
        freed.addFirst(id);
    }

    /** Marks an id as taken when restoring state, keeping lower unused ids free. */
    void restore(int id) {
        while (next < id) {
            freed.addLast(next++);
        }
        if (id == next) {
            next++;
        } else {
            freed.remove(id);
        }
    }

    void clear() {
        freed.clear();
        next = 0;
    }
}
