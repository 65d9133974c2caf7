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

import static dev.iggycamel.component.integration.IggyConsumerIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.component.IggyConstants;
import dev.iggycamel.embedded.EmbeddedIggyServer;
import dev.iggycamel.testinfra.IggyProperties;
import dev.iggycamel.testinfra.IggyServiceFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that goes away and comes back: the embedded server with a data directory is stopped and started on the
 * same port while routes run. Needs a server the test controls, so it runs with the embedded instance type only.
 */
class IggyResilienceIT {

    @TempDir
    Path dataDir;

    private EmbeddedIggyServer server;
    private CamelContext context;

    @BeforeEach
    void startServer() {
        Assumptions.assumeTrue(
                IggyProperties.EMBEDDED.equals(IggyServiceFactory.instanceType()),
                "restarts the server, so it needs the embedded one (-Diggy.instance.type=embedded)");
        server = EmbeddedIggyServer.builder().port(0).dataDir(dataDir).build().start();
        context = new DefaultCamelContext();
        // what Camel Main, Spring Boot and Quarkus set up: a health-check registry with the consumers repository
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.register(registry.resolveById("consumers"));
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        IggyComponent iggy = context.getComponent("iggy", IggyComponent.class);
        iggy.getConfiguration().setPort(server.port());
        iggy.getConfiguration().setBackoff(50);
        iggy.getConfiguration().setBackoffMax(500);
        IggyITSupport.useTransportUnderTest(iggy);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void producerAndConsumerCarryOnAfterTheServerRestartsWithoutLosingMessages() throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:orders/created?partitions=2");
                from("iggy:orders/created?consumerGroup=billing&pollIntervalMs=20")
                        .process(e -> received.merge(e.getMessage().getBody(String.class), 1, Integer::sum));
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        for (int i = 0; i < 100; i++) {
            template.sendBody("direct:in", "before-" + i);
        }
        await(() -> received.size() == 100, 10_000);

        server.stop();
        int failedWhileDown = 0;
        for (int i = 0; i < 3; i++) {
            try {
                template.sendBody("direct:in", "while-down-" + i);
            } catch (Exception e) {
                failedWhileDown++;
            }
        }
        server.start();
        for (int i = 0; i < 100; i++) {
            sendWithRetry(template, "after-" + i);
        }

        await(
                () -> received.keySet().stream()
                                .filter(k -> k.startsWith("after-"))
                                .count()
                        == 100,
                20_000);
        assertThat(failedWhileDown)
                .as("sends while the server is down fail, they are not lost silently")
                .isEqualTo(3);
        assertThat(received.keySet().stream()
                        .filter(k -> k.startsWith("before-"))
                        .count())
                .isEqualTo(100);
        assertThat(received.keySet().stream().filter(k -> k.startsWith("while-down-")))
                .isEmpty();
        int duplicates = received.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(duplicates).as("everything was committed before the restart").isZero();
    }

    @Test
    void theConsumerHealthCheckGoesDownWithAReasonAndComesBack() throws Exception {
        AtomicInteger count = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iggy:orders/created?consumerGroup=billing&pollIntervalMs=20")
                        .routeId("billing")
                        .process(e -> count.incrementAndGet());
            }
        });
        context.start();
        await(() -> state().isPresent() && state().get() == HealthCheck.State.UP, 10_000);

        server.stop();
        await(() -> state().get() == HealthCheck.State.DOWN, 10_000);
        HealthCheck.Result down = result();
        assertThat(down.getMessage())
                .hasValueSatisfying(message ->
                        assertThat(message).contains("orders/created").contains("localhost:" + server.port()));

        server.start();
        await(() -> state().get() == HealthCheck.State.UP, 15_000);
        context.createProducerTemplate().sendBodyAndHeader("iggy:orders/created", "x", IggyConstants.PARTITION_ID, 0);
        await(() -> count.get() == 1, 10_000);
    }

    private java.util.Optional<HealthCheck.State> state() {
        return java.util.Optional.ofNullable(result()).map(HealthCheck.Result::getState);
    }

    private HealthCheck.Result result() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream()
                .filter(r -> r.getCheck().getId().equals("consumer:billing"))
                .findFirst()
                .orElse(null);
    }

    private static void sendWithRetry(ProducerTemplate template, String body) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                template.sendBody("direct:in", body);
                return;
            } catch (Exception e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
