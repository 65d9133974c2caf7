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
package dev.iggycamel.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The application as it ships, on its embedded Iggy server (no IGGY_HOST), with 50 orders 10 ms apart. */
@SpringBootTest(properties = {"orders.count=50", "orders.period-ms=10"})
class IggyOrdersApplicationTest {

    @Autowired
    Shipping shipping;

    @Autowired
    EmbeddedIggyServer server;

    @Autowired
    CamelContext camelContext;

    @Test
    void everyOrderSentIsShippedOnce() {
        await().atMost(Duration.ofSeconds(60)).until(() -> shipping.shipped().size() >= 50);
        // a duplicate would arrive right after the last order: give it the time to show
        await().during(Duration.ofMillis(500)).until(() -> shipping.shipped().size() == 50);

        assertThat(shipping.shipped())
                .map(order -> order.substring(0, order.indexOf(" for ")))
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 50).mapToObj(n -> "order " + n).toList());
        assertThat(shipping.shipped()).allMatch(order -> order.matches("order \\d+ for customer-[1-3]"));
        // one consumer, and a customer's orders on one partition: each customer's orders ship in the order taken
        for (String customer : List.of("customer-1", "customer-2", "customer-3")) {
            List<Integer> numbers = shipping.shipped().stream()
                    .filter(order -> order.endsWith(" for " + customer))
                    .map(order -> Integer.parseInt(order.substring("order ".length(), order.indexOf(" for "))))
                    .toList();
            assertThat(numbers).as("orders of %s", customer).isSorted();
        }
    }

    @Test
    void theComponentTalksToTheEmbeddedServerWithTheApplicationsOptions() {
        IggyComponent iggy = camelContext.getComponent("iggy", IggyComponent.class);

        assertThat(iggy.getConfiguration().getPort()).isEqualTo(server.port());
        assertThat(iggy.getConfiguration().getPartitions()).isEqualTo(3);
        assertThat(iggy.getConfiguration().getLingerMs()).isEqualTo(5);
    }
}
