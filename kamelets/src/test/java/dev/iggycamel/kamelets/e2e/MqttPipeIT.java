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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * iggy-to-mqtt and mqtt-to-iggy against Debian's mosquitto 2.0 (started by {@code .ci/services/mosquitto.sh}). The
 * test's own MQTT client talks to mosquitto directly with QoS 1; the sink pipe reaches it through a {@link TcpProxy}
 * so that the broker can "go down" for the pipe alone.
 */
class MqttPipeIT extends PipeTestSupport {

    private static final int N = 1000;
    private static final String BROKER = "tcp://127.0.0.1:1883";

    private final List<MqttClient> clients = new ArrayList<>();
    private TcpProxy proxy;

    @BeforeEach
    void requireMosquitto() {
        ExternalServer.require("mosquitto", 1883);
    }

    @AfterEach
    void closeClients() throws Exception {
        for (MqttClient mqtt : clients) {
            if (mqtt.isConnected()) {
                mqtt.disconnect();
            }
            mqtt.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @ProvesLevel(
            target = "mqtt",
            direction = "sink",
            level = 3,
            against = "Debian mosquitto 2.0.11 on 127.0.0.1:1883 (.ci/services/mosquitto.sh)")
    void everyMessageArrivesAndNothingIsCommittedWhileTheBrokerIsDown() throws Exception {
        String stream = unique("mqtt");
        String group = "iggy-to-mqtt";
        String mqttTopic = "iggy-it/" + stream + "/events";
        List<String> received = subscribe(mqttTopic);
        proxy = new TcpProxy("127.0.0.1", 1883);

        client.createTopic(stream, "events", 1);
        client.send(stream, "events", 0, messages(0, N));

        Map<String, String> properties = iggyProperties("iggy-source", stream, "events");
        properties.put("iggy-source.consumerGroup", group);
        properties.put("iggy-source.backoffMax", "500");
        properties.put("mqtt5-sink.brokerUrl", "tcp://127.0.0.1:" + proxy.port());
        properties.put("mqtt5-sink.topic", mqttTopic);
        long start = System.nanoTime();
        startPipe("iggy-to-mqtt", properties);

        await(Duration.ofSeconds(60), () -> received.size() >= N, () -> received.size() + " of " + N + " arrived");
        assertThat(received).containsExactlyElementsOf(bodies(0, N));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N - 1,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
        System.out.printf("iggy-to-mqtt: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);

        // the broker goes down for the pipe: new messages wait in Iggy, their offsets are not committed
        proxy.down();
        client.send(stream, "events", 0, messages(N, N + 100));
        Thread.sleep(3000);
        assertThat(client.groupOffset(stream, "events", group, 0)).isEqualTo(N - 1);
        assertThat(received).hasSize(N);

        // back on the same port: the pipe reconnects, everything arrives in order and is committed
        proxy.up();
        await(
                Duration.ofSeconds(60),
                () -> received.size() >= N + 100,
                () -> received.size() + " of " + (N + 100) + " arrived");
        assertThat(received).containsExactlyElementsOf(bodies(0, N + 100));
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "events", group, 0) == N + 99,
                () -> "offset " + client.groupOffset(stream, "events", group, 0));
    }

    @Test
    @ProvesLevel(
            target = "mqtt",
            direction = "source",
            level = 3,
            against = "Debian mosquitto 2.0.11 on 127.0.0.1:1883 (.ci/services/mosquitto.sh)")
    void everyPublishedMessageArrivesInIggy() throws Exception {
        String stream = unique("mqtt");
        String mqttTopic = "iggy-it/" + stream + "/telemetry";

        Map<String, String> properties = iggyProperties("iggy-sink", stream, "events");
        properties.put("mqtt5-source.brokerUrl", BROKER);
        properties.put("mqtt5-source.topic", mqttTopic);
        properties.put("mqtt5-source.clientId", stream);
        // the route starts once its consumer is connected and subscribed (MQTT keeps nothing for late subscribers)
        startPipe("mqtt-to-iggy", properties);

        long start = System.nanoTime();
        MqttClient publisher = connect(unique("pub"));
        for (String body : bodies(0, N)) {
            MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            publish(publisher, mqttTopic, message);
        }

        await(Duration.ofSeconds(60), () -> count(stream) >= N, () -> count(stream) + " of " + N + " arrived in Iggy");
        System.out.printf("mqtt-to-iggy: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        // every message once, intact; without a key header iggy-sink sends balanced, so frames may overtake each other
        List<Message> stored = client.all(stream, "events", 0);
        assertThat(stored)
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(bodies(0, N));
    }

    /**
     * A blocking QoS 1 publish. Paho may count the previous message as in flight for a moment after its PUBACK
     * completed the blocking call: then it refuses with "too many publishes in progress" and the test tries again.
     */
    private static void publish(MqttClient publisher, String topic, MqttMessage message) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                publisher.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt == 100) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    private int count(String stream) {
        try {
            return client.all(stream, "events", 0).size();
        } catch (RuntimeException e) {
            return 0; // the pipe has not created the stream yet
        }
    }

    private MqttClient connect(String clientId) throws MqttException {
        MqttClient mqtt = new MqttClient(BROKER, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        mqtt.connect(options);
        clients.add(mqtt);
        return mqtt;
    }

    /** Subscribes with QoS 1 before anything is published; the list collects the payloads in arrival order. */
    private List<String> subscribe(String topic) throws MqttException {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        MqttClient mqtt = new MqttClient(BROKER, unique("sub"), new MemoryPersistence());
        mqtt.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String t, MqttMessage message) {
                received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {}

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        mqtt.connect(options);
        mqtt.subscribe(topic, 1);
        clients.add(mqtt);
        return received;
    }

    private static List<String> bodies(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> "{\"device\":\"d-" + (i % 7) + "\",\"n\":" + i + "}")
                .toList();
    }

    private static List<Message> messages(int from, int to) {
        return bodies(from, to).stream().map(Message::of).toList();
    }
}
