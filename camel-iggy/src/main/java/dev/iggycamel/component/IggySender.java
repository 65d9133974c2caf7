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

import dev.iggycamel.component.transport.IggyConnection;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch accumulator of an endpoint's producers. Exchanges queue per (topic, partitioning); a queue becomes one
 * send frame of at most {@code batchMaxMessages} messages and {@code batchMaxBytes} bytes when a frame may be in
 * flight (at most {@code maxInFlight}, and one per keyed partitioning so that a key's messages keep their order)
 * and, with {@code lingerMs}, once it is full or has waited that long. An exchange completes when the frames
 * carrying its messages are acknowledged; a failed frame fails exactly its exchanges. Queued bytes are bounded
 * ({@code batchMaxBytes × maxInFlight}): a producer waits when they are exceeded.
 */
public final class IggySender extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(IggySender.class);

    private record BatchKey(TopicAddress address, OutboundPartitioning partitioning) {}

    /** An exchange handed over by a producer thread, with the bytes it reserved. */
    private record Arrival(BatchKey key, Pending pending, int bytes) {}

    /** An exchange waiting for its messages to be sent; a large one may go in several frames. */
    private static final class Pending {
        final Exchange exchange;
        final AsyncCallback callback;
        final List<OutboundMessage> messages;
        final long enqueuedAt = System.nanoTime();
        int nextMessage;
        int framesOut;
        Throwable failure;
        boolean completed;

        Pending(Exchange exchange, AsyncCallback callback, List<OutboundMessage> messages) {
            this.exchange = exchange;
            this.callback = callback;
            this.messages = messages;
        }

        boolean allSent() {
            return nextMessage == messages.size();
        }
    }

    /** The messages of one send frame, and the exchanges they belong to. */
    private record Frame(BatchKey key, List<OutboundMessage> messages, List<Pending> pendings, long payloadBytes) {}

    private final IggyEndpoint endpoint;
    private final IggyConfiguration configuration;
    private final IggyStatistics statistics;
    private final Map<BatchKey, ArrayDeque<Pending>> queues = new LinkedHashMap<>();
    private final Map<BatchKey, Integer> queueBytes = new LinkedHashMap<>();
    private final Set<BatchKey> keysInFlight = new HashSet<>();
    private final Set<Frame> outstanding = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<TopicAddress, CompletableFuture<TopicInfo>> provisioned = new ConcurrentHashMap<>();
    private final long maxQueuedBytes;
    private IggyConnection connection;
    private ExecutorService completions;
    private ScheduledExecutorService linger;
    /** Exchanges handed over by producer threads, not yet in their key's queue (see {@link #enqueue}). */
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    /** Bytes queued or arriving: reserved before an exchange is handed over, released when framed. */
    private final AtomicLong queuedBytes = new AtomicLong();

    private final AtomicLong mostQueuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Written under the lock, read without it by producer threads deciding whether a frame can go now. */
    private volatile int inFlight;

    private int mostInFlight;
    private volatile Throwable lastError;
    private volatile long lastSuccess;

    IggySender(IggyEndpoint endpoint) {
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.statistics = endpoint.getStatistics();
        this.maxQueuedBytes = (long) configuration.getBatchMaxBytes() * configuration.getMaxInFlight();
    }

    @Override
    protected void doStart() throws Exception {
        String name = "IggyProducer[" + endpoint.address() + "]";
        completions = endpoint.getCamelContext()
                .getExecutorServiceManager()
                .newThreadPool(this, name, 1, Math.max(4, configuration.getMaxInFlight() * 2));
        if (configuration.getLingerMs() > 0) {
            linger =
                    endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, name);
        }
        connection = IggyFutures.await(
                endpoint.transport().connect(endpoint.connectionSettings(configuration.getMaxInFlight())),
                configuration.getConnectTimeout() * 2);
        try {
            IggyFutures.await(provision(endpoint.address()), configuration.getConnectTimeout() * 2);
        } catch (Exception e) {
            connection.close();
            connection = null;
            throw e;
        }
        lastSuccess = System.currentTimeMillis();
    }

    @Override
    protected void doStop() throws Exception {
        flushAndWait(configuration.getConnectTimeout() * 2);
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (linger != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(linger);
            linger = null;
        }
        if (completions != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(completions);
            completions = null;
        }
    }

    /** Whether the last send succeeded (or none failed since the start), for the health check. */
    public boolean isHealthy() {
        return connection != null && lastError == null;
    }

    /** The last send failure since the last success, or null. */
    public Throwable lastError() {
        return lastError;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public long queuedBytes() {
        return queuedBytes.get();
    }

    /**
     * The most bytes ever queued at once (waiting for a frame): at most batchMaxBytes x maxInFlight, or one
     * exchange's when it alone is larger.
     */
    public long maxQueuedBytes() {
        return mostQueuedBytes.get();
    }

    /** The most frames ever awaiting acknowledgement at once: at most maxInFlight. */
    public synchronized int maxInFlight() {
        return mostInFlight;
    }

    /**
     * Queues an exchange's messages; returns false: the callback is called when the server acknowledged them (or
     * refused). Waits while the queue is over its bound.
     */
    boolean send(
            Exchange exchange,
            TopicAddress address,
            OutboundPartitioning partitioning,
            List<OutboundMessage> messages,
            AsyncCallback callback) {
        CompletableFuture<TopicInfo> ready = provision(address);
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            enqueue(new BatchKey(address, partitioning), new Pending(exchange, callback, messages));
        } else {
            // not on the transport's thread: enqueueing may wait for room in the queue
            ready.whenCompleteAsync(
                    (info, failure) -> {
                        if (failure != null) {
                            exchange.setException(IggyFutures.unwrap(failure));
                            callback.done(false);
                        } else {
                            enqueue(new BatchKey(address, partitioning), new Pending(exchange, callback, messages));
                        }
                    },
                    completions);
        }
        return false;
    }

    /** Looks up (and creates, when allowed) a topic once; a failure is forgotten so a later exchange tries again. */
    private CompletableFuture<TopicInfo> provision(TopicAddress address) {
        return provisioned.computeIfAbsent(address, target -> {
            CompletableFuture<TopicInfo> future =
                    connection.ensureTopic(target, configuration.isAutoCreateStream(), endpoint.topicSettings());
            future.whenComplete((info, failure) -> {
                if (failure != null) {
                    provisioned.remove(target);
                }
            });
            return future;
        });
    }

    /**
     * Hands an exchange's messages over. Producer threads do not take the sender's lock for it: they reserve room in
     * the queued bytes (waiting, under the lock, only when the bound is reached) and add the exchange to a concurrent
     * queue; whoever holds the lock next moves it into its key's queue. A producer thread takes the lock only when a
     * frame could go at once; otherwise the acknowledgement that frees a slot takes what arrived meanwhile. (The slot
     * count is written before that acknowledgement looks at the arrivals, and read after an arrival is added, so no
     * arrival is left behind.)
     */
    private void enqueue(BatchKey key, Pending pending) {
        int bytes = 0;
        for (OutboundMessage message : pending.messages) {
            bytes += message.frameSize();
        }
        if (!reserve(bytes)) {
            synchronized (this) {
                while (!reserve(bytes)) {
                    if (!isRunAllowed()) {
                        forceReserve(bytes); // stopping: flushAndWait takes or abandons it
                        break;
                    }
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        pending.exchange.setException(e);
                        completions.execute(() -> pending.callback.done(false));
                        return;
                    }
                }
            }
        }
        arrivals.add(new Arrival(key, pending, bytes));
        // one producer thread drains at a time; the others leave their arrival to it (it looks again when done)
        while ((inFlight < configuration.getMaxInFlight() || linger != null) && draining.compareAndSet(false, true)) {
            try {
                drain();
            } finally {
                draining.set(false);
            }
            if (arrivals.isEmpty()) {
                break;
            }
        }
    }

    /** Takes room for the bytes unless the bound is reached (an exchange alone may exceed it when nothing waits). */
    private boolean reserve(int bytes) {
        while (true) {
            long queued = queuedBytes.get();
            if (queued > 0 && queued + bytes > maxQueuedBytes) {
                return false;
            }
            if (queuedBytes.compareAndSet(queued, queued + bytes)) {
                mostQueuedBytes.accumulateAndGet(queued + bytes, Math::max);
                return true;
            }
        }
    }

    private void forceReserve(int bytes) {
        mostQueuedBytes.accumulateAndGet(queuedBytes.addAndGet(bytes), Math::max);
    }

    /** Moves what arrived into the keys' queues, in arrival order; callers hold the lock. */
    private void takeArrivals() {
        Arrival arrival;
        while ((arrival = arrivals.poll()) != null) {
            ArrayDeque<Pending> queue = queues.computeIfAbsent(arrival.key(), k -> new ArrayDeque<>());
            boolean first = queue.isEmpty();
            queue.add(arrival.pending());
            queueBytes.merge(arrival.key(), arrival.bytes(), Integer::sum);
            if (first && linger != null) {
                linger.schedule(this::drain, configuration.getLingerMs(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void drain() {
        List<Frame> frames;
        synchronized (this) {
            takeArrivals();
            frames = takeFrames(false);
        }
        submit(frames);
    }

    /** Frames that may go now; callers hold the lock. */
    private List<Frame> takeFrames(boolean ignoreLinger) {
        List<Frame> frames = new ArrayList<>();
        boolean progress = true;
        while (progress && inFlight < configuration.getMaxInFlight()) {
            progress = false;
            Iterator<Map.Entry<BatchKey, ArrayDeque<Pending>>> entries =
                    queues.entrySet().iterator();
            while (entries.hasNext() && inFlight < configuration.getMaxInFlight()) {
                Map.Entry<BatchKey, ArrayDeque<Pending>> entry = entries.next();
                BatchKey key = entry.getKey();
                ArrayDeque<Pending> queue = entry.getValue();
                boolean ordered = key.partitioning().kind() != OutboundPartitioning.Kind.BALANCED;
                if (queue.isEmpty() || (ordered && keysInFlight.contains(key)) || !ready(key, queue, ignoreLinger)) {
                    continue;
                }
                Frame frame = frameFrom(key, queue);
                frames.add(frame);
                inFlight++;
                mostInFlight = Math.max(mostInFlight, inFlight);
                if (ordered) {
                    keysInFlight.add(key);
                }
                if (queue.isEmpty()) {
                    entries.remove();
                    queueBytes.remove(key);
                }
                progress = true;
            }
        }
        if (!frames.isEmpty()) {
            notifyAll();
        }
        return frames;
    }

    private boolean ready(BatchKey key, ArrayDeque<Pending> queue, boolean ignoreLinger) {
        if (linger == null || ignoreLinger || !isRunAllowed()) {
            return true;
        }
        long waited = System.nanoTime() - queue.peek().enqueuedAt;
        return waited >= TimeUnit.MILLISECONDS.toNanos(configuration.getLingerMs())
                || queueBytes.getOrDefault(key, 0) >= configuration.getBatchMaxBytes()
                || queue.stream()
                                .mapToInt(p -> p.messages.size() - p.nextMessage)
                                .sum()
                        >= configuration.getBatchMaxMessages();
    }

    /** Takes up to the batch bounds from the head of the queue; callers hold the lock. */
    private Frame frameFrom(BatchKey key, ArrayDeque<Pending> queue) {
        List<OutboundMessage> messages = new ArrayList<>();
        List<Pending> pendings = new ArrayList<>();
        int bytes = 0;
        long payload = 0;
        while (!queue.isEmpty()) {
            Pending pending = queue.peek();
            boolean added = false;
            while (!pending.allSent()) {
                OutboundMessage message = pending.messages.get(pending.nextMessage);
                int size = message.frameSize();
                boolean fits = messages.size() < configuration.getBatchMaxMessages()
                        && bytes + size <= configuration.getBatchMaxBytes();
                if (!fits && !messages.isEmpty()) {
                    break;
                }
                messages.add(message);
                bytes += size;
                payload += message.payload().length;
                pending.nextMessage++;
                added = true;
            }
            if (added) {
                pending.framesOut++;
                pendings.add(pending);
            }
            if (!pending.allSent()) {
                break;
            }
            queue.poll();
        }
        int taken = bytes;
        queuedBytes.addAndGet(-taken);
        queueBytes.computeIfPresent(key, (k, v) -> v - taken);
        if (linger != null && !queue.isEmpty()) {
            // the rest of a cut batch waits for its own linger, not for the next exchange
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queue.peek().enqueuedAt);
            linger.schedule(this::drain, Math.max(0, configuration.getLingerMs() - waited), TimeUnit.MILLISECONDS);
        }
        Frame frame = new Frame(key, messages, pendings, payload);
        outstanding.add(frame);
        return frame;
    }

    private void submit(List<Frame> frames) {
        for (Frame frame : frames) {
            CompletableFuture<Void> sent;
            try {
                sent = connection.send(frame.key().address(), frame.key().partitioning(), frame.messages());
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((ignored, failure) -> acknowledged(frame, failure));
        }
    }

    /** Runs on the transport's thread: bookkeeping and the next frames here, the exchanges on the worker pool. */
    private void acknowledged(Frame frame, Throwable failure) {
        Throwable cause = failure == null ? null : IggyFutures.unwrap(failure);
        List<Frame> next;
        synchronized (this) {
            if (!outstanding.remove(frame)) {
                return; // abandoned when stopping
            }
            // counted before any exchange completes, so a caller that sees its exchange done sees the counters too
            if (cause == null) {
                statistics.framesSent.increment();
                statistics.messagesSent.add(frame.messages().size());
                statistics.bytesSent.add(frame.payloadBytes());
                lastError = null;
                lastSuccess = System.currentTimeMillis();
            } else {
                statistics.sendErrors.increment();
                lastError = cause;
                LOG.debug(
                        "Send frame of {} message(s) to {} failed",
                        frame.messages().size(),
                        frame.key(),
                        cause);
            }
            List<Pending> done = new ArrayList<>();
            for (Pending pending : frame.pendings()) {
                if (cause != null && pending.failure == null) {
                    pending.failure = cause;
                }
                pending.framesOut--;
                if (pending.framesOut == 0 && pending.allSent()) {
                    done.add(pending);
                }
            }
            // queued before the frame stops counting: stop() cannot shut the pool down in between
            completions.execute(() -> done.forEach(p -> complete(p, null)));
            inFlight--;
            keysInFlight.remove(frame.key());
            takeArrivals();
            next = takeFrames(false);
            notifyAll();
        }
        submit(next);
    }

    private void complete(Pending pending, Throwable abort) {
        synchronized (pending) {
            if (pending.completed) {
                return;
            }
            pending.completed = true;
        }
        Throwable failure = pending.failure != null ? pending.failure : abort;
        if (failure != null) {
            pending.exchange.setException(failure);
        }
        pending.callback.done(false);
    }

    /** Sends everything queued and waits (up to the timeout) for the acknowledgements. */
    void flushAndWait(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Set<Pending> abandoned = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Frame> frames;
        synchronized (this) {
            takeArrivals();
            frames = takeFrames(true);
        }
        submit(frames);
        synchronized (this) {
            takeArrivals();
            while ((inFlight > 0 || !queues.isEmpty()) && System.currentTimeMillis() < deadline) {
                takeArrivals();
                List<Frame> more = takeFrames(true);
                if (!more.isEmpty()) {
                    submitLater(more);
                }
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            takeArrivals();
            if (inFlight > 0 || !queues.isEmpty()) {
                LOG.warn(
                        "Stopping the Iggy producer of {} with {} frame(s) unacknowledged and {} byte(s) queued",
                        endpoint.address(),
                        inFlight,
                        queuedBytes.get());
            }
            for (Frame frame : outstanding) {
                abandoned.addAll(frame.pendings());
            }
            for (ArrayDeque<Pending> queue : queues.values()) {
                abandoned.addAll(queue);
            }
            outstanding.clear();
            queues.clear();
            queueBytes.clear();
            keysInFlight.clear();
            inFlight = 0;
            queuedBytes.set(0);
        }
        Exception stopped = new IllegalStateException(
                "The Iggy producer of " + endpoint.address() + " stopped before the server acknowledged the message");
        for (Pending pending : abandoned) {
            complete(pending, stopped);
        }
    }

    private void submitLater(List<Frame> frames) {
        completions.execute(() -> submit(frames));
    }

    long lastSuccess() {
        return lastSuccess;
    }

    /** A round trip to the server over the producers' connection. */
    void ping(long timeoutMillis) throws Exception {
        IggyConnection open = connection;
        if (open == null) {
            throw new IllegalStateException("not connected");
        }
        IggyFutures.await(open.ping(), timeoutMillis);
    }
}
