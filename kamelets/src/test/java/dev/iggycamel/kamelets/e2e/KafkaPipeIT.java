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

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-kafka and kafka-to-iggy against a real Apache Kafka 3.9.1 broker (the kafka-clients version of camel-kafka
 * 4.17.0) running in the JVM: one KRaft node, broker and controller, formatted and started as {@code kafka-storage.sh
 * format} and {@code kafka-server-start.sh} would. The broker has two client listeners: the test's own clients use
 * INTERNAL, the sink pipe reaches EXTERNAL, advertised at a {@link TcpProxy}, so the broker can "go down" for the
 * pipe alone (a Kafka client connects to the advertised address, not to the bootstrap one).
 */
class KafkaPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final int KEYS = 7;
    private static final int KAFKA_PARTITIONS = 3;

    static {
        // the broker and its clients log every config at INFO: keep their warnings only (slf4j-simple reads these
        // when a logger is created, so before any Kafka class logs)
        for (String logger : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
        }
    }

    private static Path logDir;
    private static KafkaRaftServer broker;
    private static TcpProxy proxy;
    private static String internal;

    @BeforeAll
    static void startKafka() throws Exception {
        long start = System.nanoTime();
        logDir = Files.createTempDirectory("kafka-pipe-it");
        int internalPort = freePort();
        int externalPort = freePort();
        int controllerPort = freePort();
        proxy = new TcpProxy("127.0.0.1", externalPort);
        internal = "127.0.0.1:" + internalPort;

        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put(
                "listeners",
                "INTERNAL://" + internal + ",EXTERNAL://127.0.0.1:" + externalPort + ",CONTROLLER://127.0.0.1:"
                        + controllerPort);
        config.put("advertised.listeners", "INTERNAL://" + internal + ",EXTERNAL://127.0.0.1:" + proxy.port());
        config.put("listener.security.protocol.map", "INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "INTERNAL");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("log.dirs", logDir.toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .run();
        broker = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        broker.startup();
        System.out.printf(
                "Kafka 3.9.1 KRaft broker on %s in %d ms%n", internal, (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stopKafka() throws IOException {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (logDir != null) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @ProvesLevel(
            target = "apache-kafka",
            direction = "sink",
            level = 3,
            against = "Apache Kafka 3.9.1 KRaft broker in the JVM (kafka_2.13 from Maven Central)")
    void everyMessageBecomesARecordWithItsKeyAndNothingIsCommittedWhileTheBrokerIsDown() throws Exception {
        String stream = unique("kafka");
        String group = "iggy-to-kafka";
        String kafkaTopic = stream + "-events";
        createKafkaTopic(kafkaTopic);
        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("kafka-not-secured-sink.bootstrapServers", "127.0.0.1:" + proxy.port());
        properties.put("kafka-not-secured-sink.topic", kafkaTopic);
        long start = System.nanoTime();
        startPipe("iggy-to-kafka", properties);

        try (KafkaConsumer<String, String> consumer = consumer(null)) {
            List<TopicPartition> partitions = IntStream.range(0, KAFKA_PARTITIONS)
                    .mapToObj(p -> new TopicPartition(kafkaTopic, p))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await(Duration.ofSeconds(60), () -> poll(consumer, records) >= N, () -> records.size() + " of " + N);
            await(
                    Duration.ofSeconds(10),
                    () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                    () -> "offset " + client.groupOffset(stream, "events", group, 0));
            System.out.printf("iggy-to-kafka: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
            assertKeyedInOrder(records, N);

            // the broker goes down for the pipe: the producer retries, the offsets are not committed
            proxy.down();
            client.send(stream, "events", 0, messages(N, N + 100));
            Thread.sleep(3000);
            assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
            assertThat(poll(consumer, records)).isEqualTo(N);

            // back on the same port: everything arrives and is committed
            proxy.up();
            await(
                    Duration.ofSeconds(60),
                    () -> poll(consumer, records) >= N + 100,
                    () -> records.size() + " of " + (N + 100));
            await(
                    Duration.ofSeconds(10),
                    () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                    () -> "offset " + client.groupOffset(stream, "events", group, 0));
            Thread.sleep(500);
            assertThat(poll(consumer, records)).isEqualTo(N + 100);
            assertKeyedInOrder(records, N + 100);
        }
    }

    @Test
    @ProvesLevel(
            target = "apache-kafka",
            direction = "source",
            level = 3,
            against = "Apache Kafka 3.9.1 KRaft broker in the JVM (kafka_2.13 from Maven Central)")
    void everyRecordArrivesInIggyWithItsKeyAsPartitionKey() throws Exception {
        String stream = unique("kafka");
        String kafkaTopic = stream + "-devices";
        createKafkaTopic(kafkaTopic);

        // written before the pipe starts: a migration takes the topic from the earliest record
        long start = System.nanoTime();
        Properties config = new Properties();
        config.put("bootstrap.servers", internal);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < N; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(kafkaTopic, key(i), body(i));
                record.headers().add("origin", "sensor-gateway".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("iggy-sink.partitions", "3");
        properties.put("kafka-not-secured-source.bootstrapServers", internal);
        properties.put("kafka-not-secured-source.topic", kafkaTopic);
        properties.put("kafka-not-secured-source.consumerGroup", stream);
        startPipe("kafka-to-iggy", properties);

        await(Duration.ofSeconds(60), () -> count(stream) >= N, () -> count(stream) + " of " + N + " in Iggy");
        System.out.printf("kafka-to-iggy: %d records in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        Map<String, Integer> partitionOfKey = new HashMap<>();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            for (Message message : client.all(stream, "events", partition)) {
                String body = new String(message.payload(), StandardCharsets.UTF_8);
                String key = header(message, "kafka.KEY");
                assertThat(body).contains("\"device\":\"" + key + "\"");
                assertThat(header(message, "origin")).isEqualTo("sensor-gateway");
                assertThat(partitionOfKey.computeIfAbsent(key, k -> p))
                        .as("Iggy partition of key %s", key)
                        .isEqualTo(partition);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(body);
                all.add(body);
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(bodies(0, N));
        assertThat(byKey).hasSize(KEYS);
        byKey.forEach((key, bodies) -> assertThat(bodies)
                .as("records of key %s in produce order", key)
                .containsExactlyElementsOf(bodiesOf(key, N)));
    }

    /** Every record once, its key the Iggy message's key header, a key's records on one partition in order. */
    private static void assertKeyedInOrder(List<ConsumerRecord<String, String>> records, int count) {
        assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(bodies(0, count));
        Map<String, Integer> partitionOfKey = new HashMap<>();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value()).contains("\"device\":\"" + record.key() + "\"");
            assertThat(partitionOfKey.computeIfAbsent(record.key(), k -> record.partition()))
                    .as("Kafka partition of key %s", record.key())
                    .isEqualTo(record.partition());
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
        }
        assertThat(byKey).hasSize(KEYS);
        byKey.forEach((key, values) -> assertThat(values)
                .as("records of key %s in Iggy order", key)
                .containsExactlyElementsOf(bodiesOf(key, count)));
    }

    private static String header(Message message, String name) {
        HeaderValue value = message.userHeaders().get(HeaderKey.fromString(name));
        return value == null ? null : value.asString();
    }

    private int count(String stream) {
        try {
            int count = 0;
            for (int partition = 0; partition < 3; partition++) {
                count += client.all(stream, "events", partition).size();
            }
            return count;
        } catch (RuntimeException e) {
            return 0; // the pipe has not created the stream yet
        }
    }

    private static int poll(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> records) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size();
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties config = new Properties();
        config.put("bootstrap.servers", internal);
        config.put("enable.auto.commit", "false");
        if (group != null) {
            config.put("group.id", group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static void createKafkaTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", internal))) {
            admin.createTopics(List.of(new NewTopic(topic, KAFKA_PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String key(int i) {
        return "d-" + (i % KEYS);
    }

    private static String body(int i) {
        return "{\"device\":\"" + key(i) + "\",\"n\":" + i + "}";
    }

    private static List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(KafkaPipeIT::body).toList();
    }

    private static List<String> bodiesOf(String key, int count) {
        return IntStream.range(0, count)
                .filter(i -> key(i).equals(key))
                .mapToObj(KafkaPipeIT::body)
                .toList();
    }

    /** Iggy messages with a {@code key} header, as a keyed producer would write them. */
    private static List<Message> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(body(i), Map.of(HeaderKey.fromString("key"), HeaderValue.fromString(key(i)))))
                .toList();
    }
}
