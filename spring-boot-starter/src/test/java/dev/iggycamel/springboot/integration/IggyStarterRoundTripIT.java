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
package dev.iggycamel.springboot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.IggyConstants;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application with the starter sends orders through a route to Iggy and consumes them in a consumer
 * group of two members, against the test's Iggy server (embedded by default) whose address reaches the component
 * only through camel.component.iggy.* properties.
 */
@SpringBootTest(classes = IggyStarterRoundTripIT.App.class)
class IggyStarterRoundTripIT {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    static final String STREAM = "sb-" + UUID.randomUUID().toString().substring(0, 8);
    static final int CUSTOMERS = 6;
    static final int ORDERS_PER_CUSTOMER = 100;

    @DynamicPropertySource
    static void iggyProperties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.iggy.host", iggy::host);
        registry.add("camel.component.iggy.port", iggy::port);
        registry.add("camel.component.iggy.username", iggy::username);
        registry.add("camel.component.iggy.password", iggy::password);
        registry.add("camel.component.iggy.partitions", () -> 3);
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    CamelContext camelContext;

    @EndpointInject("mock:shipped")
    MockEndpoint shipped;

    @Test
    void ordersSentThroughARouteAreConsumedOnceEachAndInOrderPerCustomer() throws Exception {
        int total = CUSTOMERS * ORDERS_PER_CUSTOMER;
        shipped.expectedMessageCount(total);
        shipped.setAssertPeriod(1000);

        for (int order = 0; order < ORDERS_PER_CUSTOMER; order++) {
            for (int customer = 0; customer < CUSTOMERS; customer++) {
                template.sendBodyAndHeader(
                        "direct:orders",
                        "customer-" + customer + " order-" + order,
                        "customer",
                        "customer-" + customer);
            }
        }

        shipped.assertIsSatisfied(TimeUnit.SECONDS.toMillis(60));
        Map<String, List<Integer>> ordersByCustomer = new LinkedHashMap<>();
        List<String> bodies = new ArrayList<>();
        for (Exchange exchange : shipped.getReceivedExchanges()) {
            String body = exchange.getMessage().getBody(String.class);
            bodies.add(body);
            String[] parts = body.split(" order-");
            ordersByCustomer.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
            assertThat(exchange.getMessage().getHeader(IggyConstants.STREAM)).isEqualTo(STREAM);
            assertThat(exchange.getMessage().getHeader("customer")).isEqualTo(parts[0]);
        }
        assertThat(new HashSet<>(bodies)).as("no duplicates").hasSize(total);
        assertThat(ordersByCustomer).hasSize(CUSTOMERS);
        List<Integer> inOrder = new ArrayList<>();
        for (int order = 0; order < ORDERS_PER_CUSTOMER; order++) {
            inOrder.add(order);
        }
        ordersByCustomer.forEach((customer, orders) ->
                assertThat(orders).as("orders of %s", customer).containsExactlyElementsOf(inOrder));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder orderRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:orders")
                            .routeId("take-orders")
                            .to("iggy:" + STREAM + "/orders?partitionKey=${header.customer}");
                    from("iggy:" + STREAM + "/orders?consumerGroup=shipping&consumersCount=2")
                            .routeId("ship-orders")
                            .convertBodyTo(String.class)
                            .to("mock:shipped");
                }
            };
        }
    }
}
