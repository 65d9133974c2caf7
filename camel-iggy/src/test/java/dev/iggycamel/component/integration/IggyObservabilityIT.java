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

import dev.iggycamel.component.IggyEndpoint;
import dev.iggycamel.testinfra.IggyTestClient;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dev console, the JMX counters, and the idle back-off of consumers. */
class IggyObservabilityIT extends IggyITSupport {

    private final String stream = uniqueStream();
    private final AtomicInteger consumed = new AtomicInteger();

    @AfterEach
    void cleanUp() throws Exception {
        context.stop();
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            client.deleteStream(stream);
        }
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:" + stream + "/t?partitions=2");
                from("iggy:" + stream + "/t?consumerGroup=watchers&pollIntervalMs=100")
                        .routeId("watchers")
                        .process(e -> consumed.incrementAndGet());
            }
        };
    }

    @Test
    void theDevConsoleShowsEndpointsConsumersAndLag() throws Exception {
        for (int i = 0; i < 20; i++) {
            template.sendBody("direct:in", "m" + i);
        }
        await(() -> consumed.get() == 20, 10_000);

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("iggy");
        assertThat(console).as("the iggy dev console is discovered").isNotNull();
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text)
                .contains("iggy://" + stream + "/t")
                .contains("Sent: 20 messages")
                .contains("Polled: 20 messages")
                .contains("Consumer 0 (route watchers): POLLING")
                .contains("lag 0");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        assertThat(json).containsKey("endpoints");
        assertThat(context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class))
                .isNotNull();
    }

    @Test
    void theEndpointCountersAreJmxAttributes() throws Exception {
        for (int i = 0; i < 5; i++) {
            template.sendBody("direct:in", "m" + i);
        }
        await(() -> consumed.get() == 5, 10_000);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        ObjectName producer = names.stream()
                .filter(n -> n.getKeyProperty("name").contains(stream)
                        && n.getKeyProperty("name").contains("partitions"))
                .findFirst()
                .orElseThrow();
        ObjectName consumer = names.stream()
                .filter(n -> n.getKeyProperty("name").contains(stream)
                        && n.getKeyProperty("name").contains("watchers"))
                .findFirst()
                .orElseThrow();

        assertThat(server.getAttribute(producer, "MessagesSent")).isEqualTo(5L);
        assertThat((Long) server.getAttribute(producer, "FramesSent")).isBetween(1L, 5L);
        assertThat(server.getAttribute(consumer, "MessagesPolled")).isEqualTo(5L);
        assertThat((Long) server.getAttribute(consumer, "OffsetsCommitted")).isPositive();
    }

    @Test
    void anIdleConsumerWaitsBetweenEmptyPolls() throws Exception {
        IggyEndpoint endpoint = context.getEndpoint(
                "iggy:" + stream + "/t?consumerGroup=watchers&pollIntervalMs=100", IggyEndpoint.class);
        long before = endpoint.getStatistics().polls();
        Thread.sleep(1000);
        long polls = endpoint.getStatistics().polls() - before;

        assertThat(polls).as("polls in one idle second with pollIntervalMs=100").isBetween(3L, 12L);
    }
}
