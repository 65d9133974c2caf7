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

import java.util.Locale;

/** One reading of a simulated device, as it travels: JSON over MQTT, a message in Iggy, a row in the database. */
public record Reading(String device, int seq, double celsius, double humidity, long measuredAt) {

    /** Reading {@code seq} of device number {@code device}: made up, but the same every time. */
    static Reading of(int device, int seq, long measuredAt) {
        double celsius = 18 + device + (seq % 40) / 10.0;
        double humidity = 40 + (seq * 7 % 200) / 10.0;
        return new Reading("sensor-" + device, seq, celsius, humidity, measuredAt);
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"device\":\"%s\",\"seq\":%d,\"celsius\":%.1f,\"humidity\":%.1f,\"measuredAt\":%d}",
                device,
                seq,
                celsius,
                humidity,
                measuredAt);
    }

    /** The MQTT topic the device publishes to; the first pipe uses it as the Iggy partition key. */
    String mqttTopic() {
        return "devices/" + device + "/readings";
    }
}
