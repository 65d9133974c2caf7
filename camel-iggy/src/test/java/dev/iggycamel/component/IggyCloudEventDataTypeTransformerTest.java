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
package dev.iggycamel.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class IggyCloudEventDataTypeTransformerTest {

    @Test
    void describesAConsumedMessageAsACloudEvent() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(context);
            Message message = exchange.getMessage();
            UUID id = UUID.fromString("00000000-0000-0000-0000-00000000002a");
            message.setBody("payload");
            message.setHeader(IggyConstants.MESSAGE_ID, id);
            message.setHeader(IggyConstants.STREAM, "orders");
            message.setHeader(IggyConstants.TOPIC, "created");
            message.setHeader(IggyConstants.PARTITION_ID, 2L);
            message.setHeader(IggyConstants.OFFSET, 41L);
            message.setHeader(IggyConstants.TIMESTAMP, 1_700_000_000_123_456L);

            new IggyCloudEventDataTypeTransformer()
                    .transform(message, DataType.ANY, new DataType("iggy:application-cloudevents"));

            assertThat(message.getHeader("CamelCloudEventID")).isEqualTo(id.toString());
            assertThat(message.getHeader("CamelCloudEventType")).isEqualTo("dev.iggycamel.iggy.message");
            assertThat(message.getHeader("CamelCloudEventSource")).isEqualTo("iggy://orders/created");
            assertThat(message.getHeader("CamelCloudEventSubject")).isEqualTo("2/41");
            assertThat(message.getHeader("CamelCloudEventTime")).isEqualTo("2023-11-14T22:13:20.123456Z");
            assertThat(message.getBody()).isEqualTo("payload");
        }
    }

    @Test
    void isFoundByItsDataTypeNameInARoute() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").transformDataType(new DataType("iggy:application-cloudevents"));
                }
            });
            context.start();
            Exchange out = context.createProducerTemplate().request("direct:in", exchange -> {
                exchange.getMessage().setHeader(IggyConstants.STREAM, "s");
                exchange.getMessage().setHeader(IggyConstants.TOPIC, "t");
            });
            assertThat(out.getMessage().getHeader("CamelCloudEventType")).isEqualTo("dev.iggycamel.iggy.message");
            assertThat(out.getMessage().getHeader("CamelCloudEventSource")).isEqualTo("iggy://s/t");
        }
    }
}
