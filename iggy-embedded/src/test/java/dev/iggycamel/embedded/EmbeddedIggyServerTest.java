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
package dev.iggycamel.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.junit.jupiter.api.Test;

class EmbeddedIggyServerTest {

    @Test
    void sendsAndPollsThroughTheSdk() {
        try (EmbeddedIggyServer server =
                        EmbeddedIggyServer.builder().port(0).build().start();
                IggyTcpClient client = IggyTcpClient.builder()
                        .host("localhost")
                        .port(server.port())
                        .credentials("iggy", "iggy")
                        .buildAndLogin()) {
            client.streams().createStream("smoke");
            client.topics()
                    .createTopic(
                            StreamId.of("smoke"),
                            1L,
                            CompressionAlgorithm.None,
                            BigInteger.ZERO,
                            BigInteger.ZERO,
                            Optional.empty(),
                            "t");
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                messages.add(Message.of("hello " + i));
            }
            client.messages().sendMessages(StreamId.of("smoke"), TopicId.of("t"), Partitioning.balanced(), messages);
            PolledMessages polled = client.messages()
                    .pollMessages(
                            StreamId.of("smoke"),
                            TopicId.of("t"),
                            Optional.of(0L),
                            Consumer.of(1L),
                            PollingStrategy.first(),
                            100L,
                            false);
            assertThat(polled.messages()).hasSize(10);
            assertThat(new String(polled.messages().get(3).payload(), StandardCharsets.UTF_8))
                    .isEqualTo("hello 3");
            assertThat(polled.messages().get(9).header().offset()).isEqualTo(BigInteger.valueOf(9));
        }
    }
}
