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
package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** The application's routes on an embedded Iggy server: every order sent is billed once, with its headers. */
class OrdersRoundTripTest {

    private static final int ORDERS = 200;

    @Test
    void everyOrderSentIsBilled() throws Exception {
        try (EmbeddedIggyServer iggy = EmbeddedIggyServer.builder().port(0).build().start()) {
            Main main = new Main();
            main.configure().addRoutesBuilder(new OrdersRoutes());
            main.addOverrideProperty("camel.component.iggy.port", Integer.toString(iggy.port()));
            main.addOverrideProperty("billing.uri", "seda:billed?size=" + ORDERS);
            main.start();
            try {
                ProducerTemplate producer = main.getCamelContext().createProducerTemplate();
                for (int i = 0; i < ORDERS; i++) {
                    producer.sendBodyAndHeaders(
                            "direct:orders",
                            "{\"order\":" + i + "}",
                            Map.of("customer", "customer-" + (i % 7), "amount", 10L * i));
                }
                ConsumerTemplate consumer = main.getCamelContext().createConsumerTemplate();
                Set<String> billed = new HashSet<>();
                Set<Long> partitions = new HashSet<>();
                for (int i = 0; i < ORDERS; i++) {
                    Exchange exchange = consumer.receive("seda:billed?size=" + ORDERS, 30_000);
                    assertNotNull(exchange, "only " + i + " of " + ORDERS + " orders were billed");
                    String body = exchange.getMessage().getBody(String.class);
                    long order = Long.parseLong(body.replaceAll("\\D", ""));
                    assertEquals("customer-" + (order % 7), exchange.getMessage().getHeader("customer"));
                    assertEquals(10L * order, exchange.getMessage().getHeader("amount"));
                    billed.add(body);
                    partitions.add(exchange.getMessage().getHeader("CamelIggyPartitionId", Long.class));
                }
                assertEquals(ORDERS, billed.size());
                assertEquals(Set.of(0L, 1L), partitions);
                System.out.println("Billed " + billed.size() + " orders from partitions " + partitions);
            } finally {
                main.stop();
            }
        }
    }
}
