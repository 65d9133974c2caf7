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

import org.apache.camel.builder.RouteBuilder;

/** Orders go to Iggy keyed by customer; the billing consumer group reads them and hands them to billing. */
public class OrdersRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:orders")
                .routeId("publish-orders")
                .to("iggy:shop/orders?partitions=2&partitionKey=${header.customer}");

        from("iggy:shop/orders?consumerGroup=billing")
                .routeId("bill-orders")
                .convertBodyTo(String.class)
                .to("{{billing.uri}}");
    }
}
