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
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;

/** The Iggy Java SDK 0.8.0 alone ({@code AsyncIggyTcpClient}): the reference every ratio is taken against. */
final class RawSdkScenarios {

    private RawSdkScenarios() {}

    /** Pre-built batches of 1000 messages, {@code inFlight} sends outstanding on a pool of as many connections. */
    static final class BatchSend extends Scenario {

        private final int inFlight;
        private AsyncIggyTcpClient client;
        private List<Message> batch;

        BatchSend(String id, int payloadSize, long messages, int inFlight) {
            super(
                    id,
                    "raw SDK sendMessages, " + Payloads.BATCH + " x " + payloadSize + " B per request, " + inFlight
                            + " requests in flight",
                    payloadSize,
                    messages);
            this.inFlight = inFlight;
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            if (client == null) {
                client = env.sdkClient(inFlight);
                batch = SdkMessages.of(env.payloads(payloadSize()));
            }
            String topic = env.newTopic(id());
            StreamId stream = StreamId.of(env.stream());
            TopicId topicId = TopicId.of(topic);
            long batches = messages() / Payloads.BATCH;
            long failures = 0;
            Deque<CompletableFuture<Void>> window = new ArrayDeque<>();
            Meter meter = Meter.start();
            for (long i = 0; i < batches; i++) {
                if (window.size() == inFlight) {
                    failures += settle(window.poll());
                }
                window.add(client.messages().sendMessages(stream, topicId, Partitioning.balanced(), batch));
            }
            while (!window.isEmpty()) {
                failures += settle(window.poll());
            }
            Meter.Reading reading = meter.stop();
            long stored = env.storedMessages(topic);
            env.deleteTopic(topic);
            return new Sample(
                    id(),
                    round,
                    batches * Payloads.BATCH,
                    batches * Payloads.BATCH * payloadSize(),
                    reading,
                    stored,
                    failures);
        }

        @Override
        void close() throws Exception {
            if (client != null) {
                client.close().get();
            }
        }
    }

    /** One message per request, each awaited before the next (the SDK's round trip, alone). */
    static final class SingleSend extends Scenario {

        private AsyncIggyTcpClient client;

        SingleSend(String id, int payloadSize, long messages) {
            super(id, "raw SDK sendMessages, 1 message per request, awaited", payloadSize, messages);
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            if (client == null) {
                client = env.sdkClient(1);
            }
            Payloads payloads = env.payloads(payloadSize());
            String topic = env.newTopic(id());
            StreamId stream = StreamId.of(env.stream());
            TopicId topicId = TopicId.of(topic);
            long failures = 0;
            Meter meter = Meter.start();
            for (long i = 0; i < messages(); i++) {
                failures += settle(client.messages()
                        .sendMessages(
                                stream, topicId, Partitioning.balanced(), List.of(SdkMessages.of(payloads.get(i)))));
            }
            Meter.Reading reading = meter.stop();
            long stored = env.storedMessages(topic);
            env.deleteTopic(topic);
            return new Sample(id(), round, messages(), messages() * payloadSize(), reading, stored, failures);
        }

        @Override
        void close() throws Exception {
            if (client != null) {
                client.close().get();
            }
        }
    }

    /**
     * A poll loop over a pre-filled topic: {@value Payloads#BATCH} messages per poll from the next offset, with the
     * server committing each poll (auto-commit), one poll at a time, every message's offset and size checked. The
     * clock starts after the first poll answered, as for the Camel consumer (which is started before the clock).
     */
    static final class PollLoop extends Scenario {

        private AsyncIggyTcpClient client;

        PollLoop(String id, int payloadSize, long messages) {
            super(
                    id,
                    "raw SDK pollMessages loop, " + Payloads.BATCH + " per poll, offset strategy, auto-commit",
                    payloadSize,
                    messages);
        }

        @Override
        Sample run(BenchEnvironment env, int round) throws Exception {
            if (client == null) {
                client = env.sdkClient(1);
            }
            String topic = env.newTopic(id());
            env.prefill(topic, env.payloads(payloadSize()), messages());
            StreamId stream = StreamId.of(env.stream());
            TopicId topicId = TopicId.of(topic);
            Consumer consumer = Consumer.of(ConsumerId.of("raw-poll"));
            long next = 0;
            long bytes = 0;
            long inOrder = 0;
            Meter meter = null;
            while (next < messages()) {
                PolledMessages polled = BenchEnvironment.get(client.messages()
                        .pollMessages(
                                stream,
                                topicId,
                                Optional.of(0L),
                                consumer,
                                PollingStrategy.offset(BigInteger.valueOf(next)),
                                (long) Payloads.BATCH,
                                true));
                if (meter == null) {
                    meter = Meter.start();
                }
                if (polled.messages().isEmpty()) {
                    throw new IllegalStateException("an empty poll at offset " + next + " of " + messages());
                }
                for (Message message : polled.messages()) {
                    if (message.header().offset().longValue() == next) {
                        inOrder++;
                    }
                    bytes += message.payload().length;
                    next++;
                }
            }
            Meter.Reading reading = meter.stop();
            env.deleteTopic(topic);
            long failures = bytes == messages() * payloadSize() ? 0 : 1;
            return new Sample(id(), round, next, bytes, reading, inOrder, failures);
        }

        @Override
        void close() throws Exception {
            if (client != null) {
                client.close().get();
            }
        }
    }

    /** 0 when the request succeeded, 1 when it failed. */
    static long settle(CompletableFuture<?> future) throws InterruptedException {
        try {
            BenchEnvironment.get(future);
            return 0;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return 1;
        }
    }
}
