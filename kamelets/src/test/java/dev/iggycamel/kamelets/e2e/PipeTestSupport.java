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

import dev.iggycamel.kamelets.Pipes;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import dev.iggycamel.testinfra.IggyTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a pipe file from {@code kamelets/pipes/} unchanged except for overridden Kamelet properties, against the Iggy
 * server of the test infrastructure (embedded by default), and checks Iggy from outside with the official SDK.
 */
abstract class PipeTestSupport {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    protected IggyTestClient client;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void connect() {
        client = new IggyTestClient(iggy);
    }

    @AfterEach
    void stopPipesAndDisconnect() {
        stopPipes();
        client.close();
    }

    /** Stops every pipe the test started (again, harmlessly), for a test whose clean-up must come after that. */
    void stopPipes() {
        contexts.forEach(CamelContext::stop);
    }

    static Path pipe(String name) {
        return Path.of(System.getProperty("pipes.dir", "pipes")).resolve(name + ".pipe.yaml");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A unique name that SQL dialects, ClickHouse, DynamoDB and MongoDB accept unquoted: a-z, 0-9 and '_'. */
    static String uniqueTableName(String prefix) {
        return unique(prefix).replace('-', '_');
    }

    /** Overrides that point a Kamelet (iggy-source or iggy-sink) at the test's Iggy server, stream and topic. */
    static Map<String, String> iggyProperties(String kamelet, String stream, String topic) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(kamelet + ".host", iggy.host());
        properties.put(kamelet + ".port", Integer.toString(iggy.port()));
        properties.put(kamelet + ".username", iggy.username());
        properties.put(kamelet + ".password", iggy.password());
        properties.put(kamelet + ".stream", stream);
        properties.put(kamelet + ".topic", topic);
        if (iggy.isTls()) {
            properties.put(kamelet + ".tls", "true");
            if (iggy.tlsCertificate() != null) {
                properties.put(
                        kamelet + ".tlsCertificate", iggy.tlsCertificate().toString());
            }
        }
        return properties;
    }

    /** Starts the pipe file with the overrides; it is stopped after the test. */
    CamelContext startPipe(String name, Map<String, String> overrides) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Pipes.load(context, overrides, pipe(name));
        context.start();
        contexts.add(context);
        return context;
    }

    /** Waits (10 s at most) until the consumer group has committed the offset on partition 0 of the topic. */
    void awaitCommitted(String stream, String topic, String group, long offset) throws InterruptedException {
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, topic, group, 0) == offset,
                () -> "offset " + client.groupOffset(stream, topic, group, 0) + " of " + group + ", not " + offset);
    }

    /** Every message of partition 0 of the topic, in order; none while the pipe has not created the topic. */
    List<Message> inIggy(String stream, String topic) {
        try {
            return client.all(stream, topic, 0);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Waits until partition 0 of the topic holds at least {@code count} messages, and returns them all. */
    List<Message> awaitInIggy(String stream, String topic, int count, Duration timeout) throws InterruptedException {
        List<Message> received = new ArrayList<>();
        await(
                timeout,
                () -> {
                    received.clear();
                    received.addAll(inIggy(stream, topic));
                    return received.size() >= count;
                },
                () -> received.size() + " of " + count + " messages in " + stream + "/" + topic);
        return received;
    }

    /** The messages of each of the first {@code partitions} partitions of the topic, in order. */
    List<List<Message>> byPartition(String stream, String topic, int partitions) {
        List<List<Message>> messages = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            messages.add(client.all(stream, topic, partition));
        }
        return messages;
    }

    /** How many messages the first {@code partitions} partitions hold; 0 while the pipe has not created the stream. */
    int countInIggy(String stream, String topic, int partitions) {
        try {
            return byPartition(stream, topic, partitions).stream()
                    .mapToInt(List::size)
                    .sum();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> whatIsMissing)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + ": " + whatIsMissing.get());
            }
            Thread.sleep(50);
        }
    }
}
