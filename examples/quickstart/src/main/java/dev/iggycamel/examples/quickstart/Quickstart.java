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
package dev.iggycamel.examples.quickstart;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;

/**
 * Sends messages to an Iggy server (the embedded one, unless {@code IGGY_HOST} is set), consumes them with two
 * members of a consumer group, shows progress, and ends with a summary: sent, received, lost. Exits with 1 when
 * anything was lost.
 *
 * <p>Options: {@code --messages N} (default 20000), {@code --batch N} (default 500), {@code --partitions N}
 * (default 3). Environment: {@code IGGY_HOST}, {@code IGGY_PORT} (8090), {@code IGGY_USERNAME}, {@code
 * IGGY_PASSWORD} (iggy/iggy).
 */
public final class Quickstart {

    private static final String GROUP = "quickstart-readers";
    private static final int CONSUMERS = 2;

    private Quickstart() {}

    public static void main(String[] args) throws Exception {
        int messages = option(args, "--messages", 20_000);
        int batch = option(args, "--batch", 500);
        int partitions = option(args, "--partitions", 3);
        String host = System.getenv("IGGY_HOST");
        EmbeddedIggyServer embedded = null;
        int port;
        if (host == null || host.isBlank()) {
            embedded = EmbeddedIggyServer.builder().port(0).build().start();
            host = embedded.host();
            port = embedded.port();
            System.out.println("Started the embedded Iggy server on " + embedded.address());
        } else {
            port = Integer.parseInt(env("IGGY_PORT", "8090"));
            System.out.println("Using the Iggy server at " + host + ":" + port);
        }
        String username = env("IGGY_USERNAME", "iggy");
        String password = env("IGGY_PASSWORD", "iggy");
        String streamName = "quickstart-" + System.currentTimeMillis();
        StreamId stream = StreamId.of(streamName);
        TopicId topic = TopicId.of("events");

        List<AsyncIggyTcpClient> clients = new ArrayList<>();
        int exitCode;
        try {
            AsyncIggyTcpClient admin = connect(host, port, username, password, clients);
            admin.streams().createStream(streamName).get();
            admin.topics()
                    .createTopic(
                            stream,
                            (long) partitions,
                            CompressionAlgorithm.None,
                            BigInteger.ZERO,
                            BigInteger.ZERO,
                            Optional.empty(),
                            "events")
                    .get();
            admin.consumerGroups().createConsumerGroup(stream, topic, GROUP).get();
            System.out.printf(
                    Locale.ROOT,
                    "Stream %s, topic events with %d partitions, consumer group %s%n",
                    streamName,
                    partitions,
                    GROUP);

            long started = System.nanoTime();
            int sent = send(admin, stream, topic, messages, batch);
            double sendSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT, "Sent %,d messages in batches of %d: %,.0f msg/s%n", sent, batch, sent / sendSeconds);

            List<AsyncIggyTcpClient> members = new ArrayList<>();
            for (int i = 0; i < CONSUMERS; i++) {
                // consumer-group membership belongs to a connection: one connection per member
                AsyncIggyTcpClient member = connect(host, port, username, password, clients, 1);
                member.consumerGroups()
                        .joinConsumerGroup(stream, topic, ConsumerId.of(GROUP))
                        .get();
                members.add(member);
            }
            Received received = consume(members, stream, topic, sent, partitions);
            double totalSeconds = (System.nanoTime() - started) / 1e9;

            int lost = sent - received.unique();
            System.out.println("Summary");
            System.out.printf(Locale.ROOT, "  sent:       %,d%n", sent);
            System.out.printf(
                    Locale.ROOT, "  received:   %,d (%,d duplicates)%n", received.total(), received.duplicates());
            System.out.printf(Locale.ROOT, "  lost:       %,d%n", lost);
            System.out.printf(Locale.ROOT, "  partitions: %s%n", received.perPartition());
            System.out.printf(Locale.ROOT, "  members:    %s%n", received.perMember());
            System.out.printf(Locale.ROOT, "  took:       %.2f s%n", totalSeconds);
            admin.streams().deleteStream(stream).get();
            exitCode = lost == 0 ? 0 : 1;
        } finally {
            List<CompletableFuture<Void>> closing = new ArrayList<>();
            for (AsyncIggyTcpClient client : clients) {
                closing.add(client.close());
            }
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
            if (embedded != null) {
                embedded.close();
            }
        }
        System.exit(exitCode);
    }

    /** Sends {@code count} messages keyed by device, so each device's messages stay in order on one partition. */
    private static int send(AsyncIggyTcpClient client, StreamId stream, TopicId topic, int count, int batch)
            throws Exception {
        int sent = 0;
        while (sent < count) {
            int size = Math.min(batch, count - sent);
            for (int device = 0; device < 10; device++) {
                List<Message> messages = new ArrayList<>();
                for (int i = sent; i < sent + size; i++) {
                    if (i % 10 == device) {
                        String json = "{\"seq\":" + i + ",\"device\":\"device-" + device + "\"}";
                        messages.add(Message.of(json, Map.of(HeaderKey.fromString("seq"), HeaderValue.fromInt64(i))));
                    }
                }
                if (!messages.isEmpty()) {
                    client.messages()
                            .sendMessages(stream, topic, Partitioning.messagesKey("device-" + device), messages)
                            .get();
                }
            }
            sent += size;
        }
        return sent;
    }

    record Received(int total, int unique, int duplicates, Map<Long, Integer> perPartition, List<Integer> perMember) {}

    /** Polls with every member in turn (next offset, committed on poll) until all messages arrived or time runs out. */
    private static Received consume(
            List<AsyncIggyTcpClient> members, StreamId stream, TopicId topic, int expected, int partitions)
            throws Exception {
        BitSet seen = new BitSet(expected);
        AtomicLong total = new AtomicLong();
        int duplicates = 0;
        Map<Long, Integer> perPartition = new TreeMap<>();
        int[] perMember = new int[members.size()];
        long started = System.nanoTime();
        long lastReport = started;
        long deadline = started + 60_000_000_000L;
        int idleRounds = 0;
        while (seen.cardinality() < expected && System.nanoTime() < deadline) {
            boolean any = false;
            for (int m = 0; m < members.size(); m++) {
                PolledMessages polled = members.get(m)
                        .messages()
                        .pollMessages(
                                stream,
                                topic,
                                Optional.empty(),
                                Consumer.group(ConsumerId.of(GROUP)),
                                PollingStrategy.next(),
                                1000L,
                                true)
                        .get();
                for (Message message : polled.messages()) {
                    int seq = (int) message.userHeaders()
                            .get(HeaderKey.fromString("seq"))
                            .asInt64();
                    if (seen.get(seq)) {
                        duplicates++;
                    }
                    seen.set(seq);
                    total.incrementAndGet();
                    perMember[m]++;
                    perPartition.merge(polled.partitionId(), 1, Integer::sum);
                    any = true;
                    String payload = new String(message.payload(), StandardCharsets.UTF_8);
                    if (!payload.contains("\"seq\":" + seq + ",")) {
                        throw new IllegalStateException("message " + seq + " carries " + payload);
                    }
                }
            }
            idleRounds = any ? 0 : idleRounds + 1;
            if (idleRounds > 0) {
                Thread.sleep(Math.min(100, 10L * idleRounds));
            }
            long now = System.nanoTime();
            if (now - lastReport > 500_000_000L || seen.cardinality() == expected) {
                double seconds = (now - started) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "  received %,d / %,d (%,.0f msg/s)%n",
                        seen.cardinality(),
                        expected,
                        seen.cardinality() / Math.max(seconds, 1e-3));
                lastReport = now;
            }
        }
        List<Integer> counts = new ArrayList<>();
        for (int count : perMember) {
            counts.add(count);
        }
        if (perPartition.size() > partitions) {
            throw new IllegalStateException("messages came from unknown partitions: " + perPartition);
        }
        return new Received((int) total.get(), seen.cardinality(), duplicates, perPartition, counts);
    }

    private static AsyncIggyTcpClient connect(
            String host, int port, String username, String password, List<AsyncIggyTcpClient> clients)
            throws Exception {
        return connect(host, port, username, password, clients, 4);
    }

    private static AsyncIggyTcpClient connect(
            String host, int port, String username, String password, List<AsyncIggyTcpClient> clients, int pool)
            throws Exception {
        AsyncIggyTcpClient client = AsyncIggyTcpClient.builder()
                .host(host)
                .port(port)
                .credentials(username, password)
                .connectionPoolSize(pool)
                .build();
        client.connect().get();
        client.login().get();
        clients.add(client);
        return client;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
