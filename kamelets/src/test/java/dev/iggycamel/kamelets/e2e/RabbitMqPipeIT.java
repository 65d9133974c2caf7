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

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RabbitMQ pipes against Debian's rabbitmq-server 3.10 (started by {@code .ci/services/rabbitmq.sh}), over both
 * protocols it speaks: AMQP 0-9-1 (iggy-to-rabbitmq, rabbitmq-to-iggy: spring-rabbitmq Kamelets) and AMQP 1.0 through
 * the rabbitmq_amqp1_0 plugin (iggy-to-rabbitmq-amqp10, rabbitmq-amqp10-to-iggy: Qpid JMS Kamelets). The test reads
 * and writes with RabbitMQ's own Java client and with Qpid JMS, straight to the broker; the sink pipes reach it
 * through a {@link TcpProxy} so that the broker can "go down" for the pipe alone.
 */
class RabbitMqPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final int KEYS = 7;
    // receiveLocalOnly: no link drain after a receive timeout (RabbitMQ 3.10 answers a drain with amqp:internal-error)
    private static final String AMQP10_URI =
            "amqp://127.0.0.1:5672?jms.username=iggy&jms.password=iggy&jms.receiveLocalOnly=true&jms.closeTimeout=2000";

    private Connection amqp;
    private Channel channel;
    private jakarta.jms.Connection jms;
    private TcpProxy proxy;
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();
    private final List<CamelContext> pipes = new ArrayList<>();

    @BeforeEach
    void connectToRabbitMq() throws Exception {
        ExternalServer.require("rabbitmq", 5672);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("iggy");
        factory.setPassword("iggy");
        amqp = factory.newConnection("rabbitmq-pipe-it");
        channel = amqp.createChannel();
    }

    @AfterEach
    void cleanUp() throws Exception {
        pipes.forEach(CamelContext::stop); // before the queues go, so that no consumer declares them again
        for (String queue : queues) {
            channel.queueDelete(queue);
        }
        for (String exchange : exchanges) {
            channel.exchangeDelete(exchange);
        }
        amqp.close();
        if (jms != null) {
            jms.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    // ---- AMQP 0-9-1 ----

    @Test
    @ProvesLevel(
            target = "rabbitmq",
            direction = "sink",
            level = 3,
            against = "Debian rabbitmq-server 3.10.8 on 127.0.0.1:5672, AMQP 0-9-1 (.ci/services/rabbitmq.sh)")
    void everyMessageIsPublishedAndNothingIsCommittedWhileTheBrokerIsDown() throws Exception {
        String stream = unique("rabbitmq");
        String group = "iggy-to-rabbitmq";
        String queue = stream + "-events";
        queues.add(queue);
        exchanges.add("iggy-it." + stream);
        proxy = new TcpProxy("127.0.0.1", 5672);

        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("spring-rabbitmq-sink.port", Integer.toString(proxy.port()));
        properties.put("spring-rabbitmq-sink.exchangeName", "iggy-it." + stream);
        properties.put("spring-rabbitmq-sink.queues", queue);
        long start = System.nanoTime();
        pipes.add(startPipe("iggy-to-rabbitmq", properties));

        List<Received> received = new ArrayList<>();
        await(Duration.ofSeconds(60), () -> drain(queue, received) >= N, () -> received.size() + " of " + N);
        assertThat(received).extracting(Received::body).containsExactlyElementsOf(bodies(0, N));
        // the Iggy message's headers travel as AMQP headers: the key of every message arrived with it
        assertThat(received).allMatch(r -> r.body().contains("\"device\":\"" + r.key() + "\""));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        System.out.printf("iggy-to-rabbitmq: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);

        // the broker goes down for the pipe: new messages wait in Iggy, their offsets are not committed
        proxy.down();
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(drain(queue, received)).isEqualTo(N);

        // back on the same port: everything arrives, in order, and is committed
        proxy.up();
        await(Duration.ofSeconds(60), () -> drain(queue, received) >= N + 100, () -> received.size() + " of " + N);
        assertThat(received).extracting(Received::body).containsExactlyElementsOf(bodies(0, N + 100));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
    }

    @Test
    @ProvesLevel(
            target = "rabbitmq",
            direction = "source",
            level = 3,
            against = "Debian rabbitmq-server 3.10.8 on 127.0.0.1:5672, AMQP 0-9-1 (.ci/services/rabbitmq.sh)")
    void everyQueuedMessageArrivesInIggyWithItsKey() throws Exception {
        String stream = unique("rabbitmq");
        String exchange = "iggy-it." + stream;
        String queue = stream + "-devices";
        queues.add(queue);
        exchanges.add(exchange);

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("iggy-sink.partitions", "3");
        properties.put("spring-rabbitmq-source.exchangeName", exchange);
        properties.put("spring-rabbitmq-source.queues", queue);
        pipes.add(startPipe("rabbitmq-to-iggy", properties));
        await(Duration.ofSeconds(30), () -> queueExists(queue), () -> "the pipe declared no queue " + queue);

        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .headers(Map.of("key", key(i)))
                    .build();
            channel.basicPublish(exchange, "telemetry", props, body(i).getBytes(StandardCharsets.UTF_8));
        }
        assertArrivedByKey(stream, start, "rabbitmq-to-iggy");
    }

    // ---- AMQP 1.0 (rabbitmq_amqp1_0 plugin) ----

    @Test
    @ProvesLevel(
            target = "rabbitmq",
            direction = "sink",
            level = 3,
            against =
                    "Debian rabbitmq-server 3.10.8 on 127.0.0.1:5672, AMQP 1.0 via rabbitmq_amqp1_0 (.ci/services/rabbitmq.sh)")
    void amqp10EveryMessageIsSentAndNothingIsCommittedWhileTheBrokerIsDown() throws Exception {
        String stream = unique("rabbitmq");
        String group = "iggy-to-rabbitmq-amqp10";
        String queue = stream + "-events";
        queues.add(queue);
        proxy = new TcpProxy("127.0.0.1", 5672);
        Session session = jmsSession();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue)); // declares the queue

        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("jms-pooled-amqp-10-sink.remoteURI", "amqp://127.0.0.1:" + proxy.port());
        properties.put("jms-pooled-amqp-10-sink.destinationName", queue);
        long start = System.nanoTime();
        pipes.add(startPipe("iggy-to-rabbitmq-amqp10", properties));

        List<Received> received = listen(consumer);
        await(Duration.ofSeconds(60), () -> received.size() >= N, () -> received.size() + " of " + N);
        assertThat(received).extracting(Received::body).containsExactlyElementsOf(bodies(0, N));
        assertThat(received).allMatch(r -> r.body().contains("\"device\":\"" + r.key() + "\""));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        System.out.printf(
                "iggy-to-rabbitmq-amqp10: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);

        proxy.down();
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(received).hasSize(N);

        proxy.up();
        await(Duration.ofSeconds(60), () -> received.size() >= N + 100, () -> received.size() + " of " + N);
        assertThat(received).extracting(Received::body).containsExactlyElementsOf(bodies(0, N + 100));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
    }

    @Test
    @ProvesLevel(
            target = "rabbitmq",
            direction = "source",
            level = 3,
            against =
                    "Debian rabbitmq-server 3.10.8 on 127.0.0.1:5672, AMQP 1.0 via rabbitmq_amqp1_0 (.ci/services/rabbitmq.sh)")
    void amqp10EveryQueuedMessageArrivesInIggyWithItsKey() throws Exception {
        String stream = unique("rabbitmq");
        String queue = stream + "-devices";
        queues.add(queue);
        Session session = jmsSession();
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        session.createConsumer(session.createQueue(queue)).close(); // declares the queue

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("iggy-sink.partitions", "3");
        properties.put("jms-amqp-10-source.destinationName", queue);
        pipes.add(startPipe("rabbitmq-amqp10-to-iggy", properties));

        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body(i).getBytes(StandardCharsets.UTF_8));
            message.setStringProperty("key", key(i));
            producer.send(message);
        }
        assertArrivedByKey(stream, start, "rabbitmq-amqp10-to-iggy");
    }

    // ---- helpers ----

    /**
     * Every message arrived in Iggy once and intact, and the key header became the Iggy partition key: all messages of
     * a key are on one partition, in the order they were published.
     */
    private void assertArrivedByKey(String stream, long start, String pipe) throws Exception {
        await(Duration.ofSeconds(60), () -> count(stream) >= N, () -> count(stream) + " of " + N + " in Iggy");
        System.out.printf("%s: %d messages in %d ms%n", pipe, N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        Map<String, Integer> partitionOfKey = new HashMap<>();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            int p = partition;
            for (Message message : client.all(stream, "events", partition)) {
                String body = new String(message.payload(), StandardCharsets.UTF_8);
                String key =
                        message.userHeaders().get(HeaderKey.fromString("key")).asString();
                assertThat(body).contains("\"device\":\"" + key + "\"");
                assertThat(partitionOfKey.computeIfAbsent(key, k -> p))
                        .as("partition of key %s", key)
                        .isEqualTo(partition);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(body);
                all.add(body);
            }
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(bodies(0, N));
        for (int k = 0; k < KEYS; k++) {
            String key = "d-" + k;
            assertThat(byKey.get(key))
                    .as("messages of key %s in publish order", key)
                    .containsExactlyElementsOf(IntStream.range(0, N)
                            .filter(i -> key(i).equals(key))
                            .mapToObj(RabbitMqPipeIT::body)
                            .toList());
        }
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

    private record Received(String body, String key) {}

    /** Takes what the queue holds now (AMQP 0-9-1 basic.get, acknowledged) and returns how many arrived in all. */
    private int drain(String queue, List<Received> received) {
        try {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                Object key = response.getProps().getHeaders() == null
                        ? null
                        : response.getProps().getHeaders().get("key");
                received.add(new Received(new String(response.getBody(), StandardCharsets.UTF_8), String.valueOf(key)));
            }
        } catch (IOException e) {
            // the queue is not declared yet
            reopenChannel();
        }
        return received.size();
    }

    private void reopenChannel() {
        try {
            if (!channel.isOpen()) {
                channel = amqp.createChannel();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean queueExists(String queue) {
        try {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            reopenChannel();
            return false;
        }
    }

    private Session jmsSession() throws JMSException {
        jms = new JmsConnectionFactory(AMQP10_URI).createConnection();
        jms.start();
        return jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Collects what an AMQP 1.0 consumer receives (a listener: a receive with a timeout would drain the link). */
    private static List<Received> listen(MessageConsumer consumer) throws JMSException {
        List<Received> received = Collections.synchronizedList(new ArrayList<>());
        consumer.setMessageListener(message -> {
            try {
                byte[] bytes = message instanceof BytesMessage bytesMessage
                        ? bytesMessage.getBody(byte[].class)
                        : message.getBody(String.class).getBytes(StandardCharsets.UTF_8);
                received.add(new Received(new String(bytes, StandardCharsets.UTF_8), message.getStringProperty("key")));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        return received;
    }

    private static String key(int i) {
        return "d-" + (i % KEYS);
    }

    private static String body(int i) {
        return "{\"device\":\"" + key(i) + "\",\"n\":" + i + "}";
    }

    private static List<String> bodies(int from, int to) {
        return IntStream.range(from, to).mapToObj(RabbitMqPipeIT::body).toList();
    }

    /** Iggy messages with a {@code key} header, as a keyed producer would write them. */
    private static List<Message> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> Message.of(body(i), Map.of(HeaderKey.fromString("key"), HeaderValue.fromString(key(i)))))
                .toList();
    }
}
