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

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.component.IggyConsumer;
import dev.iggycamel.component.IggyEndpoint;
import dev.iggycamel.component.IggyPollTask;
import dev.iggycamel.component.IggySender;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;

/**
 * Run by {@link MemoryBoundsIT} in a JVM with a small heap: pushes {@code gib} GiB through a camel-iggy producer
 * (default options: batchMaxBytes 1 MiB, maxInFlight 4) and, at the same time, a consumer (two poll tasks,
 * pollBatchSize 100), each message a freshly allocated payload, in chunks of one topic each that are deleted once
 * drained (so the server keeps one chunk at a time). Every message is checked byte for byte. It prints {@code RESULT
 * name value} lines: bytes produced and consumed, messages lost or duplicated, and the most the producer queued and
 * kept in flight and the most messages each poll task held.
 *
 * <p>Arguments: {@code port transportType gib chunks messageBytes}.
 */
public final class MemoryBoundsWorkload {

    static final int POLL_BATCH_SIZE = 100;
    static final int CONSUMERS = 2;
    /** Senders and exchanges each keeps outstanding: 4 x 256 x 8 KiB offered is twice the producer's bound. */
    static final int SENDERS = 4;

    static final int WINDOW = 256;

    private MemoryBoundsWorkload() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String transport = args[1];
        long total = (long) (Double.parseDouble(args[2]) * (1L << 30));
        int chunks = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        long perChunk = total / chunks / size;
        ExecutorService senders = Executors.newFixedThreadPool(4);
        AsyncIggyTcpClient admin = AsyncIggyTcpClient.builder()
                .host("127.0.0.1")
                .port(port)
                .credentials("iggy", "iggy")
                .build();
        admin.connect().get(10, TimeUnit.SECONDS);
        admin.login().get(10, TimeUnit.SECONDS);
        CamelContext camel = new DefaultCamelContext();
        IggyComponent iggy = camel.getComponent("iggy", IggyComponent.class);
        iggy.getConfiguration().setHost("127.0.0.1");
        iggy.getConfiguration().setPort(port);
        iggy.getConfiguration().setTransportType(transport);
        camel.start();
        long produced = 0;
        long consumed = 0;
        long lost = 0;
        long duplicated = 0;
        long corrupt = 0;
        long mostQueued = 0;
        int mostInFlight = 0;
        int mostHeldByATask = 0;
        int mostHeldByAll = 0;
        long mostDirect = 0;
        long started = System.nanoTime();
        try {
            for (int chunk = 0; chunk < chunks; chunk++) {
                String topic = "chunk" + chunk;
                BitSet seen = new BitSet((int) perChunk);
                AtomicLong received = new AtomicLong();
                AtomicLong receivedBytes = new AtomicLong();
                AtomicLong twice = new AtomicLong();
                AtomicLong broken = new AtomicLong();
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:" + topic)
                                .routeId("produce-" + topic)
                                .to("iggy:memory/" + topic + "?partitions=" + CONSUMERS);
                        from("iggy:memory/" + topic + "?consumerName=bounds&consumersCount=" + CONSUMERS
                                        + "&pollBatchSize=" + POLL_BATCH_SIZE + "&pollIntervalMs=5")
                                .routeId("consume-" + topic)
                                .process(exchange -> {
                                    byte[] payload = exchange.getMessage().getBody(byte[].class);
                                    long sequence = ByteBuffer.wrap(payload)
                                            .order(ByteOrder.LITTLE_ENDIAN)
                                            .getLong();
                                    if (payload.length != size || !intact(payload, sequence)) {
                                        broken.incrementAndGet();
                                    }
                                    synchronized (seen) {
                                        if (seen.get((int) sequence)) {
                                            twice.incrementAndGet();
                                        }
                                        seen.set((int) sequence);
                                    }
                                    receivedBytes.addAndGet(payload.length);
                                    received.incrementAndGet();
                                });
                    }
                });
                IggySender sender = camel.getEndpoint(
                                "iggy:memory/" + topic + "?partitions=" + CONSUMERS, IggyEndpoint.class)
                        .getSender();
                List<IggyPollTask> tasks =
                        ((IggyConsumer) camel.getRoute("consume-" + topic).getConsumer()).getTasks();
                long failures = new ExchangeDriver(senders)
                        .send(camel.getEndpoint("direct:" + topic), perChunk, SENDERS, WINDOW, i -> payloadOf(i, size));
                long deadline = System.currentTimeMillis() + 120_000;
                while (received.get() < perChunk && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }
                mostQueued = Math.max(mostQueued, sender.maxQueuedBytes());
                mostInFlight = Math.max(mostInFlight, sender.maxInFlight());
                int heldByAll = 0;
                for (IggyPollTask task : tasks) {
                    mostHeldByATask = Math.max(mostHeldByATask, task.maxMessagesInHand());
                    heldByAll += task.maxMessagesInHand();
                }
                mostHeldByAll = Math.max(mostHeldByAll, heldByAll);
                camel.getRouteController().stopRoute("consume-" + topic);
                camel.getRouteController().stopRoute("produce-" + topic);
                camel.removeRoute("consume-" + topic);
                camel.removeRoute("produce-" + topic);
                camel.removeEndpoints("iggy:*");
                admin.topics()
                        .deleteTopic(StreamId.of("memory"), TopicId.of(topic))
                        .get(30, TimeUnit.SECONDS);
                mostDirect = Math.max(mostDirect, directBytes());
                produced += (perChunk - failures) * size;
                consumed += receivedBytes.get();
                lost += perChunk - seen.cardinality();
                duplicated += twice.get();
                corrupt += broken.get() + failures;
                System.out.printf(
                        Locale.ROOT,
                        "chunk %d: %d messages of %d B, received %d, heap used %d MiB of %d MiB, direct buffers %d MiB%n",
                        chunk,
                        perChunk,
                        size,
                        received.get(),
                        (Runtime.getRuntime().totalMemory()
                                        - Runtime.getRuntime().freeMemory())
                                >> 20,
                        Runtime.getRuntime().maxMemory() >> 20,
                        directBytes() >> 20);
            }
        } finally {
            camel.stop();
            admin.close().get(10, TimeUnit.SECONDS);
            senders.shutdownNow();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        result("heapMaxBytes", Runtime.getRuntime().maxMemory());
        result("producedBytes", produced);
        result("consumedBytes", consumed);
        result("lost", lost);
        result("duplicated", duplicated);
        result("corruptOrFailed", corrupt);
        result("producerMaxQueuedBytes", mostQueued);
        result("producerMaxInFlight", mostInFlight);
        result("consumerMaxHeldByATask", mostHeldByATask);
        result("consumerMaxHeldByAllTasks", mostHeldByAll);
        result("directBufferBytes", mostDirect);
        result("seconds", seconds);
        System.exit(0);
    }

    /** The i-th payload: its sequence number, then bytes that depend on it and on their position. */
    static byte[] payloadOf(long sequence, int size) {
        byte[] payload = new byte[size];
        ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).putLong(sequence);
        for (int i = 8; i < payload.length; i++) {
            payload[i] = (byte) (sequence * 31 + i);
        }
        return payload;
    }

    private static boolean intact(byte[] payload, long sequence) {
        for (int i = 8; i < payload.length; i++) {
            if (payload[i] != (byte) (sequence * 31 + i)) {
                return false;
            }
        }
        return true;
    }

    /** Bytes of direct buffers (Netty's pools) the JVM holds. */
    static long directBytes() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        return -1;
    }

    private static void result(String name, long value) {
        System.out.println("RESULT " + name + " " + value);
    }
}
