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
package dev.iggycamel.benchmarks;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;

/**
 * How much the embedded server costs next to a sink that acknowledges without storing. The Iggy Java SDK 0.8.0
 * sends batches of 1000 messages (100 B and 1 KB) to both, the two interleaved in rounds in one JVM, so that
 * machine noise hits both alike; the result is the ratio embedded / null sink per round (median and spread). It
 * then polls what the embedded server stored, to compare poll and ingest rates.
 *
 * <p>Options: {@code --rounds N} (default 7), {@code --batches N} per case and round (default 200), {@code
 * --in-flight N} concurrent batches (default 4).
 */
public final class EmbeddedServerBenchmark {

    private static final int BATCH = 1000;
    private static final int[] SIZES = {100, 1000};

    private EmbeddedServerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = option(args, "--rounds", 7);
        int batches = option(args, "--batches", 200);
        int inFlight = option(args, "--in-flight", 4);
        System.out.printf(
                Locale.ROOT,
                "Embedded server vs null sink: %d rounds, %d batches of %d per case, %d in flight, %d cores, %s%n",
                rounds,
                batches,
                BATCH,
                inFlight,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (EmbeddedIggyServer embedded = EmbeddedIggyServer.builder()
                        .port(0)
                        .memoryLimit(Runtime.getRuntime().maxMemory() / 2)
                        .build()
                        .start();
                NullSinkServer sink = new NullSinkServer()) {
            AsyncIggyTcpClient toEmbedded = connect(embedded.port(), inFlight);
            AsyncIggyTcpClient toSink = connect(sink.port(), inFlight);
            toEmbedded.streams().createStream("bench").get();

            for (int size : SIZES) {
                List<Message> messages = batchOf(size);
                // warm-up, not measured
                sendAll(toSink, messages, batches / 2, inFlight);
                prepareTopic(toEmbedded);
                sendAll(toEmbedded, messages, batches / 2, inFlight);

                double[] embeddedRates = new double[rounds];
                double[] sinkRates = new double[rounds];
                double[] ratios = new double[rounds];
                double[] pollRates = new double[rounds];
                for (int round = 0; round < rounds; round++) {
                    boolean embeddedFirst = round % 2 == 0;
                    if (!embeddedFirst) {
                        sinkRates[round] = sendAll(toSink, messages, batches, inFlight);
                    }
                    prepareTopic(toEmbedded);
                    embeddedRates[round] = sendAll(toEmbedded, messages, batches, inFlight);
                    if (embeddedFirst) {
                        sinkRates[round] = sendAll(toSink, messages, batches, inFlight);
                    }
                    ratios[round] = embeddedRates[round] / sinkRates[round];
                    pollRates[round] = pollAll(toEmbedded, (long) batches * BATCH, inFlight);
                }
                report(size, embeddedRates, sinkRates, ratios, pollRates);
            }
            toEmbedded.close();
            toSink.close();
        }
    }

    private static AsyncIggyTcpClient connect(int port, int poolSize) throws Exception {
        AsyncIggyTcpClient client = AsyncIggyTcpClient.builder()
                .host("127.0.0.1")
                .port(port)
                .credentials("iggy", "iggy")
                .connectionPoolSize(poolSize)
                .build();
        client.connect().get();
        client.login().get();
        return client;
    }

    /** A fresh topic per round, so that stored data never piles up across rounds. */
    private static void prepareTopic(AsyncIggyTcpClient client) throws Exception {
        if (client.topics()
                .getTopic(StreamId.of("bench"), TopicId.of("t"))
                .get()
                .isPresent()) {
            client.topics().deleteTopic(StreamId.of("bench"), TopicId.of("t")).get();
        }
        client.topics()
                .createTopic(
                        StreamId.of("bench"),
                        1L,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        "t")
                .get();
    }

    /** Sends {@code batches} batches keeping {@code inFlight} outstanding; returns messages per second. */
    private static double sendAll(AsyncIggyTcpClient client, List<Message> messages, int batches, int inFlight)
            throws Exception {
        StreamId stream = StreamId.of("bench");
        TopicId topic = TopicId.of("t");
        long start = System.nanoTime();
        List<CompletableFuture<Void>> window = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            if (window.size() == inFlight) {
                window.remove(0).get();
            }
            window.add(client.messages().sendMessages(stream, topic, Partitioning.partitionId(0L), messages));
        }
        for (CompletableFuture<Void> pending : window) {
            pending.get();
        }
        return (double) batches * BATCH * 1e9 / (System.nanoTime() - start);
    }

    /**
     * Polls every stored message of the round's topic, 1000 at a time with {@code inFlight} polls outstanding (at
     * successive offsets, as the sends were); returns messages per second.
     */
    private static double pollAll(AsyncIggyTcpClient client, long expected, int inFlight) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<PolledMessages>> window = new ArrayList<>();
        long received = 0;
        for (long offset = 0; offset < expected; offset += BATCH) {
            if (window.size() == inFlight) {
                received += checked(window.remove(0).get());
            }
            window.add(client.messages()
                    .pollMessages(
                            StreamId.of("bench"),
                            TopicId.of("t"),
                            Optional.of(0L),
                            Consumer.of(1L),
                            PollingStrategy.offset(BigInteger.valueOf(offset)),
                            (long) BATCH,
                            false));
        }
        for (CompletableFuture<PolledMessages> pending : window) {
            received += checked(pending.get());
        }
        if (received != expected) {
            throw new IllegalStateException("polled " + received + " messages, the embedded server stored " + expected);
        }
        return expected * 1e9 / (System.nanoTime() - start);
    }

    private static int checked(PolledMessages polled) {
        if (polled.messages().size() != BATCH) {
            throw new IllegalStateException(
                    "a poll of " + BATCH + " returned " + polled.messages().size());
        }
        return polled.messages().size();
    }

    /** One batch of random alphanumeric payloads, reused for every send (as Iggy's own Java bench does). */
    private static List<Message> batchOf(int size) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        List<Message> messages = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            StringBuilder payload = new StringBuilder(size);
            for (int c = 0; c < size; c++) {
                payload.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
            }
            messages.add(Message.of(payload.toString()));
        }
        return Collections.unmodifiableList(messages);
    }

    private static void report(int size, double[] embedded, double[] sink, double[] ratios, double[] polls) {
        double[] pollToIngest = new double[polls.length];
        for (int i = 0; i < polls.length; i++) {
            pollToIngest[i] = polls[i] / embedded[i];
        }
        System.out.printf(
                Locale.ROOT,
                "%5d B x %d: embedded %,.0f msg/s, null sink %,.0f msg/s, ratio %.2f (IQR %.2f-%.2f, min %.2f);"
                        + " poll %,.0f msg/s = %.2f x ingest (IQR %.2f-%.2f)%n",
                size,
                BATCH,
                median(embedded),
                median(sink),
                median(ratios),
                quantile(ratios, 0.25),
                quantile(ratios, 0.75),
                Arrays.stream(ratios).min().orElse(0),
                median(polls),
                median(pollToIngest),
                quantile(pollToIngest, 0.25),
                quantile(pollToIngest, 0.75));
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Linear interpolation between the closest ranks. */
    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = q * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
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
