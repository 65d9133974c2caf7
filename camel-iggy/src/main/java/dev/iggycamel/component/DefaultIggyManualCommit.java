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

import dev.iggycamel.component.transport.ConsumerRef;
import dev.iggycamel.component.transport.IggyConnection;
import dev.iggycamel.component.transport.TopicAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.apache.camel.RuntimeCamelException;

/** The {@link IggyManualCommit} of one consumed message: stores its offset over the poll task's connection. */
final class DefaultIggyManualCommit implements IggyManualCommit {

    private final IggyConnection connection;
    private final TopicAddress address;
    private final ConsumerRef consumer;
    private final long partitionId;
    private final long offset;
    private final long timeoutMillis;
    private final LongConsumer committed;

    DefaultIggyManualCommit(
            IggyConnection connection,
            TopicAddress address,
            ConsumerRef consumer,
            long partitionId,
            long offset,
            long timeoutMillis,
            LongConsumer committed) {
        this.connection = connection;
        this.address = address;
        this.consumer = consumer;
        this.partitionId = partitionId;
        this.offset = offset;
        this.timeoutMillis = timeoutMillis;
        this.committed = committed;
    }

    @Override
    public void commit() {
        try {
            IggyFutures.await(commitAsync(), timeoutMillis);
        } catch (Exception e) {
            throw new RuntimeCamelException(
                    "Cannot commit offset " + offset + " of partition " + partitionId + " of Iggy " + address + " for "
                            + consumer + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public CompletableFuture<Void> commitAsync() {
        return connection.storeOffset(address, consumer, partitionId, offset).thenRun(() -> committed.accept(offset));
    }

    @Override
    public long partitionId() {
        return partitionId;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "IggyManualCommit[" + address + " partition " + partitionId + " offset " + offset + "]";
    }
}
