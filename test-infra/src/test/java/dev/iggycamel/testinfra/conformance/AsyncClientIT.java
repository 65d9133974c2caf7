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
package dev.iggycamel.testinfra.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.consumergroup.ConsumerGroupDetails;
import org.apache.iggy.consumeroffset.ConsumerOffsetInfo;
import org.apache.iggy.exception.IggyResourceNotFoundException;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.identifier.UserId;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.partition.Partition;
import org.apache.iggy.personalaccesstoken.PersonalAccessTokenInfo;
import org.apache.iggy.personalaccesstoken.RawPersonalAccessToken;
import org.apache.iggy.stream.StreamBase;
import org.apache.iggy.stream.StreamDetails;
import org.apache.iggy.system.Stats;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.iggy.topic.Topic;
import org.apache.iggy.topic.TopicDetails;
import org.apache.iggy.user.UserInfo;
import org.apache.iggy.user.UserInfoDetails;
import org.apache.iggy.user.UserStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same commands through the SDK's async client ({@code AsyncIggyTcpClient}), whose pool of five connections
 * replays the login on each connection and runs concurrent requests on several of them at once.
 */
class AsyncClientIT extends SharedServerBase {

    private AsyncIggyTcpClient client;

    @BeforeEach
    void connect() {
        client = asyncRootClient();
    }

    @Test
    void pingStatsAndMe() {
        assertThat(await(client.system().ping())).isEqualTo("pong");
        Stats stats = await(asyncRootClient(1).system().getStats());
        assertThat(stats.streamsCount()).isZero();
        assertThat(stats.hostname()).isNotBlank();
        assertThat(await(client.system().getMe()).userId()).isEmpty();
        assertThat(await(client.system().getClients())).isNotEmpty();
    }

    @Test
    void streamLifecycle() {
        created.stream("async-stream");
        created.stream("renamed-stream");

        StreamDetails stream = await(client.streams().createStream("async-stream"));

        assertThat(stream.id()).isZero();
        assertThat(await(client.streams().getStream(StreamId.of("async-stream"))))
                .contains(stream);
        assertThat(await(client.streams().getStreams()))
                .extracting(StreamBase::name)
                .containsExactly("async-stream");
        await(client.streams().updateStream(0L, "renamed-stream"));
        assertThat(await(client.streams().getStream(0L)))
                .map(StreamDetails::name)
                .contains("renamed-stream");
        assertServerError(
                ServerError.STREAM_NAME_ALREADY_EXISTS,
                () -> await(client.streams().createStream("renamed-stream")));
        await(client.streams().deleteStream(StreamId.of("renamed-stream")));
        assertThat(await(client.streams().getStream(0L))).isEmpty();
        assertServerError(
                ServerError.STREAM_ID_NOT_FOUND, () -> await(client.streams().deleteStream(0L)));
    }

    @Test
    void topicAndPartitionLifecycle() {
        createStream(STREAM);

        TopicDetails topic = await(client.topics()
                .createTopic(
                        StreamId.of(STREAM),
                        2L,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        TOPIC));
        assertThat(topic.partitions()).extracting(Partition::id).containsExactly(0L, 1L);

        await(client.partitions().createPartitions(0L, 0L, 3L));
        await(client.partitions().deletePartitions(StreamId.of(STREAM), TopicId.of(TOPIC), 1L));
        assertThat(await(client.topics().getTopic(StreamId.of(STREAM), TopicId.of(TOPIC))))
                .map(TopicDetails::partitionsCount)
                .contains(4L);
        await(client.topics()
                .updateTopic(
                        StreamId.of(STREAM),
                        TopicId.of(TOPIC),
                        CompressionAlgorithm.Gzip,
                        BigInteger.valueOf(5_000),
                        BigInteger.ZERO,
                        Optional.empty(),
                        "async-topic"));
        assertThat(await(client.topics().getTopics(StreamId.of(STREAM))))
                .singleElement()
                .satisfies(updated -> {
                    assertThat(updated.name()).isEqualTo("async-topic");
                    assertThat(updated.compressionAlgorithm()).isEqualTo(CompressionAlgorithm.Gzip);
                    assertThat(updated.messageExpiry()).isEqualTo(BigInteger.valueOf(5_000));
                });
        assertServerError(
                ServerError.INVALID_PARTITIONS_COUNT,
                () -> await(client.partitions().deletePartitions(0L, 0L, 5L)));
        await(client.topics().deleteTopic(StreamId.of(STREAM), TopicId.of("async-topic")));
        assertThat(await(client.topics().getTopics(StreamId.of(STREAM))))
                .extracting(Topic::name)
                .isEmpty();
    }

    @Test
    void concurrentSendsGetContiguousOffsets() {
        createStreamAndTopic(1);

        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sends.add(client.messages()
                    .sendMessages(
                            StreamId.of(STREAM),
                            TopicId.of(TOPIC),
                            Partitioning.partitionId(0L),
                            List.of(Message.of("c" + i))));
        }
        await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));

        PolledMessages polled = await(
                client.messages().pollMessages(0L, 0L, Optional.of(0L), 1L, PollingStrategy.first(), 100L, false));
        assertThat(offsets(polled)).hasSize(40).isSorted().startsWith(0L).endsWith(39L);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add("c" + i);
        }
        assertThat(payloads(polled)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void concurrentRequestsOnSeveralConnections() {
        createStreamAndTopic(3);

        List<CompletableFuture<Optional<TopicDetails>>> reads = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            reads.add(client.topics().getTopic(StreamId.of(STREAM), TopicId.of(TOPIC)));
        }

        for (CompletableFuture<Optional<TopicDetails>> read : reads) {
            assertThat(await(read)).map(TopicDetails::partitionsCount).contains(3L);
        }
    }

    @Test
    void pollAndOffsets() {
        createStreamAndTopic(1);
        await(client.messages().sendMessages(0L, 0L, Partitioning.balanced(), numbered("m", 6)));

        PolledMessages first =
                await(client.messages().pollMessages(0L, 0L, Optional.of(0L), 1L, PollingStrategy.next(), 4L, true));
        assertThat(payloads(first)).containsExactly("m0", "m1", "m2", "m3");
        assertThat(await(client.consumerOffsets().getConsumerOffset(0L, 0L, Optional.of(0L), 1L)))
                .contains(new ConsumerOffsetInfo(0L, BigInteger.valueOf(5), BigInteger.valueOf(3)));
        await(client.consumerOffsets().storeConsumerOffset(0L, 0L, Optional.of(0L), 1L, BigInteger.ONE));
        assertThat(payloads(await(client.messages()
                        .pollMessages(0L, 0L, Optional.of(0L), 1L, PollingStrategy.next(), 2L, false))))
                .containsExactly("m2", "m3");
        assertThat(payloads(await(client.messages()
                        .pollMessages(0L, 0L, Optional.of(0L), 1L, PollingStrategy.last(), 1L, false))))
                .containsExactly("m5");
        assertServerError(
                ServerError.PARTITION_NOT_FOUND,
                () -> await(client.messages()
                        .pollMessages(0L, 0L, Optional.of(1L), 1L, PollingStrategy.first(), 1L, false)));
    }

    @Test
    void consumerGroupLifecycle() {
        createStreamAndTopic(2);
        AsyncIggyTcpClient member = asyncRootClient(1);

        ConsumerGroupDetails group = await(client.consumerGroups().createConsumerGroup(0L, 0L, GROUP));
        assertThat(group.id()).isZero();
        await(member.consumerGroups().joinConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(0L)));
        assertThat(await(client.consumerGroups().getConsumerGroup(0L, 0L, 0L)))
                .hasValueSatisfying(
                        details -> assertThat(details.membersCount()).isEqualTo(1));
        assertThat(await(client.consumerGroups().getConsumerGroups(0L, 0L))).hasSize(1);
        await(member.messages().sendMessages(0L, 0L, Partitioning.partitionId(1L), messages("for the group")));
        assertThat(payloads(await(member.messages()
                        .pollMessages(
                                StreamId.of(STREAM),
                                TopicId.of(TOPIC),
                                Optional.of(1L),
                                Consumer.group(ConsumerId.of(GROUP)),
                                PollingStrategy.next(),
                                10L,
                                true))))
                .containsExactly("for the group");

        await(member.consumerGroups().leaveConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(0L)));

        // the SDK's own tests rely on 5006 arriving as a "not found" exception
        assertThat(assertServerError(
                        ServerError.CONSUMER_GROUP_MEMBER_NOT_FOUND,
                        () -> await(member.consumerGroups()
                                .leaveConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(0L)))))
                .isInstanceOf(IggyResourceNotFoundException.class);
        await(client.consumerGroups().deleteConsumerGroup(0L, 0L, 0L));
        assertThat(await(client.consumerGroups().getConsumerGroup(0L, 0L, 0L))).isEmpty();
    }

    @Test
    void usersLifecycle() {
        created.user("async-user");
        created.user("async-renamed");

        UserInfoDetails user = await(client.users()
                .createUser("async-user", "secret", UserStatus.Active, Optional.of(readOnlyPermissions())));

        assertThat(user.id()).isEqualTo(1L);
        assertThat(await(client.users().getUser(UserId.of("async-user")))).contains(user);
        assertThat(await(client.users().getUsers())).extracting(UserInfo::id).containsExactlyInAnyOrder(0L, 1L);
        await(client.users().updateUser(1L, Optional.of("async-renamed"), Optional.empty()));
        await(client.users().updatePermissions(1L, Optional.empty()));
        await(client.users().changePassword(1L, "secret", "changed"));
        UserInfoDetails updated = await(client.users().getUser(1L)).orElseThrow();
        assertThat(updated.username()).isEqualTo("async-renamed");
        assertThat(updated.permissions()).isEmpty();
        assertThat(clientAs("async-renamed", "changed").system().getMe().userId())
                .contains(1L);
        AsyncIggyTcpClient oldPassword = asyncBuilder().connectionPoolSize(1).build();
        created.closeable(() -> oldPassword.close());
        await(oldPassword.connect());
        assertServerError(
                ServerError.INVALID_CREDENTIALS, () -> await(oldPassword.users().login("async-renamed", "secret")));
        await(client.users().deleteUser(1L));
        assertThat(await(client.users().getUser(1L))).isEmpty();
    }

    @Test
    void personalAccessTokens() {
        RawPersonalAccessToken token =
                await(client.personalAccessTokens().createPersonalAccessToken("async-token", BigInteger.ZERO));
        created.rootToken("async-token");

        assertThat(await(client.personalAccessTokens().getPersonalAccessTokens()))
                .containsExactly(new PersonalAccessTokenInfo("async-token", Optional.empty()));
        AsyncIggyTcpClient viaToken = asyncBuilder().connectionPoolSize(2).build();
        created.closeable(() -> viaToken.close());
        await(viaToken.connect());
        assertThat(await(viaToken.personalAccessTokens().loginWithPersonalAccessToken(token.token()))
                        .userId())
                .isEqualTo(ROOT_USER_ID);
        // concurrent requests make the pool open a second connection, which logs in with the token again
        List<CompletableFuture<Optional<UserInfoDetails>>> reads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reads.add(viaToken.users().getUser(ROOT_USER_ID));
        }
        for (CompletableFuture<Optional<UserInfoDetails>> read : reads) {
            assertThat(await(read)).map(UserInfoDetails::id).contains(ROOT_USER_ID);
        }

        await(client.personalAccessTokens().deletePersonalAccessToken("async-token"));

        assertThat(await(client.personalAccessTokens().getPersonalAccessTokens()))
                .isEmpty();
        assertServerError(
                ServerError.RESOURCE_NOT_FOUND,
                () -> await(client.personalAccessTokens().deletePersonalAccessToken("async-token")));
    }

    @Test
    void logoutEndsTheSession() {
        AsyncIggyTcpClient single = asyncRootClient(1);

        await(single.users().logout());

        assertServerError(
                ServerError.UNAUTHENTICATED, () -> await(single.system().getStats()));
        assertThat(await(single.users().login(service().username(), service().password()))
                        .userId())
                .isEqualTo(ROOT_USER_ID);
        assertThat(await(single.system().getStats()).streamsCount()).isZero();
    }

    @Test
    void userHeadersThroughTheAsyncClient() {
        createStreamAndTopic(1);
        Message message = Message.of(
                "with headers",
                Map.of(
                        HeaderKey.fromString("trace"),
                        HeaderValue.fromString("abc-123"),
                        HeaderKey.fromString("attempt"),
                        HeaderValue.fromUint16(3)));

        await(client.messages().sendMessages(0L, 0L, Partitioning.messagesKey("test-key"), List.of(message)));

        PolledMessages polled =
                await(client.messages().pollMessages(0L, 0L, Optional.of(0L), 1L, PollingStrategy.first(), 1L, false));
        assertThat(polled.messages()).singleElement().satisfies(received -> {
            assertThat(received.userHeaders()).isEqualTo(message.userHeaders());
            assertThat(received.payload()).isEqualTo(message.payload());
        });
    }
}
