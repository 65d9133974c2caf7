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

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Two routes: one sends an order to the Iggy topic {@code shop/orders} on every timer tick, keyed by customer so a
 * customer's orders stay in order on one partition; the other consumes the topic in the consumer group
 * {@code shipping} and ships each order. Connection settings come from {@code camel.component.iggy.*}.
 */
@Component
public class OrderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:orders?period={{orders.period-ms}}&repeatCount={{orders.count}}&includeMetadata=true")
                .routeId("take-orders")
                .setHeader("customer", simple("customer-${random(1,4)}"))
                .setBody(simple("order ${exchangeProperty.CamelTimerCounter} for ${header.customer}"))
                .to("iggy:shop/orders?partitionKey=${header.customer}");

        from("iggy:shop/orders?consumerGroup=shipping")
                .routeId("ship-orders")
                .convertBodyTo(String.class)
                .bean(Shipping.class, "ship");
    }
}
