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
package dev.iggycamel.benchmarks.harness;

import dev.iggycamel.component.IggyConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Partitioning;

/**
 * camel-iggy routes, and the one-blocking-send-per-exchange design they replace. Each run builds its route on the
 * run's fresh topic before the clock starts and removes it afterwards.
 */
final class CamelScenarios {

    private CamelScenarios() {}

    /** The iggy endpoint URI of a topic, with extra options ({@code &a=b...}, may be empty). */
    static String iggyUri(BenchEnvironment env, String topic, String options) {
        return "iggy:" + env.stream() + "/" + topic + "?autoCreateStream=false&autoCreateTopic=false" + options;
    }

    /** Adds {@code from(direct:id).to(iggy:...)} and returns the direct endpoint. */
    private static Endpoint producerRoute(BenchEnvironment env, String id, String topic, String options)
            throws Exception {
        CamelContext camel = env.camel();
        String uri = iggyUri(env, topic, options);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id).to(uri);
            }
        });
        return camel.getEndpoint("direct:" + id);
    }

    private static void removeRoute(BenchEnvironment env, String id) throws Exception {
        CamelContext camel = env.camel();
        camel.getRouteController().stopRoute(id);
        camel.removeRoute(id);
        camel.removeEndpoints("iggy:*");
    }

    /** Builds a scenario's route on a topic and returns the endpoint to feed. */
    @FunctionalInterface
    private interface RouteOnTopic {
        Endpoint add(String topic) throws Exception;
    }

    /**
     * A producing run: a fresh topic, its route, {@code exchanges} exchanges of {@code perExchange} messages fed and
     * timed, then the route removed and the messages the server stored counted.
     */
    private static Sample produce(
            BenchEnvironment env,
            Scenario scenario,
            int round,
            RouteOnTopic route,
            ExchangeDriver driver,
            long exchanges,
            int perExchange,
            int senders,
            int window,
            LongFunction<Object> body)
            throws Exception {
        String topic = env.newTopic(scenario.id());
        Endpoint direct = route.add(topic);
        Meter meter = Meter.start();
        long failures = driver.send(direct, exchanges, senders, window, body);
        Meter.Reading reading = meter.stop();
        removeRoute(env, scenario.id());
        long stored = env.storedMessages(topic);
        env.deleteTopic(topic);
        long sent = exchanges * perExchange;
        return new Sample(
                scenario.id(), round, sent, sent * scenario.payloadSize(), reading, stored, failures * perExchange);
    }

    /** Exchanges whose body is a List of 1000 payloads: one send frame each, {@code inFlight} outstanding. */
    static final class ListBodies extends Scenario {

        private final String options;
        private final int inFlight;
        private final ExchangeDriver driver;

        ListBodies(String id, int payloadSize, long messages, int inFlight, String options, ExchangeDriver driver) {
            super(
                    id,
                    "camel-iggy producer, List bodies of " + Payloads.BATCH + " x " + payloadSize + " B, " + inFlight
                            + " exchanges outstanding" + describe(options),
                    payloadSize,
                    messages);
            this.options = options;
            this.inFlight = inFlight;
            this.driver = driver;
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            List<byte[]> batch = env.payloads(payloadSize()).batch();
            return produce(
                    env,
                    this,
                    round,
                    topic -> producerRoute(env, id(), topic, options + "&maxInFlight=" + inFlight),
                    driver,
                    messages() / Payloads.BATCH,
                    Payloads.BATCH,
                    1,
                    inFlight,
                    i -> batch);
        }
    }

    /**
     * One message per exchange from {@code senders} threads, each with {@code window} exchanges outstanding: the
     * producer batches whatever is queued into frames (lingerMs=0).
     */
    static final class AutoBatched extends Scenario {

        private final String options;
        private final int senders;
        private final int window;
        private final ExchangeDriver driver;

        AutoBatched(
                String id,
                int payloadSize,
                long messages,
                int senders,
                int window,
                String options,
                ExchangeDriver driver) {
            super(
                    id,
                    "camel-iggy producer, 1 x " + payloadSize + " B per exchange, " + senders + " senders x " + window
                            + " outstanding, batched by the producer" + describe(options),
                    payloadSize,
                    messages);
            this.options = options;
            this.senders = senders;
            this.window = window;
            this.driver = driver;
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            Payloads payloads = env.payloads(payloadSize());
            return produce(
                    env,
                    this,
                    round,
                    topic -> producerRoute(env, id(), topic, options),
                    driver,
                    messages(),
                    1,
                    senders,
                    window,
                    payloads::get);
        }
    }

    /**
     * The upstream design, for the ratio: a processor that sends each exchange with a blocking SDK client
     * ({@code IggyTcpClient}) borrowed from a pool of {@code poolSize}, one request per exchange, fed by
     * {@code senders} threads.
     */
    static final class BlockingPerExchange extends Scenario {

        private final int senders;
        private final int poolSize;
        private final ExchangeDriver driver;
        private BlockingQueue<IggyTcpClient> pool;

        BlockingPerExchange(
                String id, int payloadSize, long messages, int senders, int poolSize, ExchangeDriver driver) {
            super(
                    id,
                    "blocking SDK send per exchange (upstream design), 1 x " + payloadSize + " B, " + senders
                            + " senders, pool of " + poolSize + " blocking clients",
                    payloadSize,
                    messages);
            this.senders = senders;
            this.poolSize = poolSize;
            this.driver = driver;
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            if (pool == null) {
                pool = new ArrayBlockingQueue<>(poolSize);
                for (int i = 0; i < poolSize; i++) {
                    pool.add(IggyTcpClient.builder()
                            .host(env.server().host())
                            .port(env.server().port())
                            .credentials(env.server().username(), env.server().password())
                            .buildAndLogin());
                }
            }
            Payloads payloads = env.payloads(payloadSize());
            return produce(
                    env,
                    this,
                    round,
                    topic -> blockingRoute(env, topic),
                    driver,
                    messages(),
                    1,
                    senders,
                    1,
                    payloads::get);
        }

        /** {@code from(direct:id).process(a blocking send of the body with a pooled client)}. */
        private Endpoint blockingRoute(BenchEnvironment env, String topic) throws Exception {
            StreamId stream = StreamId.of(env.stream());
            TopicId topicId = TopicId.of(topic);
            env.camel().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:" + id()).routeId(id()).process(exchange -> {
                        byte[] payload = exchange.getMessage().getBody(byte[].class);
                        IggyTcpClient client = pool.take();
                        try {
                            client.messages()
                                    .sendMessages(
                                            stream, topicId, Partitioning.balanced(), List.of(SdkMessages.of(payload)));
                        } finally {
                            pool.add(client);
                        }
                    });
                }
            });
            return env.camel().getEndpoint("direct:" + id());
        }

        @Override
        void close() {
            if (pool != null) {
                pool.forEach(IggyTcpClient::close);
            }
        }
    }

    /**
     * The camel-iggy consumer draining a pre-filled topic into a counting processor ({@code pollBatchSize=1000}, one
     * poll task). The route starts before the clock: its first exchange waits at a gate until the clock runs.
     */
    static final class Consume extends Scenario {

        private final String options;

        Consume(String id, int payloadSize, long messages, String commitMode, String options) {
            super(
                    id,
                    "camel-iggy consumer, commitMode=" + commitMode + ", pollBatchSize=" + Payloads.BATCH + ", "
                            + payloadSize + " B" + describe(options),
                    payloadSize,
                    messages);
            this.options = "&consumerName=bench&pollingStrategy=first&pollBatchSize=" + Payloads.BATCH + "&commitMode="
                    + commitMode + options;
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            String topic = env.newTopic(id());
            env.prefill(topic, env.payloads(payloadSize()), messages());
            CountDownLatch arrived = new CountDownLatch(1);
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch drained = new CountDownLatch(1);
            AtomicLong next = new AtomicLong();
            LongAdder inOrder = new LongAdder();
            LongAdder bytes = new LongAdder();
            long expected = messages();
            String uri = iggyUri(env, topic, options);
            env.camel().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId(id()).autoStartup(false).process(exchange -> {
                        if (gate.getCount() > 0) {
                            arrived.countDown();
                            gate.await();
                        }
                        count(exchange, next, inOrder, bytes);
                        if (next.get() >= expected) {
                            drained.countDown();
                        }
                    });
                }
            });
            env.camel().getRouteController().startRoute(id());
            if (!arrived.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the consumer of " + topic + " got nothing in 60 s");
            }
            Meter meter = Meter.start();
            gate.countDown();
            if (!drained.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the consumer got " + next.get() + " of " + expected + " in 120 s");
            }
            Meter.Reading reading = meter.stop();
            removeRoute(env, id());
            env.deleteTopic(topic);
            long failures = bytes.sum() == expected * payloadSize() ? 0 : 1;
            return new Sample(id(), round, next.get(), bytes.sum(), reading, inOrder.sum(), failures);
        }

        private static void count(Exchange exchange, AtomicLong next, LongAdder inOrder, LongAdder bytes) {
            if (exchange.getMessage().getBody() instanceof List<?> children) {
                // batching=true: one exchange per poll, its body the polled messages as exchanges
                for (Object child : children) {
                    count((Exchange) child, next, inOrder, bytes);
                }
                return;
            }
            Long offset = exchange.getMessage().getHeader(IggyConstants.OFFSET, Long.class);
            if (offset != null && offset == next.get()) {
                inOrder.increment();
            }
            bytes.add(exchange.getMessage().getBody(byte[].class).length);
            next.incrementAndGet();
        }
    }

    /**
     * Camel alone, for reference: exchanges with a 100 B body routed through {@code direct → process} (a counter), no
     * Iggy. With one sender and a window of one it is the most exchanges one Camel thread routes (the ceiling of a
     * consumer that makes one exchange per message); with the auto-batched scenario's senders and windows, the
     * ceiling of that scenario.
     */
    static final class CamelOnly extends Scenario {

        private final int senders;
        private final int window;
        private final boolean asynchronous;
        private final ExchangeDriver driver;

        CamelOnly(
                String id,
                int payloadSize,
                long messages,
                int senders,
                int window,
                boolean asynchronous,
                ExchangeDriver driver) {
            super(
                    id,
                    "Camel alone (no Iggy): direct -> process(count"
                            + (asynchronous ? ", completed in batches of 1000 on another thread" : "") + "), 1 x "
                            + payloadSize + " B per exchange, " + senders + " sender(s) x " + window + " outstanding",
                    payloadSize,
                    messages);
            this.senders = senders;
            this.window = window;
            this.asynchronous = asynchronous;
            this.driver = driver;
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            LongAdder bytes = new LongAdder();
            try (BatchCompleter completer = asynchronous ? new BatchCompleter() : null) {
                env.camel().addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        if (completer != null) {
                            from("direct:" + id()).routeId(id()).process(completer.counting(bytes));
                        } else {
                            from("direct:" + id())
                                    .routeId(id())
                                    .process(exchange ->
                                            bytes.add(exchange.getMessage().getBody(byte[].class).length));
                        }
                    }
                });
                Endpoint direct = env.camel().getEndpoint("direct:" + id());
                Payloads payloads = env.payloads(payloadSize());
                Meter meter = Meter.start();
                long failures = driver.send(direct, messages(), senders, window, payloads::get);
                Meter.Reading reading = meter.stop();
                removeRoute(env, id());
                long delivered = bytes.sum() / payloadSize();
                return new Sample(id(), round, messages(), messages() * payloadSize(), reading, delivered, failures);
            }
        }
    }

    /**
     * An asynchronous processor that completes exchanges the way a batching producer does: callbacks are collected
     * and completed by one other thread, up to 1000 at a time (as one acknowledged frame would complete them).
     */
    static final class BatchCompleter implements AutoCloseable {

        private final LinkedBlockingQueue<AsyncCallback> waiting = new LinkedBlockingQueue<>();
        private final Thread completer = new Thread(this::complete, "bench-completer");
        private volatile boolean running = true;

        BatchCompleter() {
            completer.setDaemon(true);
            completer.start();
        }

        AsyncProcessor counting(LongAdder bytes) {
            return new AsyncProcessorSupport() {
                @Override
                public boolean process(Exchange exchange, AsyncCallback callback) {
                    bytes.add(exchange.getMessage().getBody(byte[].class).length);
                    waiting.add(callback);
                    return false;
                }
            };
        }

        private void complete() {
            List<AsyncCallback> batch = new ArrayList<>(Payloads.BATCH);
            while (running) {
                try {
                    AsyncCallback first = waiting.poll(10, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    waiting.drainTo(batch, Payloads.BATCH - 1);
                    batch.forEach(callback -> callback.done(false));
                    batch.clear();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            running = false;
            completer.interrupt();
        }
    }

    private static String describe(String options) {
        return options.isEmpty() ? "" : " (" + options.substring(1) + ")";
    }
}
