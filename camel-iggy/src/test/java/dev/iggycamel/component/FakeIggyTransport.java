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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * An in-memory {@link IggyTransport} for unit tests. It records every send frame; by default a frame stays
 * outstanding until the test completes or fails it, or the fake acknowledges frames itself after a delay
 * ({@link #autoAck(Duration)}). It counts how many frames are outstanding at once, in total and per partitioning.
 */
final class FakeIggyTransport implements IggyTransport {

    /** One send frame as the sender handed it to the connection. */
    static final class Frame {
        final TopicAddress address;
        final OutboundPartitioning partitioning;
        final List<OutboundMessage> messages;
        final long sentAt = System.nanoTime();
        private final FakeIggyTransport owner;
        private final CompletableFuture<Void> result = new CompletableFuture<>();
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile long completedAt;

        Frame(
                FakeIggyTransport owner,
                TopicAddress address,
                OutboundPartitioning partitioning,
                List<OutboundMessage> messages) {
            this.owner = owner;
            this.address = address;
            this.partitioning = partitioning;
            this.messages = List.copyOf(messages);
        }

        /** Acknowledges the frame, as the server would. */
        void complete() {
            if (release()) {
                result.complete(null);
            }
        }

        /** Fails the frame with this exception, as the transport would. */
        void fail(Throwable failure) {
            if (release()) {
                result.completeExceptionally(failure);
            }
        }

        boolean isDone() {
            return result.isDone();
        }

        /** When the frame was acknowledged or failed ({@link System#nanoTime()}), or 0. */
        long completedAt() {
            return completedAt;
        }

        int size() {
            return messages.size();
        }

        /** Bytes as the sender counts them for batchMaxBytes. */
        int frameBytes() {
            return messages.stream().mapToInt(OutboundMessage::frameSize).sum();
        }

        List<String> payloads() {
            return messages.stream()
                    .map(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .toList();
        }

        // the counters drop before the future completes: the sender may send the next frame from its callback
        private boolean release() {
            if (!released.compareAndSet(false, true)) {
                return false;
            }
            completedAt = System.nanoTime();
            owner.outstanding.decrementAndGet();
            owner.outstandingPerKey.get(owner.keyOf(this)).decrementAndGet();
            return true;
        }
    }

    /**
     * A transport failure that hands out its cause only once {@code until} holds, or after {@code atMost}. The sender
     * asks for the cause when it handles the frame's acknowledgement: a test can make another thread act at that
     * moment, deterministically, and a sender that asks for it while the other thread must wait still goes on.
     */
    static final class HeldFailure extends CompletionException {

        private static final long serialVersionUID = 1L;

        private final transient BooleanSupplier until;
        private final long deadline;

        HeldFailure(Throwable cause, BooleanSupplier until, Duration atMost) {
            super(cause);
            this.until = until;
            this.deadline = System.nanoTime() + atMost.toNanos();
        }

        @Override
        public synchronized Throwable getCause() {
            while (!until.getAsBoolean() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return super.getCause();
        }
    }

    final List<IggyConnectionSettings> connects = new CopyOnWriteArrayList<>();
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    final List<TopicAddress> ensuredTopics = new CopyOnWriteArrayList<>();
    final AtomicInteger closes = new AtomicInteger();
    /** What the sender's completion handlers of send results threw (lost otherwise). */
    final List<Throwable> handlerFailures = new CopyOnWriteArrayList<>();

    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();
    private final Map<String, AtomicInteger> outstandingPerKey = new ConcurrentHashMap<>();
    private final AtomicInteger maxOutstandingPerKey = new AtomicInteger();
    private final AtomicReference<RuntimeException> throwOnNextSend = new AtomicReference<>();
    private final ScheduledExecutorService acks = Executors.newScheduledThreadPool(4, r -> {
        Thread thread = new Thread(r, "fake-iggy-acks");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Duration autoAck;

    @Override
    public CompletableFuture<IggyConnection> connect(IggyConnectionSettings settings) {
        connects.add(settings);
        return CompletableFuture.completedFuture(new Connection());
    }

    /** From now on, acknowledges every frame (also those outstanding) after this delay. */
    void autoAck(Duration delay) {
        autoAck = delay;
        for (Frame frame : frames) {
            if (!frame.isDone()) {
                scheduleAck(frame, delay);
            }
        }
    }

    /** The next send() throws this exception instead of returning a future. */
    void throwOnNextSend(RuntimeException failure) {
        throwOnNextSend.set(failure);
    }

    /** The most frames that were outstanding at once. */
    int maxOutstanding() {
        return maxOutstanding.get();
    }

    /** The most frames that were outstanding at once for one topic and partitioning. */
    int maxOutstandingPerKey() {
        return maxOutstandingPerKey.get();
    }

    int outstanding() {
        return outstanding.get();
    }

    Frame frame(int index) {
        return frames.get(index);
    }

    List<Integer> frameSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (Frame frame : frames) {
            sizes.add(frame.size());
        }
        return sizes;
    }

    /** Every payload sent, in frame order. */
    List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        for (Frame frame : frames) {
            payloads.addAll(frame.payloads());
        }
        return payloads;
    }

    /** Waits until this many frames were sent. */
    void awaitFrames(int count) {
        await(() -> frames.size() >= count, "waiting for " + count + " frame(s), got " + frames.size());
    }

    void shutdown() {
        acks.shutdownNow();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String keyOf(Frame frame) {
        return frame.address + "|" + frame.partitioning;
    }

    private void scheduleAck(Frame frame, Duration delay) {
        acks.schedule(frame::complete, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static <T> CompletableFuture<T> unsupported() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("not in the fake transport"));
    }

    /**
     * A send result that records what the sender's completion handlers throw: CompletableFuture would swallow it,
     * and the exchanges of that frame would never complete.
     */
    private final class Reported extends CompletableFuture<Void> {

        @Override
        public CompletableFuture<Void> whenComplete(BiConsumer<? super Void, ? super Throwable> action) {
            return super.whenComplete((value, failure) -> {
                try {
                    action.accept(value, failure);
                } catch (RuntimeException | Error e) {
                    handlerFailures.add(e);
                    throw e;
                }
            });
        }
    }

    private final class Connection implements IggyConnection {

        @Override
        public CompletableFuture<Void> send(
                TopicAddress address, OutboundPartitioning partitioning, List<OutboundMessage> messages) {
            RuntimeException thrown = throwOnNextSend.getAndSet(null);
            if (thrown != null) {
                throw thrown;
            }
            Frame frame = new Frame(FakeIggyTransport.this, address, partitioning, messages);
            maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            int perKey = outstandingPerKey
                    .computeIfAbsent(keyOf(frame), k -> new AtomicInteger())
                    .incrementAndGet();
            maxOutstandingPerKey.accumulateAndGet(perKey, Math::max);
            frames.add(frame);
            Duration delay = autoAck;
            if (delay != null) {
                scheduleAck(frame, delay);
            }
            // a dependent stage, as an asynchronous client returns: failures arrive wrapped in a CompletionException
            Reported reported = new Reported();
            frame.result.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    reported.completeExceptionally(
                            failure instanceof CompletionException ? failure : new CompletionException(failure));
                } else {
                    reported.complete(null);
                }
            });
            return reported;
        }

        @Override
        public CompletableFuture<TopicInfo> ensureTopic(
                TopicAddress address, boolean createStream, TopicSettings settings) {
            ensuredTopics.add(address);
            return CompletableFuture.completedFuture(new TopicInfo(1, address.stream(), 1, address.topic(), 1));
        }

        @Override
        public CompletableFuture<PolledBatch> poll(
                TopicAddress address,
                ConsumerRef consumer,
                long partitionId,
                PollingStart start,
                int count,
                boolean autoCommit) {
            return unsupported();
        }

        @Override
        public CompletableFuture<Void> storeOffset(
                TopicAddress address, ConsumerRef consumer, long partitionId, long offset) {
            return unsupported();
        }

        @Override
        public CompletableFuture<OptionalLong> storedOffset(
                TopicAddress address, ConsumerRef consumer, long partitionId) {
            return unsupported();
        }

        @Override
        public CompletableFuture<Void> ensureGroup(TopicAddress address, String group, boolean create) {
            return unsupported();
        }

        @Override
        public CompletableFuture<Void> joinGroup(TopicAddress address, String group) {
            return unsupported();
        }

        @Override
        public CompletableFuture<Void> leaveGroup(TopicAddress address, String group) {
            return unsupported();
        }

        @Override
        public CompletableFuture<Void> ping() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> close() {
            closes.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }
}
