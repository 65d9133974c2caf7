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
import java.util.List;
import java.util.Map;
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

    private static final int N = SinkOutageScenario.N;
    private static final DeviceMessages DEVICES = new DeviceMessages("d-");
    // receiveLocalOnly: no link drain after a receive timeout (RabbitMQ 3.10 answers a drain with amqp:internal-error)
    private static final String AMQP10_URI =
            "amqp://127.0.0.1:5672?jms.username=iggy&jms.password=iggy&jms.receiveLocalOnly=true&jms.closeTimeout=2000";

    private Connection amqp;
    private Channel channel;
    private jakarta.jms.Connection jms;
    private TcpProxy proxy;
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

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
        stopPipes(); // before the queues go, so that no consumer declares them again
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
        String queue = stream + "-events";
        queues.add(queue);
        exchanges.add("iggy-it." + stream);
        proxy = new TcpProxy("127.0.0.1", 5672);

        List<Received> received = new ArrayList<>();
        new SinkOutageScenario(this, "iggy-to-rabbitmq", stream)
                .sending(DEVICES::keyed)
                .sinkProperty("spring-rabbitmq-sink.port", Integer.toString(proxy.port()))
                .sinkProperty("spring-rabbitmq-sink.exchangeName", "iggy-it." + stream)
                .sinkProperty("spring-rabbitmq-sink.queues", queue)
                .outage(proxy)
                .arrivedCount(() -> drain(queue, received))
                .assertArrived(count -> assertReceivedInOrder(received, count))
                .run();
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
        startPipe("rabbitmq-to-iggy", properties);
        await(Duration.ofSeconds(30), () -> queueExists(queue), () -> "the pipe declared no queue " + queue);

        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .headers(Map.of("key", DEVICES.key(i)))
                    .build();
            channel.basicPublish(exchange, "telemetry", props, DEVICES.body(i).getBytes(StandardCharsets.UTF_8));
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
        String queue = stream + "-events";
        queues.add(queue);
        proxy = new TcpProxy("127.0.0.1", 5672);
        Session session = jmsSession();
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue)); // declares the queue

        List<Received> received = listen(consumer);
        new SinkOutageScenario(this, "iggy-to-rabbitmq-amqp10", stream)
                .sending(DEVICES::keyed)
                .sinkProperty("jms-pooled-amqp-10-sink.remoteURI", "amqp://127.0.0.1:" + proxy.port())
                .sinkProperty("jms-pooled-amqp-10-sink.destinationName", queue)
                .outage(proxy)
                .arrivedCount(received::size)
                .assertArrived(count -> assertReceivedInOrder(received, count))
                .run();
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
        startPipe("rabbitmq-amqp10-to-iggy", properties);

        long start = System.nanoTime();
        for (int i = 0; i < N; i++) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(DEVICES.body(i).getBytes(StandardCharsets.UTF_8));
            message.setStringProperty("key", DEVICES.key(i));
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
        await(
                Duration.ofSeconds(60),
                () -> countInIggy(stream, "events", 3) >= N,
                () -> countInIggy(stream, "events", 3) + " of " + N + " in Iggy");
        System.out.printf("%s: %d messages in %d ms%n", pipe, N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        KeyedArrival.assertKeyedInOrder(
                KeyedArrival.inIggy(byPartition(stream, "events", 3), "key", KeyedArrival::payload), DEVICES.sent(N));
    }

    /** The queue received exactly the first {@code count} messages, in Iggy order, each with its key as a header. */
    private static void assertReceivedInOrder(List<Received> received, int count) {
        assertThat(received).extracting(Received::body).containsExactlyElementsOf(DEVICES.bodies(0, count));
        // the Iggy message's headers travel as AMQP headers: the key of every message arrived with it
        assertThat(received).allMatch(r -> r.body().contains("\"device\":\"" + r.key() + "\""));
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
}
