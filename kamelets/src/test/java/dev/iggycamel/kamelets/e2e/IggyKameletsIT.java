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
package dev.iggycamel.kamelets.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The iggy-source, iggy-sink and iggy-manual-commit-action Kamelets in routes, against the test Iggy server. */
class IggyKameletsIT extends PipeTestSupport {

    private CamelContext context;
    private final List<Exchange> received = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    private String connection() {
        return "host=" + iggy.host() + "&port=" + iggy.port() + "&username=" + iggy.username() + "&password=RAW("
                + iggy.password() + ")";
    }

    @Test
    void manualCommitActionStoresTheOffsetOfEachMessageItReaches() throws Exception {
        String stream = unique("manual");
        client.createTopic(stream, "t", 1);
        client.send(
                stream,
                "t",
                0,
                IntStream.range(0, 100).mapToObj(i -> Message.of("m" + i)).toList());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:iggy-source?stream=" + stream + "&topic=t&consumerGroup=g&commitMode=manual&"
                                + connection())
                        .process(received::add)
                        // only the first 60 messages reach the action: the rest are processed but not committed
                        .filter(header("CamelIggyOffset").isLessThan(60L))
                        .to("kamelet:iggy-manual-commit-action");
            }
        });
        context.start();

        await(Duration.ofSeconds(20), () -> received.size() >= 100, () -> received.size() + " of 100");
        await(
                Duration.ofSeconds(10),
                () -> client.groupOffset(stream, "t", "g", 0) == 59,
                () -> "offset " + client.groupOffset(stream, "t", "g", 0));
        Thread.sleep(500);
        assertThat(client.groupOffset(stream, "t", "g", 0)).isEqualTo(59);
    }

    @Test
    void sinkKeepsMessagesWithOneKeyOnOnePartitionAndCarriesHeaders() throws Exception {
        String stream = unique("keys");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("kamelet:iggy-sink?stream=" + stream + "&topic=t&partitions=3&" + connection());
            }
        });
        context.start();
        var producer = context.createProducerTemplate();
        for (int i = 0; i < 300; i++) {
            producer.sendBodyAndHeaders(
                    "direct:in", "v" + i, Map.of("key", "customer-" + (i % 5), "origin", "test-" + i));
        }

        Map<String, Set<Long>> partitionsByKey = new HashMap<>();
        int total = 0;
        for (long partition = 0; partition < 3; partition++) {
            for (Message message : client.all(stream, "t", partition)) {
                int i = Integer.parseInt(new String(message.payload()).substring(1));
                partitionsByKey
                        .computeIfAbsent("customer-" + (i % 5), k -> new HashSet<>())
                        .add(partition);
                assertThat(message.userHeaders()
                                .get(HeaderKey.fromString("origin"))
                                .asString())
                        .isEqualTo("test-" + i);
                total++;
            }
        }
        assertThat(total).isEqualTo(300);
        assertThat(partitionsByKey).hasSize(5).allSatisfy((key, partitions) -> assertThat(partitions)
                .as("partitions of %s", key)
                .hasSize(1));
    }

    @Test
    void sourceDescribesMessagesAsCloudEventsOnRequest() throws Exception {
        String stream = unique("ce");
        client.createTopic(stream, "t", 1);
        client.send(stream, "t", 0, List.of(Message.of("{\"a\":1}")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:iggy-source?stream=" + stream + "&topic=t&consumerGroup=g&" + connection())
                        .transformDataType(new DataType("iggy:application-cloudevents"))
                        .process(received::add);
            }
        });
        context.start();

        await(Duration.ofSeconds(20), () -> !received.isEmpty(), () -> "no message");
        var message = received.get(0).getMessage();
        assertThat(message.getHeader("CamelCloudEventType")).isEqualTo("dev.iggycamel.iggy.message");
        assertThat(message.getHeader("CamelCloudEventSource")).isEqualTo("iggy://" + stream + "/t");
        assertThat(message.getHeader("CamelCloudEventSubject")).isEqualTo("0/0");
        assertThat(message.getHeader("CamelCloudEventID", String.class)).isNotBlank();
        assertThat(message.getBody(String.class)).isEqualTo("{\"a\":1}");
    }
}
