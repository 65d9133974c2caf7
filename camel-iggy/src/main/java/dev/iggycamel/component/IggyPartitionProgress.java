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

/**
 * What a poll task knows of one partition: the partition's last offset (from the last poll), the last offset it
 * polled, the offset it last committed (-1 for none). Lag is what lies beyond the commit.
 */
public final class IggyPartitionProgress {

    private final long partitionId;
    private volatile long currentOffset = -1;
    private volatile long polledOffset = -1;
    private volatile long committedOffset = -1;

    IggyPartitionProgress(long partitionId) {
        this.partitionId = partitionId;
    }

    public long partitionId() {
        return partitionId;
    }

    public long currentOffset() {
        return currentOffset;
    }

    public long polledOffset() {
        return polledOffset;
    }

    public long committedOffset() {
        return committedOffset;
    }

    /** Messages after the committed offset, as of the last poll. */
    public long lag() {
        return currentOffset < 0 ? 0 : Math.max(0, currentOffset - committedOffset);
    }

    void polled(long current, long lastPolled) {
        currentOffset = current;
        if (lastPolled >= 0) {
            polledOffset = lastPolled;
        }
    }

    void committed(long offset) {
        if (offset > committedOffset) {
            committedOffset = offset;
        }
    }
}
