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

import static dev.iggycamel.component.FakeIggyTransport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.FakeIggyTransport.Frame;
import dev.iggycamel.component.transport.IggyServerException;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.TopicAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch accumulator, driven through a real endpoint and producer over an in-memory transport that lets each
 * test decide when every send frame completes or fails.
 */
class IggySenderTest {

    private static final String URI = "iggy:orders/created";

    private DefaultCamelContext context;
    private FakeIggyTransport transport;
    private final List<IggyProducer> producers = new ArrayList<>();

    @BeforeEach
    void startCamel() {
        transport = new FakeIggyTransport();
        context = new DefaultCamelContext();
        IggyComponent component = new IggyComponent();
        component.setTransport(transport);
        context.addComponent("iggy", component);
        context.start();
    }

    @AfterEach
    void stopCamel() {
        // nothing waits on the test any more: acknowledge whatever is left so that stopping does not wait
        transport.autoAck(Duration.ZERO);
        for (IggyProducer producer : producers) {
            ServiceHelper.stopService(producer);
        }
        context.stop();
        transport.shutdown();
        assertThat(transport.handlerFailures)
                .as("exceptions thrown by the sender's handling of send results")
                .isEmpty();
    }

    @Test
    void aFrameHoldsAtMostBatchMaxMessages() throws Exception {
        IggyProducer producer = producer("maxInFlight=1&batchMaxMessages=10");

        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            sent.add(send(producer, "m" + i));
        }

        // the first goes at once; the others wait for the only in-flight slot
        assertThat(transport.frameSizes()).containsExactly(1);
        assertThat(sent).noneMatch(Sent::isDone);
        transport.frame(0).complete();
        assertThat(transport.frameSizes()).containsExactly(1, 10);
        transport.frame(1).complete();
        transport.frame(2).complete();
        assertThat(transport.frameSizes()).containsExactly(1, 10, 10, 5);
        transport.frame(3).complete();

        assertAllSucceeded(sent);
        assertThat(transport.payloads()).isEqualTo(bodies(sent));
        assertCompletedAfterTheirFrames(sent);
        assertThat(producerEndpoint().getStatistics().framesSent()).isEqualTo(4);
        assertThat(producerEndpoint().getStatistics().messagesSent()).isEqualTo(26);
    }

    @Test
    void aFrameHoldsAtMostBatchMaxBytesAndAnExchangeMayGoInSeveral() throws Exception {
        IggyProducer producer = producer("maxInFlight=1&batchMaxBytes=1000");
        // 80 bytes of header and index per message: 280 bytes each, three fit in 1000
        List<String> body = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            body.add(i + "x".repeat(199));
        }

        Sent sent = send(producer, body);

        for (int i = 0; i < 3; i++) {
            transport.awaitFrames(i + 1);
            transport.frame(i).complete();
        }
        transport.awaitFrames(4);
        pause();
        assertThat(sent.isDone())
                .as("the exchange completes with its last frame")
                .isFalse();
        transport.frame(3).complete();

        assertSucceeded(sent);
        assertThat(transport.frameSizes()).containsExactly(3, 3, 3, 1);
        assertThat(transport.frames).allSatisfy(f -> assertThat(f.frameBytes()).isLessThanOrEqualTo(1000));
        assertThat(transport.payloads()).isEqualTo(body);
    }

    @Test
    void aMessageLargerThanBatchMaxBytesGoesAlone() throws Exception {
        IggyProducer producer = producer("maxInFlight=1&batchMaxBytes=1000");
        String big = "B".repeat(2000);

        Sent alone = send(producer, big);
        transport.awaitFrames(1);
        transport.frame(0).complete();
        assertSucceeded(alone);

        Sent mixed = send(producer, List.of("small-1", big, "small-2"));
        for (int i = 1; i <= 3; i++) {
            transport.awaitFrames(i + 1);
            transport.frame(i).complete();
        }

        assertSucceeded(mixed);
        assertThat(transport.frames)
                .extracting(Frame::payloads)
                .containsExactly(List.of(big), List.of("small-1"), List.of(big), List.of("small-2"));
    }

    @Test
    void atMostMaxInFlightFramesAreOutstandingAndBalancedFramesOverlap() throws Exception {
        IggyProducer producer = producer("maxInFlight=3");

        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(send(producer, "m" + i));
        }
        assertThat(transport.outstanding())
                .as("balanced frames of one topic in flight together")
                .isEqualTo(3);

        completeFramesUntilDone(sent);

        assertAllSucceeded(sent);
        assertThat(transport.maxOutstanding()).isEqualTo(3);
        assertThat(transport.maxOutstandingPerKey()).isEqualTo(3);
        assertThat(transport.payloads()).containsExactlyInAnyOrderElementsOf(bodies(sent));
        assertCompletedAfterTheirFrames(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"partitionKey=device-1", "partitionId=2"})
    void aKeyedPartitioningHasOneFrameInFlightAndKeepsOrder(String partitioning) throws Exception {
        IggyProducer producer = producer("maxInFlight=4&batchMaxMessages=3&" + partitioning);

        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(send(producer, "m" + i));
        }
        assertThat(transport.outstanding()).isEqualTo(1);

        completeFramesUntilDone(sent);

        assertAllSucceeded(sent);
        assertThat(transport.maxOutstandingPerKey()).isEqualTo(1);
        assertThat(transport.frameSizes()).containsExactly(1, 3, 3, 3);
        assertThat(transport.payloads()).isEqualTo(bodies(sent));
        assertThat(transport.frames)
                .extracting(f -> f.partitioning.kind())
                .containsOnly(
                        partitioning.startsWith("partitionId")
                                ? OutboundPartitioning.Kind.PARTITION_ID
                                : OutboundPartitioning.Kind.MESSAGES_KEY);
    }

    @Test
    void differentKeysAreInFlightTogether() throws Exception {
        IggyProducer producer = producer("maxInFlight=4");

        Sent a1 = send(producer, "a1", Map.of(IggyConstants.PARTITION_KEY, "a"));
        Sent b1 = send(producer, "b1", Map.of(IggyConstants.PARTITION_KEY, "b"));
        Sent a2 = send(producer, "a2", Map.of(IggyConstants.PARTITION_KEY, "a"));
        Sent c1 = send(producer, "c1", Map.of(IggyConstants.PARTITION_KEY, "c"));

        // a2 waits behind a1; b1 and c1 need not
        assertThat(transport.frames)
                .extracting(Frame::payloads)
                .containsExactly(List.of("a1"), List.of("b1"), List.of("c1"));
        transport.frame(0).complete();
        assertThat(transport.frames).extracting(Frame::payloads).endsWith(List.of("a2"));
        completeFramesUntilDone(List.of(a1, b1, a2, c1));

        assertAllSucceeded(List.of(a1, b1, a2, c1));
        assertThat(transport.maxOutstanding()).isEqualTo(3);
        assertThat(transport.maxOutstandingPerKey()).isEqualTo(1);
    }

    @Test
    void anExchangeCompletesOnlyWhenItsFrameIsAcknowledged() throws Exception {
        IggyProducer producer = producer("");

        Sent sent = send(producer, "hello");
        transport.awaitFrames(1);
        pause();
        assertThat(sent.isDone()).isFalse();

        transport.frame(0).complete();

        assertSucceeded(sent);
        assertThat(sent.doneAt).isGreaterThanOrEqualTo(transport.frame(0).completedAt());
    }

    @Test
    void aFailedFrameFailsExactlyItsExchangesWithTheTransportsException() throws Exception {
        IggyProducer producer = producer("maxInFlight=2");

        Sent first = send(producer, "m0");
        Sent second = send(producer, "m1");
        Sent third = send(producer, "m2");
        Sent fourth = send(producer, "m3");
        assertThat(transport.frameSizes()).containsExactly(1, 1);

        IggyServerException refused = new IggyServerException(4022, "message payload too big (4022)", null);
        transport.frame(0).fail(refused);
        transport.frame(1).complete();
        transport.awaitFrames(3);
        assertThat(transport.frame(2).payloads()).containsExactly("m2", "m3");
        transport.frame(2).complete();

        assertFailed(first).isSameAs(refused);
        assertAllSucceeded(List.of(second, third, fourth));
        IggyEndpoint endpoint = producerEndpoint();
        assertThat(endpoint.getStatistics().sendErrors()).isEqualTo(1);
        assertThat(endpoint.getStatistics().framesSent()).isEqualTo(2);
        assertThat(endpoint.getStatistics().messagesSent()).isEqualTo(3);
        assertThat(endpoint.getSender().isHealthy())
                .as("the last frame succeeded")
                .isTrue();
    }

    @Test
    void anExchangeSpreadOverFramesFailsWhenOneOfItsFramesFails() throws Exception {
        IggyProducer producer = producer("maxInFlight=1&batchMaxMessages=2");
        Sent other = send(producer, "before");
        Sent spread = send(producer, List.of("s0", "s1", "s2", "s3", "s4"));
        Sent after = send(producer, "after");

        IllegalStateException broken = new IllegalStateException("connection reset");
        transport.frame(0).complete(); // before
        transport.frame(1).complete(); // s0 s1
        transport.frame(2).fail(broken); // s2 s3
        pause();
        assertThat(spread.isDone()).as("s4 is not acknowledged yet").isFalse();
        completeFramesUntilDone(List.of(other, spread, after));

        assertThat(transport.frames)
                .extracting(Frame::payloads)
                .containsExactly(List.of("before"), List.of("s0", "s1"), List.of("s2", "s3"), List.of("s4", "after"));
        assertSucceeded(other);
        assertFailed(spread).isSameAs(broken);
        assertSucceeded(after);
    }

    @Test
    void aSendThatThrowsFailsItsExchanges() throws Exception {
        IggyProducer producer = producer("");
        IllegalStateException closed = new IllegalStateException("connection closed");
        transport.throwOnNextSend(closed);

        Sent sent = send(producer, "m0");

        assertFailed(sent).isSameAs(closed);
        assertThat(producerEndpoint().getSender().lastError()).isSameAs(closed);
        assertThat(producerEndpoint().getSender().isHealthy()).isFalse();
    }

    @Test
    void lingerHoldsALoneMessageUntilItExpires() throws Exception {
        transport.autoAck(Duration.ZERO);
        IggyProducer producer = producer("lingerMs=300");

        long start = System.nanoTime();
        Sent sent = send(producer, "lonely");
        Thread.sleep(150);
        assertThat(transport.frames).as("held by lingerMs").isEmpty();

        assertSucceeded(sent);
        assertThat(transport.frames).hasSize(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(transport.frame(0).sentAt - start))
                .isBetween(300L, 3000L);
    }

    @Test
    void lingerEndsWhenTheBatchFills() throws Exception {
        transport.autoAck(Duration.ZERO);
        IggyProducer producer = producer("lingerMs=60000&batchMaxMessages=5");

        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(send(producer, "m" + i));
        }

        assertAllSucceeded(sent); // long before the minute of linger
        assertThat(transport.frameSizes()).containsExactly(5);
        Sent sixth = send(producer, "m5");
        pause();
        assertThat(transport.frames).hasSize(1);
        assertThat(sixth.isDone()).isFalse();
    }

    /**
     * A frame cut short by batchMaxBytes leaves a younger message at the head of the queue. It must still go once
     * its own linger expires, even when no other message arrives.
     */
    @Test
    void lingerSendsTheRestOfABatchCutByBatchMaxBytes() throws Exception {
        transport.autoAck(Duration.ZERO);
        IggyProducer producer = producer("lingerMs=200&batchMaxBytes=1000");
        String payload = "p".repeat(600); // 680 bytes a message: two make the queue full, but do not fit one frame

        Sent first = send(producer, "1" + payload.substring(1));
        Thread.sleep(50);
        Sent second = send(producer, "2" + payload.substring(1));

        assertSucceeded(first);
        assertThat(transport.frames).hasSize(1);
        // the second has waited its linger (200 ms) long before this times out
        assertSucceeded(second);
        assertThat(transport.frameSizes()).containsExactly(1, 1);
    }

    @Test
    void thousandExchangesFromSixteenThreadsGoInFewFrames() throws Exception {
        transport.autoAck(Duration.ofMillis(20));
        producerEndpoint(); // the endpoint with the default options: maxInFlight=4, lingerMs=0
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Exchange>> results = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        try {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                senders.add(CompletableFuture.runAsync(
                        () -> {
                            awaitLatch(go);
                            for (int i = next.getAndIncrement(); i < 1000; i = next.getAndIncrement()) {
                                String body = "m" + i;
                                results.add(template.asyncSend(
                                        URI, exchange -> exchange.getMessage().setBody(body)));
                            }
                        },
                        threads));
            }
            go.countDown();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
            template.stop();
        }

        assertThat(results).hasSize(1000);
        for (CompletableFuture<Exchange> result : results) {
            assertThat(result.get().getException()).isNull();
        }
        Set<String> payloads = new HashSet<>(transport.payloads());
        assertThat(transport.payloads()).hasSize(1000);
        assertThat(payloads).hasSize(1000);
        assertThat(transport.frames.size())
                .as("frames for 1000 messages, sizes " + transport.frameSizes())
                .isLessThanOrEqualTo(100);
        assertThat(transport.maxOutstanding()).isLessThanOrEqualTo(4);
        assertThat(producerEndpoint().getStatistics().messagesSent()).isEqualTo(1000);
    }

    /**
     * Exchanges whose messages span several frames, acknowledged from several threads while others are queued: each
     * completes exactly once, and only after every frame carrying one of its messages.
     */
    @Test
    void exchangesSpanningFramesCompleteOnceAfterAllTheirFramesUnderConcurrency() throws Exception {
        transport.autoAck(Duration.ofNanos(200_000));
        IggyProducer producer = producer("maxInFlight=4&batchMaxMessages=2");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        try {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                senders.add(CompletableFuture.runAsync(
                        () -> {
                            for (int i = 0; i < 250; i++) {
                                String id = thread + "-" + i + "-";
                                sent.add(send(producer, List.of(id + 0, id + 1, id + 2, id + 3, id + 4)));
                            }
                        },
                        threads));
            }
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
        }

        for (Sent one : sent) {
            assertSucceeded(one);
        }
        assertThat(transport.payloads()).hasSize(5 * 2000);
        assertCompletedAfterTheirFrames(sent);
    }

    @Test
    void theQueuedBytesBoundMakesAProducerWaitInsteadOfGrowing() throws Exception {
        // bound: batchMaxBytes x maxInFlight = 1000 bytes; 380 bytes a message
        IggyProducer producer = producer("maxInFlight=1&batchMaxBytes=1000");
        String payload = "q".repeat(300);

        Sent first = send(producer, "0" + payload.substring(1));
        Sent second = send(producer, "1" + payload.substring(1));
        Sent third = send(producer, "2" + payload.substring(1));
        IggySender sender = producerEndpoint().getSender();
        assertThat(sender.queuedBytes()).isEqualTo(760);

        AtomicLong returnedAt = new AtomicLong();
        List<Sent> fourth = new ArrayList<>();
        Thread blocked = new Thread(() -> {
            fourth.add(send(producer, "3" + payload.substring(1)));
            returnedAt.set(System.nanoTime());
        });
        blocked.start();
        Thread.sleep(300);
        assertThat(returnedAt.get())
                .as("the fourth producer call waits for room")
                .isZero();
        assertThat(blocked.getState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
        assertThat(sender.queuedBytes()).isEqualTo(760);

        transport.frame(0).complete(); // the two queued go in one frame, which makes room
        blocked.join(5000);
        assertThat(returnedAt.get()).isNotZero();
        assertThat(sender.queuedBytes()).isEqualTo(380);
        completeFramesUntilDone(List.of(first, second, third, fourth.get(0)));

        assertAllSucceeded(List.of(first, second, third, fourth.get(0)));
        assertThat(transport.frameSizes()).containsExactly(1, 2, 1);
        assertThat(sender.maxQueuedBytes())
                .as("the high-water mark stays within the bound")
                .isEqualTo(760);
        assertThat(sender.maxInFlight()).isEqualTo(1);
    }

    @Test
    void stoppingTheProducerFlushesWhatLingers() throws Exception {
        transport.autoAck(Duration.ofMillis(5));
        IggyProducer producer = producer("lingerMs=60000");
        List<Sent> sent = List.of(send(producer, "m0"), send(producer, "m1"), send(producer, "m2"));
        pause();
        assertThat(transport.frames).isEmpty();

        ServiceHelper.stopService(producer);

        assertAllSucceeded(sent);
        assertThat(transport.frameSizes()).containsExactly(3);
        assertThat(transport.closes.get()).isEqualTo(1);
    }

    @Test
    void stoppingTheProducerWaitsForFramesInFlightAndSendsTheQueue() throws Exception {
        IggyProducer producer = producer("maxInFlight=1");
        List<Sent> sent = List.of(send(producer, "m0"), send(producer, "m1"), send(producer, "m2"));
        assertThat(transport.frameSizes()).containsExactly(1);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> ServiceHelper.stopService(producer));
        pause();
        assertThat(stopped).isNotDone();
        transport.frame(0).complete();
        transport.awaitFrames(2);
        transport.frame(1).complete();
        stopped.get(10, TimeUnit.SECONDS);

        assertAllSucceeded(sent);
        assertThat(transport.frameSizes()).containsExactly(1, 2);
        assertThat(transport.closes.get()).isEqualTo(1);
    }

    /**
     * The race of the two tests above, made certain: the handler of a frame's acknowledgement has counted the frame
     * as done (so stopping stops waiting) but not yet handed its exchanges to the worker pool when stop() returns.
     * The exchange must still complete.
     */
    @Test
    void anAcknowledgementOvertakenByStopStillCompletesItsExchange() throws Exception {
        IggyProducer producer = producer("");
        Sent sent = send(producer, "m0");
        transport.awaitFrames(1);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> ServiceHelper.stopService(producer));
        pause();
        assertThat(stopped).as("stopping waits for the frame in flight").isNotDone();

        IllegalStateException refused = new IllegalStateException("refused");
        transport.frame(0).fail(new FakeIggyTransport.HeldFailure(refused, stopped::isDone, Duration.ofSeconds(1)));

        assertThat(stopped).succeedsWithin(Duration.ofSeconds(10));
        assertFailed(sent).isSameAs(refused);
    }

    /**
     * When stopping gives up waiting for an acknowledgement (after twice connectTimeout), the exchanges still in
     * flight must complete (failed): Camel requires every callback to be called, and a synchronous caller waits on
     * it forever otherwise.
     */
    @Test
    void stoppingCompletesTheExchangesOfFramesThatAreNeverAcknowledged() throws Exception {
        IggyProducer producer = producer("connectTimeout=100");
        Sent sent = send(producer, "m0");
        transport.awaitFrames(1);

        ServiceHelper.stopService(producer);

        assertThat(sent.done).succeedsWithin(Duration.ofSeconds(5));
        assertThat(sent.exchange.getException()).isNotNull();
    }

    // --- helpers

    /** An exchange handed to the producer, and what its callback did. */
    private static final class Sent {
        final Exchange exchange;
        final CompletableFuture<Exchange> done = new CompletableFuture<>();
        final AtomicInteger callbacks = new AtomicInteger();
        volatile long doneAt;

        Sent(Exchange exchange) {
            this.exchange = exchange;
        }

        boolean isDone() {
            return done.isDone();
        }
    }

    @Test
    void overrideTargetsAreProvisionedOncePerTopicNotPerMessage() throws Exception {
        transport.autoAck(Duration.ZERO);
        IggyProducer producer = producer("");
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(send(
                    producer,
                    "m" + i,
                    Map.of(IggyConstants.OVERRIDE_STREAM, "audit", IggyConstants.OVERRIDE_TOPIC, "copies")));
        }
        assertAllSucceeded(sent);

        assertThat(transport.ensuredTopics)
                .containsExactlyInAnyOrder(new TopicAddress("orders", "created"), new TopicAddress("audit", "copies"));
    }

    private IggyProducer producer(String options) throws Exception {
        IggyProducer producer = (IggyProducer) producerEndpoint(options).createProducer();
        producers.add(producer);
        ServiceHelper.startService(producer);
        return producer;
    }

    private IggyEndpoint producerEndpoint() {
        return producerEndpoint(lastOptions);
    }

    private String lastOptions = "";

    private IggyEndpoint producerEndpoint(String options) {
        lastOptions = options;
        return context.getEndpoint(options.isEmpty() ? URI : URI + "?" + options, IggyEndpoint.class);
    }

    private Sent send(IggyProducer producer, Object body) {
        return send(producer, body, Map.of());
    }

    private Sent send(IggyProducer producer, Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().getHeaders().putAll(new HashMap<>(headers));
        Sent sent = new Sent(exchange);
        boolean completedSynchronously = producer.process(exchange, doneSync -> {
            sent.doneAt = System.nanoTime();
            sent.callbacks.incrementAndGet();
            sent.done.complete(exchange);
        });
        assertThat(completedSynchronously).as("the producer is asynchronous").isFalse();
        return sent;
    }

    /** Completes the oldest outstanding frame, again and again, until every exchange is done. */
    private void completeFramesUntilDone(List<Sent> sent) {
        await(
                () -> {
                    for (Frame frame : transport.frames) {
                        if (!frame.isDone()) {
                            frame.complete();
                            break;
                        }
                    }
                    return sent.stream().allMatch(Sent::isDone);
                },
                "for every exchange to complete");
    }

    private static void assertSucceeded(Sent sent) throws Exception {
        assertThat(sent.done).succeedsWithin(Duration.ofSeconds(10));
        assertThat(sent.exchange.getException()).isNull();
        assertThat(sent.callbacks.get()).as("callbacks of one exchange").isEqualTo(1);
    }

    private static void assertAllSucceeded(List<Sent> sent) throws Exception {
        for (Sent one : sent) {
            assertSucceeded(one);
        }
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFailed(Sent sent) {
        assertThat(sent.done).succeedsWithin(Duration.ofSeconds(10));
        assertThat(sent.callbacks.get()).isEqualTo(1);
        return assertThat(sent.exchange.getException()).isNotNull();
    }

    /** Every exchange's callback ran after every frame that carried one of its messages was acknowledged. */
    private void assertCompletedAfterTheirFrames(List<Sent> sent) {
        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        for (Frame frame : transport.frames) {
            for (String payload : frame.payloads()) {
                acknowledgedAt.put(payload, frame.completedAt());
            }
        }
        for (Sent one : sent) {
            for (String payload : payloadsOf(one)) {
                assertThat(acknowledgedAt).containsKey(payload);
                assertThat(one.doneAt)
                        .as("callback of the exchange carrying " + payload + " after its frame's acknowledgement")
                        .isGreaterThanOrEqualTo(acknowledgedAt.get(payload));
            }
        }
    }

    private static List<String> payloadsOf(Sent sent) {
        Object body = sent.exchange.getMessage().getBody();
        List<String> payloads = new ArrayList<>();
        if (body instanceof List<?> list) {
            list.forEach(element -> payloads.add(element.toString()));
        } else {
            payloads.add(body.toString());
        }
        return payloads;
    }

    private static List<String> bodies(List<Sent> sent) {
        List<String> bodies = new ArrayList<>();
        for (Sent one : sent) {
            bodies.addAll(payloadsOf(one));
        }
        return bodies;
    }

    /** Long enough for a wrongly scheduled callback or frame to show. */
    private static void pause() throws InterruptedException {
        Thread.sleep(100);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
