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
package dev.iggycamel.examples.iot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Simulated devices: each its own MQTT client, publishing its readings with QoS 1, all devices at once. */
final class Devices {

    private Devices() {}

    /** Publishes {@code readings} readings of each of {@code devices} devices; returns them all once acknowledged. */
    static List<Reading> publish(String brokerUrl, int devices, int readings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        try {
            List<Future<List<Reading>>> running = new ArrayList<>();
            for (int device = 0; device < devices; device++) {
                int id = device;
                running.add(pool.submit(() -> publishAs(brokerUrl, id, readings)));
            }
            List<Reading> published = new ArrayList<>();
            for (Future<List<Reading>> device : running) {
                published.addAll(device.get());
            }
            return published;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Reading> publishAs(String brokerUrl, int device, int readings) throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, "sensor-" + device, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(readings);
        client.connect(options);
        try {
            List<Reading> published = new ArrayList<>();
            for (int seq = 0; seq < readings; seq++) {
                Reading reading = Reading.of(device, seq, System.currentTimeMillis());
                MqttMessage message = new MqttMessage(reading.json().getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                client.publish(reading.mqttTopic(), message); // returns once the broker acknowledged it
                published.add(reading);
            }
            return published;
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
