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
import dev.iggycamel.component.transport.IggyErrors;
import dev.iggycamel.component.transport.IggyServerException;
import dev.iggycamel.component.transport.InboundMessage;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.PollingStart;
import dev.iggycamel.component.transport.TopicAddress;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll loop with its own connection (consumer-group membership belongs to a connection): connect, log in and
 * join; poll; turn messages into exchanges and process them in order; store offsets as the commit mode says; back
 * off when a poll is empty; reconnect, log in and join again when the connection is lost; on stop, finish the batch
 * in hand, commit, leave the group and close.
 */
public final class IggyPollTask implements Runnable {

    /** Where the task is, for health checks and the dev console. */
    public enum State {
        CONNECTING,
        POLLING,
        BACKING_OFF,
        STOPPED
    }

    private static final Logger LOG = LoggerFactory.getLogger(IggyPollTask.class);

    private final IggyConsumer consumer;
    private final IggyEndpoint endpoint;
    private final IggyConfiguration configuration;
    private final IggyStatistics statistics;
    private final TopicAddress address;
    private final ConsumerRef consumerRef;
    private final String group;
    private final int index;
    private final List<Long> ownPartitions;
    private final IggyInboundConverter converter;
    private final Map<Long, IggyPartitionProgress> progress = new ConcurrentHashMap<>();
    /** Next offset to fetch per partition, when the task tracks positions itself (see {@link #tracksPositions}). */
    private final Map<Long, Long> positions = new HashMap<>();
    /** Partitions whose start position (pollingStrategy) was applied since the route started. */
    private final Set<Long> started = new HashSet<>();

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Completion routed = new Completion();
    private final boolean tracksPositions;
    /** Whether the next poll goes out before the batch in hand is processed (see the constructor). */
    private final boolean prefetching;
    /** Messages per poll: half of pollBatchSize when prefetching, so that at most pollBatchSize are ever held. */
    private final int pollCount;
    /** The poll sent ahead, or null. */
    private Prefetch prefetched;
    /** Messages polled and not yet processed (the batch in hand and a prefetched one), and the most ever. */
    private final AtomicInteger inHand = new AtomicInteger();

    private final AtomicInteger maxInHand = new AtomicInteger();
    private volatile boolean running = true;
    private volatile State state = State.CONNECTING;
    private volatile Throwable lastError;
    private volatile long lastPollAt;
    private volatile IggyConnection connection;
    private int nextPartitionIndex;
    /** Partitions polled empty since the last message: the task waits only once all of its rotation is empty. */
    private final Set<Long> emptyPartitions = new HashSet<>();

    private long backoff;

    IggyPollTask(IggyConsumer consumer, int index, List<Long> ownPartitions) {
        this.consumer = consumer;
        this.endpoint = consumer.getEndpoint();
        this.configuration = endpoint.getConfiguration();
        this.statistics = endpoint.getStatistics();
        this.address = endpoint.address();
        this.group = configuration.getConsumerGroup();
        this.consumerRef =
                group != null ? ConsumerRef.group(group) : ConsumerRef.single(configuration.getConsumerName());
        this.index = index;
        this.ownPartitions = ownPartitions;
        this.converter = new IggyInboundConverter(endpoint);
        this.backoff = configuration.getBackoff();
        // the server's NEXT strategy with a commit before every poll keeps a group's position by itself; manual
        // commits, start positions and single consumers over chosen partitions need the task to track it
        this.tracksPositions = group == null
                || configuration.getCommitMode() == IggyCommitMode.manual
                || configuration.getPollingStrategy() != IggyPollingStrategy.next;
        // the next poll may go out while this batch is processed when its position does not depend on how
        // processing ends: the server commits at poll time (onPoll, a group's NEXT), or the task knows the next
        // offset itself (a single consumer); a batch cut short (breakOnFirstError, stop) makes the task drop it
        this.prefetching = configuration.getPollBatchSize() >= 2
                && configuration.getCommitMode() != IggyCommitMode.manual
                && (group == null || (configuration.getCommitMode() == IggyCommitMode.onPoll && !tracksPositions));
        this.pollCount = prefetching ? configuration.getPollBatchSize() / 2 : configuration.getPollBatchSize();
    }

    /** A poll sent before the batch in hand was processed: to which partition, and its answer. */
    private record Prefetch(long partition, CompletableFuture<PolledBatch> batch) {}

    /** Connects, logs in and joins; used at start (failing it with the cause) and after a lost connection. */
    void connect() throws Exception {
        state = State.CONNECTING;
        IggyConnection opened = IggyFutures.await(
                endpoint.transport().connect(endpoint.connectionSettings(1)), configuration.getConnectTimeout() * 2);
        try {
            if (group != null) {
                IggyFutures.await(opened.joinGroup(address, group), configuration.getConnectTimeout() * 2);
            }
        } catch (Exception e) {
            opened.close();
            throw e;
        }
        connection = opened;
        positions.clear();
        state = State.POLLING;
        lastError = null;
    }

    @Override
    public void run() {
        Thread.currentThread().setName(Thread.currentThread().getName() + "-" + address + "-" + index);
        try {
            while (running) {
                try {
                    if (connection == null) {
                        connect();
                        statistics.reconnects.increment();
                        LOG.info("Iggy consumer {} of {} reconnected", index, address);
                    }
                    if (!pollAndProcess()) {
                        sleep(configuration.getPollIntervalMs());
                    }
                    backoff = configuration.getBackoff();
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    onFailure(e);
                }
            }
        } finally {
            finishPrefetched();
            shutdown();
            finished.countDown();
        }
    }

    /**
     * Polls once (or takes the poll sent ahead) and processes what came; false when the task should wait a poll
     * interval: it has no partition, or every partition of its rotation came back empty. One empty partition must
     * not hold up another's backlog.
     */
    private boolean pollAndProcess() throws Exception {
        if (ownPartitions != null && ownPartitions.isEmpty()) {
            return false; // more tasks than partitions: this one has nothing to read
        }
        boolean autoCommit = configuration.getCommitMode() == IggyCommitMode.onPoll;
        long partition;
        PolledBatch batch;
        Prefetch ahead = prefetched;
        prefetched = null;
        if (ahead != null) {
            partition = ahead.partition();
            batch = IggyFutures.await(ahead.batch(), configuration.getConnectTimeout() * 2);
        } else {
            partition = -1;
            PollingStart start = PollingStart.next();
            if (tracksPositions) {
                partition = nextPartition();
                if (partition < 0) {
                    return false;
                }
                start = startFor(partition);
            }
            batch = IggyFutures.await(poll(partition, start, autoCommit), configuration.getConnectTimeout() * 2);
        }
        lastPollAt = System.currentTimeMillis();
        statistics.polls.increment();
        List<InboundMessage> messages = batch.messages();
        try {
            IggyPartitionProgress partitionProgress =
                    progress.computeIfAbsent(batch.partitionId(), IggyPartitionProgress::new);
            partitionProgress.polled(
                    batch.currentOffset(),
                    messages.isEmpty() ? -1 : messages.get(messages.size() - 1).offset());
            if (tracksPositions && partition >= 0) {
                started.add(partition);
            }
            if (messages.isEmpty()) {
                // a partition seen empty again before any message came means the whole rotation is idle: wait (the
                // set stays until a message comes, so an idle task waits before every poll, as it always did)
                return emptyPartitions.add(batch.partitionId());
            }
            emptyPartitions.clear();
            statistics.messagesPolled.add(messages.size());
            long last = messages.get(messages.size() - 1).offset();
            if (autoCommit) {
                partitionProgress.committed(last);
            }
            if (prefetching && running && messages.size() + pollCount <= configuration.getPollBatchSize()) {
                prefetched = pollAhead(partition, last, autoCommit);
            }
            boolean whole = configuration.isBatching()
                    ? processBatch(batch, partitionProgress)
                    : processEach(batch, partitionProgress);
            if (!whole) {
                dropPrefetched(); // it was sent for the offset after this batch, which is not where the task resumes
            }
            return true;
        } finally {
            release(messages.size());
        }
    }

    private CompletableFuture<PolledBatch> poll(long partition, PollingStart start, boolean autoCommit) {
        // pollingStrategy=last starts with the newest pollBatchSize messages, whole
        int count = start.kind() == PollingStart.Kind.LAST ? configuration.getPollBatchSize() : pollCount;
        return connection
                .poll(address, consumerRef, partition, start, count, autoCommit)
                .thenApply(polled -> {
                    hold(polled.messages().size());
                    return polled;
                });
    }

    /** Sends the poll after the batch in hand: the same partition from the next offset, or the next partition's. */
    private Prefetch pollAhead(long partition, long lastOffset, boolean autoCommit) throws Exception {
        if (!tracksPositions) {
            return new Prefetch(-1, poll(-1, PollingStart.next(), autoCommit));
        }
        long next = nextPartition();
        PollingStart start = next == partition ? PollingStart.offset(lastOffset + 1) : startFor(next);
        return new Prefetch(next, poll(next, start, autoCommit));
    }

    /** Forgets the poll sent ahead (its messages, when they come, are not processed). */
    private void dropPrefetched() {
        Prefetch dropped = prefetched;
        prefetched = null;
        if (dropped != null) {
            dropped.batch().thenAccept(polled -> release(polled.messages().size()));
        }
    }

    /**
     * Stopping: a poll sent ahead with auto-commit was committed by the server, so its messages are processed (not
     * lost); any other is dropped.
     */
    private void finishPrefetched() {
        if (prefetched == null) {
            return;
        }
        if (configuration.getCommitMode() == IggyCommitMode.onPoll && connection != null) {
            try {
                pollAndProcess();
            } catch (Exception e) {
                LOG.warn(
                        "Iggy consumer {} of {} could not process the batch it polled ahead: {}",
                        index,
                        address,
                        e.toString());
            }
        }
        dropPrefetched();
    }

    private void hold(int messages) {
        maxInHand.accumulateAndGet(inHand.addAndGet(messages), Math::max);
    }

    private void release(int messages) {
        inHand.addAndGet(-messages);
    }

    /** The partition to poll next: the group member's, found with an empty poll, or the next of the task's own. */
    private long nextPartition() throws Exception {
        if (group != null) {
            // an empty poll tells which partition the server hands this member next, and commits nothing
            PolledBatch probe = IggyFutures.await(
                    connection.poll(address, consumerRef, -1, PollingStart.next(), 0, false),
                    configuration.getConnectTimeout() * 2);
            // (partition 0, offset 0) may also mean "no partition for you": polling partition 0 then returns nothing
            return probe.partitionId();
        }
        long partition = ownPartitions.get(nextPartitionIndex % ownPartitions.size());
        nextPartitionIndex++;
        return partition;
    }

    private PollingStart startFor(long partition) {
        Long position = positions.get(partition);
        if (position != null) {
            return PollingStart.offset(position);
        }
        if (started.contains(partition)) {
            return PollingStart.next(); // after a reconnect: resume from the stored offset
        }
        return switch (configuration.getPollingStrategy()) {
            case next -> PollingStart.next();
            case first -> PollingStart.first();
            case last -> PollingStart.last();
            case offset -> PollingStart.offset(configuration.getStartOffset());
            case timestamp -> PollingStart.timestamp(configuration.getStartTimestamp() * 1000);
        };
    }

    /** Routes each message in order; false when it stopped before the end of the batch. */
    private boolean processEach(PolledBatch batch, IggyPartitionProgress partitionProgress) throws Exception {
        long partition = batch.partitionId();
        long done = -1;
        for (InboundMessage message : batch.messages()) {
            Exchange exchange = consumer.createExchange(false);
            try {
                converter.fill(exchange, message, partition);
                if (configuration.getCommitMode() == IggyCommitMode.manual) {
                    exchange.getMessage()
                            .setHeader(
                                    IggyConstants.MANUAL_COMMIT,
                                    new DefaultIggyManualCommit(
                                            connection,
                                            address,
                                            consumerRef,
                                            partition,
                                            message.offset(),
                                            configuration.getConnectTimeout() * 2,
                                            offset -> {
                                                partitionProgress.committed(offset);
                                                statistics.offsetsCommitted.increment();
                                            }));
                }
                routeExchange(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure != null) {
                statistics.processingErrors.increment();
                if (configuration.isBreakOnFirstError() && configuration.getCommitMode() != IggyCommitMode.onPoll) {
                    LOG.warn(
                            "Exchange for offset {} of partition {} of Iggy {} failed; it is polled again after a"
                                    + " backoff (breakOnFirstError): {}",
                            message.offset(),
                            partition,
                            address,
                            failure.toString());
                    commit(partition, done, partitionProgress);
                    if (tracksPositions) {
                        positions.put(partition, message.offset());
                    }
                    consumer.releaseExchange(exchange, false);
                    lastError = failure;
                    state = State.BACKING_OFF;
                    sleep(nextBackoff());
                    state = State.POLLING;
                    return false;
                }
                consumer.getExceptionHandler()
                        .handleException(
                                "Error processing the message at offset " + message.offset() + " of partition "
                                        + partition + " of Iggy " + address,
                                exchange,
                                failure);
            }
            consumer.releaseExchange(exchange, false);
            done = message.offset();
            if (tracksPositions) {
                positions.put(partition, done + 1);
            }
            if (!running && configuration.getCommitMode() != IggyCommitMode.onPoll) {
                // stopping: commit what is done, leave the rest to whoever polls next
                commit(partition, done, partitionProgress);
                return done == batch.messages().get(batch.messages().size() - 1).offset();
            }
        }
        commit(partition, done, partitionProgress);
        return true;
    }

    /** Routes the batch as one exchange; false when it failed and the batch is to be polled again. */
    private boolean processBatch(PolledBatch batch, IggyPartitionProgress partitionProgress) throws Exception {
        long partition = batch.partitionId();
        List<Exchange> children = new ArrayList<>(batch.messages().size());
        for (InboundMessage message : batch.messages()) {
            Exchange child = endpoint.createExchange();
            converter.fill(child, message, partition);
            children.add(child);
        }
        InboundMessage last = batch.messages().get(batch.messages().size() - 1);
        Exchange exchange = consumer.createExchange(false);
        exchange.getMessage().setBody(children);
        exchange.getMessage().setHeader(IggyConstants.STREAM, configuration.getStream());
        exchange.getMessage().setHeader(IggyConstants.TOPIC, configuration.getTopic());
        exchange.getMessage().setHeader(IggyConstants.PARTITION_ID, partition);
        exchange.getMessage().setHeader(IggyConstants.OFFSET, last.offset());
        exchange.getMessage().setHeader(IggyConstants.BATCH_SIZE, children.size());
        try {
            routeExchange(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        consumer.releaseExchange(exchange, false);
        if (failure != null) {
            statistics.processingErrors.increment();
            if (configuration.isBreakOnFirstError() && configuration.getCommitMode() != IggyCommitMode.onPoll) {
                if (tracksPositions) {
                    positions.put(partition, batch.messages().get(0).offset());
                }
                lastError = failure;
                state = State.BACKING_OFF;
                sleep(nextBackoff());
                state = State.POLLING;
                return false;
            }
            consumer.getExceptionHandler()
                    .handleException(
                            "Error processing a batch of " + children.size() + " messages up to offset " + last.offset()
                                    + " of partition " + partition + " of Iggy " + address,
                            exchange,
                            failure);
        }
        if (tracksPositions) {
            positions.put(partition, last.offset() + 1);
        }
        commit(partition, last.offset(), partitionProgress);
        return true;
    }

    /**
     * Routes the exchange and waits for it to complete: through the route's asynchronous processor, waiting only
     * when the route continues on another thread.
     */
    private void routeExchange(Exchange exchange) throws InterruptedException {
        routed.expect();
        if (!consumer.getAsyncProcessor().process(exchange, routed)) {
            try {
                routed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the loop sees it and stops
                throw e;
            }
        }
    }

    /** The completion of the exchange being routed; one per task, reused for every exchange. */
    private static final class Completion implements AsyncCallback {

        private boolean done;

        synchronized void expect() {
            done = false;
        }

        @Override
        public synchronized void done(boolean doneSync) {
            done = true;
            notifyAll();
        }

        synchronized void await() throws InterruptedException {
            while (!done) {
                wait();
            }
        }
    }

    /** With commitMode=afterProcessing, stores the offset of the last completed exchange (-1: nothing done). */
    private void commit(long partition, long offset, IggyPartitionProgress partitionProgress) throws Exception {
        if (offset < 0 || configuration.getCommitMode() != IggyCommitMode.afterProcessing) {
            return;
        }
        IggyFutures.await(
                connection.storeOffset(address, consumerRef, partition, offset), configuration.getConnectTimeout() * 2);
        partitionProgress.committed(offset);
        statistics.offsetsCommitted.increment();
    }

    private void onFailure(Exception e) {
        lastError = e;
        boolean connectionLost = e instanceof UncheckedIOException
                || e instanceof java.util.concurrent.TimeoutException
                || (e instanceof IggyServerException server && isSessionError(server.code()));
        if (connectionLost) {
            LOG.warn(
                    "Iggy consumer {} of {} lost its connection, reconnecting in {} ms: {}",
                    index,
                    address,
                    backoff,
                    e.getMessage());
            dropConnection();
        } else {
            LOG.warn("Iggy consumer {} of {} failed, retrying in {} ms: {}", index, address, backoff, e.toString());
        }
        state = State.BACKING_OFF;
        sleep(nextBackoff());
    }

    /** Errors after which only a new connection (log in, join again) helps. */
    private static boolean isSessionError(int code) {
        return code == IggyErrors.NOT_A_MEMBER
                || code == IggyErrors.STALE_CLIENT
                || code == IggyErrors.CLIENT_NOT_FOUND
                || code == IggyErrors.UNAUTHENTICATED;
    }

    private long nextBackoff() {
        long current = backoff;
        backoff = Math.min(configuration.getBackoffMax(), backoff * 2);
        return current;
    }

    private void dropConnection() {
        dropPrefetched();
        IggyConnection lost = connection;
        connection = null;
        if (lost != null) {
            lost.close();
        }
    }

    private void sleep(long millis) {
        if (millis <= 0 || !running) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Asks the loop to stop after the message in hand. */
    void stop() {
        running = false;
    }

    /** Closes a task that never ran (its consumer failed to start). */
    void abandon() {
        running = false;
        shutdown();
    }

    /** Waits for the loop to end (it commits, leaves and closes on its way out). */
    boolean awaitStopped(long timeoutMillis) throws InterruptedException {
        return finished.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void shutdown() {
        IggyConnection open = connection;
        connection = null;
        if (open != null) {
            try {
                if (group != null) {
                    IggyFutures.await(open.leaveGroup(address, group), configuration.getConnectTimeout());
                }
            } catch (Exception e) {
                LOG.debug("Iggy consumer {} of {} could not leave group {}: {}", index, address, group, e.toString());
            } finally {
                open.close();
            }
        }
        state = State.STOPPED;
    }

    public int index() {
        return index;
    }

    public State state() {
        return state;
    }

    public boolean isConnected() {
        return connection != null;
    }

    public Throwable lastError() {
        return lastError;
    }

    /** Messages polled and not yet processed: at most pollBatchSize. */
    public int messagesInHand() {
        return inHand.get();
    }

    /** The most messages this task ever held at once. */
    public int maxMessagesInHand() {
        return maxInHand.get();
    }

    public long lastPollAt() {
        return lastPollAt;
    }

    /** What the task knows of each partition it polled. */
    public Map<Long, IggyPartitionProgress> progress() {
        return progress;
    }
}
