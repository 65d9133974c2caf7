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
package com.example.iggy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

/** A round trip through the Iggy server that the extension's dev services start. */
@QuarkusTest
class PingRoundTripTest {

    @Inject
    ProducerTemplate producer;

    @Inject
    ConsumerTemplate consumer;

    @Test
    void pingsComeBackInOrder() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add("ping " + i);
            producer.sendBody("direct:ping", "ping " + i);
        }

        List<String> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            received.add(consumer.receiveBody("seda:pongs", 20_000, String.class));
        }

        assertEquals(sent, received);
        assertNull(consumer.receiveBody("seda:pongs", 500, String.class), "a ping came back twice");
    }
}
