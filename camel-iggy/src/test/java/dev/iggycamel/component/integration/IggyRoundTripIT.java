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
package dev.iggycamel.component.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.IggyConstants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

class IggyRoundTripIT extends IggyITSupport {

    private final String stream = uniqueStream();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:" + stream + "/events?partitions=3");
                from("iggy:" + stream + "/events?consumerGroup=readers&partitions=3")
                        .routeId("reader")
                        .to("mock:out");
            }
        };
    }

    @Test
    void messagesSentByOneRouteAreConsumedByAnother() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(10);
        for (int i = 0; i < 10; i++) {
            template.sendBodyAndHeader("direct:in", "hello " + i, "n", i);
        }
        out.assertIsSatisfied(10_000);
        List<String> bodies = out.getExchanges().stream()
                .map(e -> new String(e.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
                .sorted()
                .toList();
        assertThat(bodies).hasSize(10).contains("hello 0", "hello 9");
        Exchange first = out.getExchanges().get(0);
        assertThat(first.getMessage().getHeader(IggyConstants.STREAM)).isEqualTo(stream);
        assertThat(first.getMessage().getHeader("n")).isInstanceOf(Integer.class);
    }
}
