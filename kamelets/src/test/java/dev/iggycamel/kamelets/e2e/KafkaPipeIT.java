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

    private static final int N = SinkOutageScenario.N;
    private static final DeviceMessages DEVICES = new DeviceMessages("d-");
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
        String kafkaTopic = stream + "-events";
        createKafkaTopic(kafkaTopic);
        try (KafkaConsumer<String, String> consumer = consumer(null)) {
            List<TopicPartition> partitions = IntStream.range(0, KAFKA_PARTITIONS)
                    .mapToObj(p -> new TopicPartition(kafkaTopic, p))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            new SinkOutageScenario(this, "iggy-to-kafka", stream)
                    .sending(DEVICES::keyed)
                    .sinkProperty("kafka-not-secured-sink.bootstrapServers", "127.0.0.1:" + proxy.port())
                    .sinkProperty("kafka-not-secured-sink.topic", kafkaTopic)
                    .outage(proxy)
                    .arrivedCount(() -> poll(consumer, records))
                    .assertArrived(count -> {
                        Thread.sleep(500); // a record the producer sent twice would show by now
                        assertThat(poll(consumer, records)).isEqualTo(count);
                        // the Iggy message's key header became the record key
                        KeyedArrival.assertKeyedInOrder(
                                records.stream()
                                        .map(r -> new KeyedArrival.Arrived(r.key(), r.partition(), r.value()))
                                        .toList(),
                                DEVICES.sent(count));
                    })
                    .run();
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
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(kafkaTopic, DEVICES.key(i), DEVICES.body(i));
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

        await(
                Duration.ofSeconds(60),
                () -> countInIggy(stream, "events", 3) >= N,
                () -> countInIggy(stream, "events", 3) + " of " + N + " in Iggy");
        System.out.printf("kafka-to-iggy: %d records in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        List<List<Message>> partitions = byPartition(stream, "events", 3);
        assertThat(partitions.stream().flatMap(List::stream))
                .allSatisfy(message -> assertThat(message.userHeaders().get(HeaderKey.fromString("origin")))
                        .extracting(HeaderValue::asString)
                        .isEqualTo("sensor-gateway"));
        // the record key became the Iggy partition key
        KeyedArrival.assertKeyedInOrder(
                KeyedArrival.inIggy(partitions, "kafka.KEY", KeyedArrival::payload), DEVICES.sent(N));
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
}
