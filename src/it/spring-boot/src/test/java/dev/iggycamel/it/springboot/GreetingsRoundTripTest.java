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
package dev.iggycamel.it.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 200 greetings through the application's routes and an embedded Iggy server the test starts. */
@SpringBootTest
class GreetingsRoundTripTest {

    static final EmbeddedIggyServer IGGY =
            EmbeddedIggyServer.builder().port(0).build().start();

    @DynamicPropertySource
    static void iggy(DynamicPropertyRegistry registry) {
        registry.add("camel.component.iggy.host", IGGY::host);
        registry.add("camel.component.iggy.port", IGGY::port);
    }

    @AfterAll
    static void stopIggy() {
        IGGY.stop();
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    CamelContext camelContext;

    @EndpointInject("mock:greetings")
    MockEndpoint greetings;

    @Test
    void greetingsComeBackOnceEachInOrder() throws Exception {
        List<String> sent = IntStream.range(0, 200).mapToObj(n -> "hello " + n).toList();
        greetings.expectedBodiesReceived(sent);
        greetings.setAssertPeriod(500);

        sent.forEach(greeting -> template.sendBody("direct:greet", greeting));

        greetings.assertIsSatisfied(30_000);
        Exchange first = greetings.getReceivedExchanges().get(0);
        assertThat(first.getMessage().getHeader("CamelIggyStream")).isEqualTo("it");
        assertThat(first.getMessage().getHeader("CamelIggyOffset")).isEqualTo(0L);
        IggyComponent iggy = camelContext.getComponent("iggy", IggyComponent.class);
        assertThat(iggy.getConfiguration().getPort()).isEqualTo(IGGY.port());
        assertThat(iggy.getConfiguration().getBatchMaxMessages()).isEqualTo(50);
    }
}
