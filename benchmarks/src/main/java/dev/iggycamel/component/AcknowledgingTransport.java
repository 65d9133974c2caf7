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
import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.IggyTransport;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.PollingStart;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicInfo;
import dev.iggycamel.component.transport.TopicSettings;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport without a wire for the micro-benchmarks: every send frame is acknowledged on one other thread (as a
 * client's event loop would), so the producer batches what queues meanwhile; nothing is stored.
 */
final class AcknowledgingTransport implements IggyTransport, AutoCloseable {

    private final ExecutorService eventLoop = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "acknowledging-transport");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();

    @Override
    public CompletableFuture<IggyConnection> connect(IggyConnectionSettings settings) {
        return CompletableFuture.completedFuture(new Connection());
    }

    long frames() {
        return frames.get();
    }

    long messages() {
        return messages.get();
    }

    @Override
    public void close() {
        eventLoop.shutdownNow();
    }

    private final class Connection implements IggyConnection {

        @Override
        public CompletableFuture<Void> send(
                TopicAddress address, OutboundPartitioning partitioning, List<OutboundMessage> sent) {
            frames.incrementAndGet();
            messages.addAndGet(sent.size());
            return CompletableFuture.runAsync(() -> {}, eventLoop);
        }

        @Override
        public CompletableFuture<TopicInfo> ensureTopic(
                TopicAddress address, boolean createStream, TopicSettings settings) {
            return CompletableFuture.completedFuture(new TopicInfo(0, address.stream(), 0, address.topic(), 1));
        }

        @Override
        public CompletableFuture<PolledBatch> poll(
                TopicAddress address,
                ConsumerRef consumer,
                long partitionId,
                PollingStart start,
                int count,
                boolean autoCommit) {
            return CompletableFuture.completedFuture(new PolledBatch(0, 0, List.of()));
        }

        @Override
        public CompletableFuture<Void> storeOffset(
                TopicAddress address, ConsumerRef consumer, long partitionId, long offset) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<OptionalLong> storedOffset(
                TopicAddress address, ConsumerRef consumer, long partitionId) {
            return CompletableFuture.completedFuture(OptionalLong.empty());
        }

        @Override
        public CompletableFuture<Void> ensureGroup(TopicAddress address, String group, boolean create) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> joinGroup(TopicAddress address, String group) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> leaveGroup(TopicAddress address, String group) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> ping() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> close() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
