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
package dev.iggycamel.quarkus.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * Orders come in over HTTP and go to Iggy keyed by customer; a consumer group reads them back into {@link
 * ReceivedOrders}, which HTTP shows.
 */
@ApplicationScoped
public class IggyRoutes extends RouteBuilder {

    @Inject
    ReceivedOrders receivedOrders;

    @Override
    public void configure() {
        from("platform-http:/orders?httpMethodRestrict=POST")
                .routeId("orders-in")
                // only the customer travels as an Iggy header, not the HTTP request's headers
                .removeHeaders("*", "customer")
                .to("iggy:shop/orders?partitions=3&partitionKey=${header.customer}")
                .setBody(constant("stored"));

        from("iggy:shop/orders?consumerGroup=billing&consumersCount=2")
                .routeId("orders-billing")
                .convertBodyTo(String.class)
                .bean(receivedOrders, "add");

        from("platform-http:/orders/received?httpMethodRestrict=GET")
                .routeId("orders-received")
                .bean(receivedOrders, "lines");
    }
}
