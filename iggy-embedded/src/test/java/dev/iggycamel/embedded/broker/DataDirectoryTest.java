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

import dev.iggycamel.embedded.EmbeddedIggyServer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.consumergroup.ConsumerGroupDetails;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.iggy.topic.TopicDetails;
import org.apache.iggy.user.GlobalPermissions;
import org.apache.iggy.user.Permissions;
import org.apache.iggy.user.UserInfoDetails;
import org.apache.iggy.user.UserStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server stopped and started again on the same data directory finds everything it had. */
class DataDirectoryTest {

    private static final StreamId STREAM = StreamId.of("orders");
    private static final TopicId TOPIC = TopicId.of("created");

    @TempDir
    Path dataDir;

    @Test
    void restartKeepsStreamsTopicsMessagesOffsetsGroupsUsersAndTokens() {
        String token;
        EmbeddedIggyServer server =
                EmbeddedIggyServer.builder().port(0).dataDir(dataDir).build().start();
        int port = server.port();
        try (IggyTcpClient client = login(port, "iggy", "iggy")) {
            client.streams().createStream("orders");
            client.topics()
                    .createTopic(
                            STREAM,
                            3L,
                            CompressionAlgorithm.Gzip,
                            BigInteger.valueOf(60_000_000),
                            BigInteger.ZERO,
                            Optional.of((short) 2),
                            "created");
            for (int batch = 0; batch < 3; batch++) {
                List<Message> messages = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    messages.add(Message.of(
                            "b" + batch + "-m" + i,
                            Map.of(HeaderKey.fromString("n"), HeaderValue.fromInt32(batch * 10 + i))));
                }
                client.messages().sendMessages(STREAM, TOPIC, Partitioning.partitionId(1L), messages);
            }
            client.consumerOffsets()
                    .storeConsumerOffset(STREAM, TOPIC, Optional.of(1L), Consumer.of(7L), BigInteger.valueOf(12));
            client.consumerGroups().createConsumerGroup(STREAM, TOPIC, "billing");
            client.users()
                    .createUser(
                            "reader",
                            "secret",
                            UserStatus.Active,
                            Optional.of(new Permissions(
                                    new GlobalPermissions(
                                            false, true, false, true, false, true, false, true, true, false),
                                    Map.of())));
            token = client.personalAccessTokens()
                    .createPersonalAccessToken("ci-token", BigInteger.ZERO)
                    .token();
        }
        server.stop();

        server =
                EmbeddedIggyServer.builder().port(port).dataDir(dataDir).build().start();
        try (IggyTcpClient client = login(port, "iggy", "iggy")) {
            TopicDetails topic = client.topics().getTopic(STREAM, TOPIC).orElseThrow();
            assertThat(topic.partitionsCount()).isEqualTo(3);
            assertThat(topic.compressionAlgorithm()).isEqualTo(CompressionAlgorithm.Gzip);
            assertThat(topic.messageExpiry()).isEqualTo(BigInteger.valueOf(60_000_000));
            assertThat(topic.replicationFactor()).isEqualTo((short) 2);
            assertThat(topic.messagesCount()).isEqualTo(BigInteger.valueOf(30));

            PolledMessages polled = client.messages()
                    .pollMessages(STREAM, TOPIC, Optional.of(1L), Consumer.of(7L), PollingStrategy.next(), 100L, false);
            assertThat(polled.messages()).hasSize(17);
            Message first = polled.messages().get(0);
            assertThat(first.header().offset()).isEqualTo(BigInteger.valueOf(13));
            assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("b1-m3");
            assertThat(first.userHeaders()).containsEntry(HeaderKey.fromString("n"), HeaderValue.fromInt32(13));

            Optional<ConsumerGroupDetails> group =
                    client.consumerGroups().getConsumerGroup(STREAM, TOPIC, ConsumerId.of("billing"));
            assertThat(group).isPresent();
            assertThat(group.get().partitionsCount()).isEqualTo(3);

            UserInfoDetails reader = client.users().getUser(1L).orElseThrow();
            assertThat(reader.username()).isEqualTo("reader");
            assertThat(reader.permissions()).isPresent();
            assertThat(reader.permissions().get().global().readStreams()).isTrue();
            assertThat(reader.permissions().get().global().manageStreams()).isFalse();

            client.messages()
                    .sendMessages(STREAM, TOPIC, Partitioning.partitionId(1L), List.of(Message.of("after restart")));
            PolledMessages last = client.messages()
                    .pollMessages(STREAM, TOPIC, Optional.of(1L), Consumer.of(7L), PollingStrategy.last(), 1L, false);
            assertThat(last.messages().get(0).header().offset()).isEqualTo(BigInteger.valueOf(30));
        }
        try (IggyTcpClient byToken =
                IggyTcpClient.builder().host("localhost").port(port).build()) {
            byToken.connect();
            assertThat(byToken.personalAccessTokens()
                            .loginWithPersonalAccessToken(token)
                            .userId())
                    .isZero();
        }
        try (IggyTcpClient reader = login(port, "reader", "secret")) {
            assertThat(reader.streams().getStreams()).hasSize(1);
        }
        server.close();
    }

    @Test
    void resetEmptiesTheDataDirectoryToo() throws Exception {
        try (EmbeddedIggyServer server =
                EmbeddedIggyServer.builder().port(0).dataDir(dataDir).build().start()) {
            try (IggyTcpClient client = login(server.port(), "iggy", "iggy")) {
                client.streams().createStream("orders");
                client.topics()
                        .createTopic(
                                STREAM,
                                1L,
                                CompressionAlgorithm.None,
                                BigInteger.ZERO,
                                BigInteger.ZERO,
                                Optional.empty(),
                                "created");
                client.messages().sendMessages(STREAM, TOPIC, Partitioning.balanced(), List.of(Message.of("x")));
            }
            server.reset();
            try (var files = Files.walk(dataDir)) {
                assertThat(files.filter(Files::isRegularFile)
                                .map(p -> p.getFileName().toString()))
                        .as("only a fresh metadata snapshot and journal remain")
                        .allMatch(name -> name.startsWith("metadata") || name.startsWith("offsets"));
            }
            server.stop();
            server.start();
            try (IggyTcpClient client = login(server.port(), "iggy", "iggy")) {
                assertThat(client.streams().getStreams()).isEmpty();
            }
        }
    }

    @Test
    void aTornWriteAtTheEndOfAPartitionLogIsDroppedOnStart() throws Exception {
        EmbeddedIggyServer server =
                EmbeddedIggyServer.builder().port(0).dataDir(dataDir).build().start();
        int port = server.port();
        try (IggyTcpClient client = login(port, "iggy", "iggy")) {
            client.streams().createStream("orders");
            client.topics()
                    .createTopic(
                            STREAM,
                            1L,
                            CompressionAlgorithm.None,
                            BigInteger.ZERO,
                            BigInteger.ZERO,
                            Optional.empty(),
                            "created");
            client.messages()
                    .sendMessages(
                            STREAM, TOPIC, Partitioning.balanced(), List.of(Message.of("one"), Message.of("two")));
        }
        server.stop();
        Path log;
        try (var files = Files.walk(dataDir)) {
            log = files.filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        }
        long intact = Files.size(log);
        Files.write(log, new byte[40], java.nio.file.StandardOpenOption.APPEND);

        server.start();
        try (IggyTcpClient client = login(port, "iggy", "iggy")) {
            client.messages().sendMessages(STREAM, TOPIC, Partitioning.balanced(), List.of(Message.of("three")));
            PolledMessages polled = client.messages()
                    .pollMessages(STREAM, TOPIC, Optional.of(0L), Consumer.of(1L), PollingStrategy.first(), 10L, false);
            assertThat(polled.messages())
                    .extracting(m -> new String(m.payload(), StandardCharsets.UTF_8))
                    .containsExactly("one", "two", "three");
            assertThat(polled.messages().get(2).header().offset()).isEqualTo(BigInteger.TWO);
        }
        server.close();
        assertThat(Files.size(log)).isGreaterThan(intact);
    }

    private static IggyTcpClient login(int port, String username, String password) {
        return IggyTcpClient.builder()
                .host("localhost")
                .port(port)
                .credentials(username, password)
                .buildAndLogin();
    }
}
