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
package dev.iggycamel.examples.quickstart;

import org.apache.camel.builder.RouteBuilder;

/**
 * The quickstart pipeline in the Java DSL; {@code routes/quickstart.camel.yaml} is the same pipeline in the YAML DSL.
 *
 * <ul>
 *   <li>{@code generate}: makes {@code quickstart.messages} readings of twelve simulated smart meters.
 *   <li>{@code send}: several concurrent senders hand them to the iggy: producer, which batches concurrent exchanges
 *       into one frame; a reading counts as sent once Iggy acknowledged it. The meter is the partition key, so each
 *       meter's readings stay on one partition.
 *   <li>{@code consume}: two members of the consumer group {@code quickstart-readers} share the partitions.
 * </ul>
 */
public class QuickstartRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:generate?repeatCount=1")
                .routeId("generate")
                .loop(simple("{{quickstart.messages}}"))
                .bean("readings", "next")
                .to("seda:send?blockWhenFull=true&size=2000")
                .end();

        from("seda:send?concurrentConsumers={{quickstart.senders}}&size=2000")
                .routeId("send")
                .to("iggy:{{quickstart.stream}}/readings?partitionKey=${header.meter}")
                .bean("stats", "sent");

        from("iggy:{{quickstart.stream}}/readings?consumerGroup=quickstart-readers&consumersCount=2")
                .routeId("consume")
                .bean("stats", "received");
    }
}
