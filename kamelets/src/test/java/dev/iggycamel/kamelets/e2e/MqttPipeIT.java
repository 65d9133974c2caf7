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
import org.apache.iggy.message.Message;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
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

    private static final int N = SinkOutageScenario.N;
    private static final DeviceMessages DEVICES = new DeviceMessages("d-");
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
        String mqttTopic = "iggy-it/" + stream + "/events";
        List<String> received = subscribe(mqttTopic);
        proxy = new TcpProxy("127.0.0.1", 1883);

        // the pipe reconnects after the outage, and everything arrives in order
        new SinkOutageScenario(this, "iggy-to-mqtt", stream)
                .sending(DEVICES::unkeyed)
                .sinkProperty("mqtt5-sink.brokerUrl", "tcp://127.0.0.1:" + proxy.port())
                .sinkProperty("mqtt5-sink.topic", mqttTopic)
                .outage(proxy)
                .arrivedCount(received::size)
                .assertArrived(count -> assertThat(received).containsExactlyElementsOf(DEVICES.bodies(0, count)))
                .run();
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
        for (String body : DEVICES.bodies(0, N)) {
            MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            publishWhenTheClientHasRoom(publisher, mqttTopic, message);
        }

        await(
                Duration.ofSeconds(60),
                () -> countInIggy(stream, "events", 1) >= N,
                () -> countInIggy(stream, "events", 1) + " of " + N + " arrived in Iggy");
        System.out.printf("mqtt-to-iggy: %d messages in %d ms%n", N, (System.nanoTime() - start) / 1_000_000);
        Thread.sleep(500);
        // every message once, intact; without a key header iggy-sink sends balanced, so frames may overtake each other
        List<Message> stored = client.all(stream, "events", 0);
        assertThat(stored)
                .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(DEVICES.bodies(0, N));
    }

    private MqttClient connect(String clientId) throws MqttException {
        MqttClient mqtt = new MqttClient(BROKER, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        mqtt.connect(options);
        clients.add(mqtt);
        return mqtt;
    }

    /** Paho refuses a publish while its in-flight window is full (32202): wait for room, as an application would. */
    private static void publishWhenTheClientHasRoom(MqttClient publisher, String topic, MqttMessage message)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                publisher.publish(topic, message);
                return;
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                if (e.getReasonCode() != 32202 || attempt >= 500) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
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
}
