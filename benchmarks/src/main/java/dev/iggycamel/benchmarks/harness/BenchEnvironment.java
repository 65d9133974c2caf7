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

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.topic.CompressionAlgorithm;

/**
 * What every scenario shares: the server, an admin client (topics, pre-filling, counting what was stored), the Camel
 * context, the payloads. Each scenario run gets a fresh topic of one partition, deleted afterwards.
 */
final class BenchEnvironment implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 120;

    private final IggyServer server;
    private final CamelContext camel;
    private final String stream;
    private final AsyncIggyTcpClient admin;
    private final ConcurrentHashMap<Integer, Payloads> payloads = new ConcurrentHashMap<>();
    private final AtomicInteger topics = new AtomicInteger();

    BenchEnvironment(IggyServer server, CamelContext camel) throws Exception {
        this.server = server;
        this.camel = camel;
        this.stream = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        this.admin = sdkClient(1);
        get(admin.streams().createStream(stream));
    }

    /** A connected, logged-in SDK client with a pool of {@code connections}. */
    AsyncIggyTcpClient sdkClient(int connections) throws Exception {
        AsyncIggyTcpClient client = AsyncIggyTcpClient.builder()
                .host(server.host())
                .port(server.port())
                .credentials(server.username(), server.password())
                .connectionPoolSize(connections)
                .build();
        get(client.connect());
        get(client.login());
        return client;
    }

    IggyServer server() {
        return server;
    }

    CamelContext camel() {
        return camel;
    }

    String stream() {
        return stream;
    }

    Payloads payloads(int size) {
        return payloads.computeIfAbsent(size, s -> new Payloads(s, s));
    }

    /** Creates a fresh topic of one partition and returns its name. */
    String newTopic(String scenario) throws Exception {
        String name = "t" + topics.incrementAndGet() + "-" + scenario;
        get(admin.topics()
                .createTopic(
                        StreamId.of(stream),
                        1L,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        name));
        return name;
    }

    void deleteTopic(String topic) throws Exception {
        get(admin.topics().deleteTopic(StreamId.of(stream), TopicId.of(topic)));
    }

    /** How many messages the server stored in the topic. */
    long storedMessages(String topic) throws Exception {
        return get(admin.topics().getTopic(StreamId.of(stream), TopicId.of(topic)))
                .orElseThrow(() -> new IllegalStateException("topic " + topic + " is gone"))
                .messagesCount()
                .longValue();
    }

    /** Sends {@code count} messages of the given payloads to the topic, a batch of 1000 at a time, 4 in flight. */
    void prefill(String topic, Payloads source, long count) throws Exception {
        List<Message> batch = SdkMessages.of(source);
        Deque<CompletableFuture<Void>> window = new ArrayDeque<>();
        for (long sent = 0; sent < count; sent += Payloads.BATCH) {
            if (window.size() == 4) {
                get(window.poll());
            }
            List<Message> messages = count - sent >= Payloads.BATCH ? batch : batch.subList(0, (int) (count - sent));
            window.add(admin.messages()
                    .sendMessages(StreamId.of(stream), TopicId.of(topic), Partitioning.balanced(), messages));
        }
        while (!window.isEmpty()) {
            get(window.poll());
        }
        long stored = storedMessages(topic);
        if (stored != count) {
            throw new IllegalStateException("pre-filled " + count + " messages, the server stored " + stored);
        }
    }

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            get(admin.streams().deleteStream(StreamId.of(stream)));
        } finally {
            admin.close().get(10, TimeUnit.SECONDS);
        }
    }
}
