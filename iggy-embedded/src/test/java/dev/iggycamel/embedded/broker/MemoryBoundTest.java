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
package dev.iggycamel.embedded.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.junit.jupiter.api.Test;

/** The heap bound refuses a send with TopicFull (3009) instead of letting the JVM run out of memory. */
class MemoryBoundTest {

    private static final StreamId STREAM = StreamId.of("s");
    private static final TopicId TOPIC = TopicId.of("t");

    @Test
    void sendsPastTheBoundFailWithTopicFullAndDeletingTheTopicFreesTheMemory() {
        long limit = 2L * 1024 * 1024;
        try (EmbeddedIggyServer server = EmbeddedIggyServer.builder()
                        .port(0)
                        .memoryLimit(limit)
                        .build()
                        .start();
                IggyTcpClient client = IggyTcpClient.builder()
                        .host("localhost")
                        .port(server.port())
                        .credentials("iggy", "iggy")
                        .buildAndLogin()) {
            createTopic(client);
            List<Message> batch = batch(100, 1000);
            int accepted = 0;
            IggyServerException refused = null;
            while (refused == null && accepted < 100) {
                try {
                    client.messages().sendMessages(STREAM, TOPIC, Partitioning.balanced(), batch);
                    accepted++;
                } catch (IggyServerException e) {
                    refused = e;
                }
            }
            assertThat(refused).as("a send past the bound is refused").isNotNull();
            assertThat(refused.getRawErrorCode()).isEqualTo(3009);
            assertThat(accepted).isBetween(10, 25);
            assertThat(server.memoryUsed()).isLessThanOrEqualTo(limit);

            long stored = client.messages()
                    .pollMessages(
                            STREAM, TOPIC, Optional.of(0L), Consumer.of(1L), PollingStrategy.first(), 100_000L, false)
                    .messages()
                    .size();
            assertThat(stored).as("everything accepted is still there").isEqualTo(accepted * 100L);

            client.topics().deleteTopic(STREAM, TOPIC);
            assertThat(server.memoryUsed()).isZero();
            createTopic(client);
            client.messages().sendMessages(STREAM, TOPIC, Partitioning.balanced(), batch);
            IggyServerException stillRefused = catchThrowableOfType(IggyServerException.class, () -> client.messages()
                    .sendMessages(STREAM, TOPIC, Partitioning.balanced(), batch(1, 3_000_000)));
            assertThat(stillRefused.getRawErrorCode())
                    .as("one message larger than the bound")
                    .isEqualTo(3009);
        }
    }

    private static void createTopic(IggyTcpClient client) {
        if (client.streams().getStream(STREAM).isEmpty()) {
            client.streams().createStream("s");
        }
        client.topics()
                .createTopic(
                        STREAM, 1L, CompressionAlgorithm.None, BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), "t");
    }

    private static List<Message> batch(int count, int size) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(Message.of("x".repeat(size)));
        }
        return messages;
    }
}
