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
package dev.iggycamel.component.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.component.IggyConstants;
import dev.iggycamel.component.IggyConsumer;
import dev.iggycamel.component.IggyManualCommit;
import dev.iggycamel.component.IggyPollTask;
import dev.iggycamel.testinfra.IggyTestClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer against a real-protocol server: groups, commit modes, errors, strategies, shutdown. */
class IggyConsumerIT extends IggyITSupport {

    private final String stream = uniqueStream();
    private IggyTestClient iggyClient;
    private final List<CamelContext> extraContexts = new ArrayList<>();

    @BeforeEach
    void connect() {
        iggyClient = new IggyTestClient(iggy);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (CamelContext extra : extraContexts) {
            extra.stop();
        }
        context.stop();
        iggyClient.deleteStream(stream);
        iggyClient.close();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void twoCamelContextsInOneGroupSplitTheTopicAndGetEveryMessageOnce() throws Exception {
        iggyClient.createTopic(stream, "t", 4);
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        Set<String> byFirst = ConcurrentHashMap.newKeySet();
        Set<String> bySecond = ConcurrentHashMap.newKeySet();
        String uri = "iggy:" + stream + "/t?consumerGroup=g&pollBatchSize=50&pollIntervalMs=20";
        context.addRoutes(recorder(uri, seen, byFirst));
        context.start();
        CamelContext second = secondContext();
        second.addRoutes(recorder(uri, seen, bySecond));
        second.start();
        produce("t", 4, 2000);

        await(() -> seen.size() == 2000, 20_000);

        assertThat(seen).hasSize(2000);
        assertThat(seen.values()).as("every message exactly once").containsOnly(1);
        assertThat(byFirst).isNotEmpty();
        assertThat(bySecond).isNotEmpty();
        assertThat(Collections.disjoint(byFirst, bySecond)).isTrue();
    }

    @Test
    void aConsumerStoppedMidBatchResumesWithoutLossOnRestart() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 300);
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        CountDownLatch halfway = new CountDownLatch(1);
        AtomicInteger processed = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&pollBatchSize=100")
                        .routeId("reader")
                        .process(e -> {
                            seen.merge(key(e), 1, Integer::sum);
                            int n = processed.incrementAndGet();
                            if (n == 150) {
                                halfway.countDown();
                            } else if (n > 150) {
                                Thread.sleep(5); // slow enough that the stop below lands mid-batch
                            }
                        });
            }
        });
        context.start();
        assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
        context.getRouteController().stopRoute("reader");
        int beforeRestart = seen.size();
        assertThat(beforeRestart).isLessThan(300);

        context.getRouteController().startRoute("reader");
        await(() -> seen.size() == 300, 10_000);

        assertThat(seen).hasSize(300);
        int duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(duplicates)
                .as("redelivered: at most the uncommitted tail of a batch")
                .isLessThanOrEqualTo(100);
        // the offset is stored once the batch that finished the 300 completes: wait for it
        await(() -> iggyClient.groupOffset(stream, "t", "g", 0) == 299, 10_000);
        assertThat(iggyClient.groupOffset(stream, "t", "g", 0)).isEqualTo(299);
    }

    @Test
    void aSingleConsumerPollsAheadAndNeverHoldsMoreThanPollBatchSize() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 2000);
        List<Long> offsets = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerName=solo&pollBatchSize=100")
                        .routeId("solo")
                        .process(e -> {
                            offsets.add(e.getMessage().getHeader(IggyConstants.OFFSET, Long.class));
                            if (offsets.size() % 20 == 0) {
                                Thread.sleep(1); // slow enough that the next poll lands while a batch is in hand
                            }
                        });
            }
        });
        context.start();
        List<IggyPollTask> tasks = ((IggyConsumer) context.getRoute("solo").getConsumer()).getTasks();
        await(() -> offsets.size() == 2000, 20_000);
        await(() -> consumerOffset("solo", 0) == 1999, 10_000);

        assertThat(offsets).hasSize(2000);
        for (int i = 0; i < offsets.size(); i++) {
            assertThat(offsets.get(i)).as("in order, once each").isEqualTo(i);
        }
        assertThat(tasks.get(0).maxMessagesInHand())
                .as("two polls of 50 in hand at once: the next was sent before the batch was processed")
                .isGreaterThan(50)
                .isLessThanOrEqualTo(100);
        assertThat(tasks.get(0).messagesInHand()).isZero();
    }

    @Test
    void anOnPollConsumerStoppedMidStreamDeliversEveryMessageTheServerCommitted() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 1000);
        List<Long> offsets = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerName=solo&commitMode=onPoll&pollBatchSize=100")
                        .routeId("solo")
                        .process(e -> {
                            offsets.add(e.getMessage().getHeader(IggyConstants.OFFSET, Long.class));
                            if (offsets.size() == 250) {
                                started.countDown();
                            }
                            if (offsets.size() > 250) {
                                Thread.sleep(2); // the stop lands while a poll sent ahead is committed
                            }
                        });
            }
        });
        context.start();
        List<IggyPollTask> tasks = ((IggyConsumer) context.getRoute("solo").getConsumer()).getTasks();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        context.getRouteController().stopRoute("solo");

        long committed = consumerOffset("solo", 0);
        assertThat(committed).isBetween(250L, 998L);
        assertThat(offsets)
                .as("every message up to the offset the server committed at poll time was delivered, once")
                .hasSize((int) committed + 1);
        for (int i = 0; i < offsets.size(); i++) {
            assertThat(offsets.get(i)).isEqualTo(i);
        }
        assertThat(tasks.get(0).maxMessagesInHand()).isLessThanOrEqualTo(100);
    }

    @Test
    void manualCommitStoresOnlyWhatTheRouteCommits() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 50);
        List<Long> offsets = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&commitMode=manual&pollBatchSize=10")
                        .routeId("reader")
                        .process(e -> {
                            long offset = e.getMessage().getHeader(IggyConstants.OFFSET, Long.class);
                            offsets.add(offset);
                            if (offset < 25) {
                                e.getMessage()
                                        .getHeader(IggyConstants.MANUAL_COMMIT, IggyManualCommit.class)
                                        .commit();
                            }
                        });
            }
        });
        context.start();
        await(() -> offsets.size() >= 50, 10_000);
        context.getRouteController().stopRoute("reader");
        assertThat(iggyClient.groupOffset(stream, "t", "g", 0)).isEqualTo(24);

        offsets.clear();
        context.getRouteController().startRoute("reader");
        await(() -> offsets.size() >= 25, 10_000);

        assertThat(offsets.get(0)).as("redelivery starts after the last commit").isEqualTo(25);
        assertThat(offsets).hasSize(25);
    }

    @Test
    void onPollCommitsWhenPolledSoAFailedExchangeIsNotRedelivered() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 20);
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&commitMode=onPoll&pollBatchSize=5")
                        .routeId("reader")
                        .process(e -> {
                            attempts.incrementAndGet();
                            if (e.getMessage().getHeader(IggyConstants.OFFSET, Long.class) == 7) {
                                throw new IllegalStateException("boom");
                            }
                        });
            }
        });
        context.start();
        await(() -> iggyClient.groupOffset(stream, "t", "g", 0) == 19, 10_000);
        Thread.sleep(500);

        assertThat(attempts.get())
                .as("each message exactly once, the failed one too")
                .isEqualTo(20);
    }

    @Test
    void breakOnFirstErrorRetriesTheFailedMessageAndKeepsOrder() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 20);
        List<Long> processed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&breakOnFirstError=true&pollBatchSize=10&backoff=50")
                        .routeId("reader")
                        .process(e -> {
                            long offset = e.getMessage().getHeader(IggyConstants.OFFSET, Long.class);
                            if (offset == 5 && failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("not yet");
                            }
                            processed.add(offset);
                        });
            }
        });
        context.start();
        await(() -> processed.size() >= 20, 10_000);

        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertThat(processed)
                .as("in order, none skipped, the failed one only once it succeeded")
                .isEqualTo(expected);
        assertThat(failuresLeft.get()).isNegative();
        await(() -> iggyClient.groupOffset(stream, "t", "g", 0) == 19, 5_000);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterChannelAndTheRestContinue() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messages.add(Message.of(i == 4 ? "poison" : "ok " + i));
        }
        iggyClient.send(stream, "t", 0, messages);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("iggy:" + stream + "/t?consumerGroup=g")
                        .routeId("reader")
                        .process(e -> {
                            if ("poison".equals(e.getMessage().getBody(String.class))) {
                                throw new IllegalArgumentException("cannot digest");
                            }
                        })
                        .to("mock:ok");
            }
        });
        MockEndpoint ok = context.getEndpoint("mock:ok", MockEndpoint.class);
        MockEndpoint dead = context.getEndpoint("mock:dead", MockEndpoint.class);
        ok.expectedMessageCount(9);
        dead.expectedBodiesReceived("poison".getBytes(StandardCharsets.UTF_8));
        context.start();

        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, ok, dead);
        await(() -> iggyClient.groupOffset(stream, "t", "g", 0) == 9, 5_000);
    }

    @Test
    void aConsumerWithoutGroupReadsOnlyItsPartitions() throws Exception {
        iggyClient.createTopic(stream, "t", 3);
        for (int partition = 0; partition < 3; partition++) {
            iggyClient.send(stream, "t", partition, List.of(Message.of("p" + partition), Message.of("p" + partition)));
        }
        List<Long> partitions = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerName=solo&consumerPartitions=0,2&consumersCount=2")
                        .process(e -> partitions.add(e.getMessage().getHeader(IggyConstants.PARTITION_ID, Long.class)));
            }
        });
        context.start();
        await(() -> partitions.size() >= 4, 10_000);
        Thread.sleep(300);

        assertThat(partitions).containsExactlyInAnyOrder(0L, 0L, 2L, 2L);
    }

    @Test
    void pollingStrategiesChooseWhereToStart() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 30);
        Map<String, List<Long>> firstOffsets = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                String base = "iggy:" + stream + "/t?pollBatchSize=10&consumerName=";
                from(base + "a&pollingStrategy=first").process(e -> record(firstOffsets, "first", e));
                from(base + "b&pollingStrategy=last").process(e -> record(firstOffsets, "last", e));
                from(base + "c&pollingStrategy=offset&startOffset=12").process(e -> record(firstOffsets, "offset", e));
                from(base + "d&pollingStrategy=next").process(e -> record(firstOffsets, "next", e));
            }
        });
        context.start();
        await(() -> firstOffsets.size() == 4, 10_000);

        assertThat(firstOffsets.get("first").get(0)).isZero();
        assertThat(firstOffsets.get("last").get(0))
                .as("the last pollBatchSize messages")
                .isEqualTo(20);
        assertThat(firstOffsets.get("offset").get(0)).isEqualTo(12);
        assertThat(firstOffsets.get("next").get(0)).isZero();
    }

    @Test
    void batchingDeliversListsAndCommitsEachWhole() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        produce("t", 1, 25);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&batching=true&pollBatchSize=10")
                        .process(e -> {
                            List<?> body = e.getMessage().getBody(List.class);
                            Exchange firstChild = (Exchange) body.get(0);
                            assertThat(firstChild.getMessage().getHeader(IggyConstants.OFFSET))
                                    .isNotNull();
                            sizes.add(body.size());
                        });
            }
        });
        context.start();
        await(() -> sizes.stream().mapToInt(Integer::intValue).sum() == 25, 10_000);

        assertThat(sizes).containsExactly(10, 10, 5);
        await(() -> iggyClient.groupOffset(stream, "t", "g", 0) == 24, 5_000);
    }

    @Test
    void consumedExchangesCarryTheIggyHeadersAndTypedUserHeaders() throws Exception {
        iggyClient.createTopic(stream, "t", 1);
        UUID id = UUID.randomUUID();
        Message message = Message.of(
                "payload",
                Map.of(
                        HeaderKey.fromString("count"), HeaderValue.fromInt32(3),
                        HeaderKey.fromString("flag"), HeaderValue.fromBool(true),
                        HeaderKey.fromString("CamelHttpUri"), HeaderValue.fromString("http://evil")));
        iggyClient.send(stream, "t", 0, List.of(message));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g").to("mock:out");
            }
        });
        MockEndpoint out = context.getEndpoint("mock:out", MockEndpoint.class);
        out.expectedMessageCount(1);
        context.start();
        out.assertIsSatisfied(10_000);

        org.apache.camel.Message in = out.getExchanges().get(0).getMessage();
        assertThat(in.getBody(byte[].class)).isEqualTo("payload".getBytes(StandardCharsets.UTF_8));
        assertThat(in.getHeader(IggyConstants.STREAM)).isEqualTo(stream);
        assertThat(in.getHeader(IggyConstants.TOPIC)).isEqualTo("t");
        assertThat(in.getHeader(IggyConstants.PARTITION_ID)).isEqualTo(0L);
        assertThat(in.getHeader(IggyConstants.OFFSET)).isEqualTo(0L);
        assertThat(in.getHeader(IggyConstants.MESSAGE_ID))
                .isInstanceOf(UUID.class)
                .isNotEqualTo(id);
        assertThat(in.getHeader(IggyConstants.TIMESTAMP, Long.class)).isGreaterThan(1_700_000_000_000_000L);
        assertThat(in.getHeader(IggyConstants.CONSUMER_GROUP)).isEqualTo("g");
        assertThat(in.getHeader("count")).isEqualTo(3);
        assertThat(in.getHeader("flag")).isEqualTo(true);
        assertThat(in.getHeader("CamelHttpUri"))
                .as("filtered: never steers Camel")
                .isNull();
    }

    @Test
    void stoppingCommitsAndLeavesTheGroup() throws Exception {
        iggyClient.createTopic(stream, "t", 2);
        produce("t", 2, 40);
        AtomicInteger count = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:" + stream + "/t?consumerGroup=g&consumersCount=2")
                        .routeId("reader")
                        .process(e -> count.incrementAndGet());
            }
        });
        context.start();
        await(() -> count.get() == 40, 10_000);
        assertThat(iggyClient.group(stream, "t", "g").orElseThrow().membersCount())
                .isEqualTo(2);

        context.getRouteController().stopRoute("reader");

        assertThat(iggyClient.group(stream, "t", "g").orElseThrow().membersCount())
                .isZero();
        assertThat(iggyClient.groupOffset(stream, "t", "g", 0)).isEqualTo(19);
        assertThat(iggyClient.groupOffset(stream, "t", "g", 1)).isEqualTo(19);
    }

    private CamelContext secondContext() {
        CamelContext second = new DefaultCamelContext();
        IggyComponent component = second.getComponent("iggy", IggyComponent.class);
        component.getConfiguration().setHost(iggy.host());
        component.getConfiguration().setPort(iggy.port());
        component.getConfiguration().setUsername(iggy.username());
        component.getConfiguration().setPassword(iggy.password());
        extraContexts.add(second);
        return second;
    }

    @Test
    void anEmptyPartitionDoesNotHoldUpTheBacklogOfAnother() throws Exception {
        // one task reads both partitions; partition 0 stays empty. With a wait after every empty poll, 3000
        // messages in batches of 100 behind a 2 s interval would take about a minute; the task must wait only
        // when all of its partitions came back empty.
        iggyClient.createTopic(stream, "t", 2);
        List<Message> backlog = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            backlog.add(Message.of("m" + i));
        }
        for (int from = 0; from < backlog.size(); from += 500) {
            iggyClient.send(stream, "t", 1, backlog.subList(from, from + 500));
        }
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        String uri = "iggy:" + stream + "/t?consumerGroup=g&pollBatchSize=100&pollIntervalMs=2000";
        context.addRoutes(recorder(uri, seen, ConcurrentHashMap.newKeySet()));
        context.start();

        await(() -> seen.size() == 3000, 20_000);

        assertThat(seen).hasSize(3000);
        assertThat(seen.keySet()).allMatch(key -> key.startsWith("1:"));
        assertThat(seen.values()).containsOnly(1);
    }

    private RouteBuilder recorder(String uri, Map<String, Integer> seen, Set<String> mine) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                    seen.merge(key(e), 1, Integer::sum);
                    mine.add(key(e));
                });
            }
        };
    }

    /** Sends {@code count} messages spread over the partitions, in batches. */
    private void produce(String topic, int partitions, int count) {
        for (int partition = 0; partition < partitions; partition++) {
            List<Message> batch = new ArrayList<>();
            for (int i = partition; i < count; i += partitions) {
                batch.add(Message.of("m" + i));
                if (batch.size() == 500) {
                    iggyClient.send(stream, topic, partition, batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                iggyClient.send(stream, topic, partition, batch);
            }
        }
    }

    /** A single (named) consumer's stored offset on a partition of topic t, or -1. */
    private long consumerOffset(String consumer, long partition) {
        return iggyClient
                .sdk()
                .consumerOffsets()
                .getConsumerOffset(
                        StreamId.of(stream),
                        TopicId.of("t"),
                        Optional.of(partition),
                        org.apache.iggy.consumergroup.Consumer.of(ConsumerId.of(consumer)))
                .map(info -> info.storedOffset().longValue())
                .orElse(-1L);
    }

    private static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(IggyConstants.PARTITION_ID) + ":"
                + exchange.getMessage().getHeader(IggyConstants.OFFSET);
    }

    private static void record(Map<String, List<Long>> offsets, String name, Exchange exchange) {
        offsets.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>()))
                .add(exchange.getMessage().getHeader(IggyConstants.OFFSET, Long.class));
    }

    static void await(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }
}
