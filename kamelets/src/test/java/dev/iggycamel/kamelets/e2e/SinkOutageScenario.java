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
package dev.iggycamel.kamelets.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iggy.message.Message;

/**
 * The delivery promise of a sink pipe (iggy-source into a sink Kamelet), proven the same way for every sink: the first
 * {@link #N} messages arrive and are committed; while the far side is down, the next {@link #MORE} wait in Iggy
 * uncommitted and nothing more arrives; once it is back, every message has arrived exactly once and is committed.
 *
 * <p>The test says what to send, how to point the sink Kamelet at the far side, how to take it down, and how to read
 * it: {@link #arrivedCount} counts what arrived, {@link #assertArrived} checks that exactly the first n messages
 * arrived as the sink promises (contents, order, keys). The consumer group is the pipe's name.
 */
final class SinkOutageScenario {

    static final int N = 1000;
    static final int MORE = 100;

    /** The Iggy messages {@code from} (inclusive) to {@code to} (exclusive) that the test sends. */
    interface Messages {
        List<Message> range(int from, int to);
    }

    /** How many messages have arrived at the far side so far. */
    interface Count {
        long get() throws Exception;
    }

    /** Asserts that the far side holds exactly the first {@code count} messages, as the sink delivers them. */
    interface Check {
        void assertHolds(int count) throws Exception;
    }

    private final PipeTestSupport test;
    private final String pipe;
    private final String stream;
    private final Map<String, String> sinkProperties = new LinkedHashMap<>();
    private String topic = "events";
    private Duration outageLasts = Duration.ofSeconds(3);
    private Duration arrivalTimeout = Duration.ofSeconds(60);
    private Messages messages;
    private Outage outage;
    private Count arrived;
    private Check check;

    /** The scenario of the pipe file {@code pipe}, reading the Iggy stream {@code stream} (created here). */
    SinkOutageScenario(PipeTestSupport test, String pipe, String stream) {
        this.test = test;
        this.pipe = pipe;
        this.stream = stream;
    }

    /** The topic the messages are sent to; "events" unless set. */
    SinkOutageScenario topic(String topic) {
        this.topic = topic;
        return this;
    }

    SinkOutageScenario sending(Messages messages) {
        this.messages = messages;
        return this;
    }

    /** An override of the sink Kamelet's properties, such as the address of the far side (or of its proxy). */
    SinkOutageScenario sinkProperty(String name, String value) {
        sinkProperties.put(name, value);
        return this;
    }

    SinkOutageScenario sinkProperties(Map<String, String> properties) {
        sinkProperties.putAll(properties);
        return this;
    }

    SinkOutageScenario outage(Outage outage) {
        this.outage = outage;
        return this;
    }

    /** How long the far side stays down before the test checks that nothing moved; 3 s unless set. */
    SinkOutageScenario outageLasts(Duration outageLasts) {
        this.outageLasts = outageLasts;
        return this;
    }

    /** How long the first messages, and later the rest, may take to arrive; 60 s unless set. */
    SinkOutageScenario arrivalTimeout(Duration arrivalTimeout) {
        this.arrivalTimeout = arrivalTimeout;
        return this;
    }

    SinkOutageScenario arrivedCount(Count arrived) {
        this.arrived = arrived;
        return this;
    }

    SinkOutageScenario assertArrived(Check check) {
        this.check = check;
        return this;
    }

    void run() throws Exception {
        Objects.requireNonNull(messages, "sending");
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(arrived, "arrivedCount");
        Objects.requireNonNull(check, "assertArrived");
        String group = pipe;
        test.client.createTopic(stream, topic, 1);
        test.client.send(stream, topic, 0, messages.range(0, N));

        Map<String, String> properties = PipeTestSupport.iggyProperties("iggy-source", stream, topic);
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.putAll(sinkProperties);
        long started = System.nanoTime();
        test.startPipe(pipe, properties);

        awaitArrived(N);
        test.awaitCommitted(stream, topic, group, N - 1);
        System.out.printf("%s: %d messages in %d ms%n", pipe, N, (System.nanoTime() - started) / 1_000_000);
        check.assertHolds(N);

        // the far side goes down: the next messages wait in Iggy, their offsets are not committed, nothing arrives
        outage.down();
        try {
            test.client.send(stream, topic, 0, messages.range(N, N + MORE));
            Thread.sleep(outageLasts.toMillis());
            assertThat(test.client.groupOffset(stream, topic, group, 0))
                    .as("offset of %s while the far side is down", group)
                    .isEqualTo(N - 1);
            if (outage.farSideReadableWhileDown()) {
                assertThat(arrived.get())
                        .as("arrived while the far side is down")
                        .isEqualTo(N);
            }
        } finally {
            outage.up();
        }

        // back: every message arrives exactly once and is committed
        awaitArrived(N + MORE);
        test.awaitCommitted(stream, topic, group, N + MORE - 1);
        check.assertHolds(N + MORE);
    }

    private void awaitArrived(int count) throws InterruptedException {
        PipeTestSupport.await(arrivalTimeout, () -> count() >= count, () -> count() + " of " + count + " arrived");
    }

    private long count() {
        try {
            return arrived.get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count what arrived", e);
        }
    }
}
