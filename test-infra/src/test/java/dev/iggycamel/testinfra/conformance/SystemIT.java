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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.system.ClientInfo;
import org.apache.iggy.system.ClientInfoDetails;
import org.apache.iggy.system.ConsumerGroupInfo;
import org.apache.iggy.system.Stats;
import org.apache.iggy.user.UserInfoDetails;
import org.junit.jupiter.api.Test;

/** PING, GET_STATS, GET_ME, GET_CLIENT, GET_CLIENTS, LOGIN_USER and LOGOUT_USER as the server answers them. */
class SystemIT extends SharedServerBase {

    private static final String ADDRESS = "(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]):\\d{1,5}";

    @Test
    void pingNeedsNoLogin() {
        IggyTcpClient anonymous = anonymousClient();

        assertThat(anonymous.system().ping()).isEqualTo("pong");
    }

    @Test
    void statsNeedALogin() {
        // the SDK sends GET_STATS without a login; the server refuses it
        IggyTcpClient anonymous = anonymousClient();

        assertServerError(ServerError.UNAUTHENTICATED, () -> anonymous.system().getStats());
    }

    @Test
    void statsCountWhatTheServerHolds() {
        long before = System.currentTimeMillis();
        createStreamAndTopic(3);
        createTopic(STREAM, "second", 2);
        root().consumerGroups().createConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), GROUP);
        send(Partitioning.partitionId(0L), numbered("m", 5));

        Stats stats = rootClient(1).system().getStats();

        assertThat(stats.streamsCount()).isEqualTo(1);
        assertThat(stats.topicsCount()).isEqualTo(2);
        assertThat(stats.partitionsCount()).isEqualTo(5);
        assertThat(stats.messagesCount()).isEqualTo(BigInteger.valueOf(5));
        assertThat(stats.consumerGroupsCount()).isEqualTo(1);
        assertThat(stats.clientsCount()).isGreaterThanOrEqualTo(1);
        assertThat(new BigInteger(stats.messagesSizeBytes())).isPositive();
        assertThat(stats.processId()).isPositive();
        assertThat(stats.hostname()).isNotBlank();
        // which crate's version the server reports is not certain; its packed form must match it
        assertThat(stats.iggyServerVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        stats.iggyServerSemver().ifPresent(semver -> assertThat(semver).isEqualTo(packed(stats.iggyServerVersion())));
        assertThat(new BigInteger(stats.totalMemory())).isPositive();
        assertThat(stats.startTime().longValueExact()).isBetween(0L, (before + 1_000) * 1_000);
        assertThat(stats.runTime().signum()).isNotNegative();
    }

    @Test
    void statsNeedTheReadServersPermission() {
        createUser("nobody", "secret", Optional.empty());

        IggyTcpClient nobody = clientAs("nobody", "secret");

        assertServerError(ServerError.UNAUTHORIZED, () -> nobody.system().getStats());
        // the permission is checked before the client id
        assertServerError(ServerError.UNAUTHORIZED, () -> nobody.system().getClient(0L));
    }

    @Test
    void getMeDescribesTheConnection() {
        ClientInfoDetails me = root().system().getMe();

        assertThat(me.address()).matches(ADDRESS);
        assertThat(me.transport()).isEqualTo("Tcp");
        // the root user has id 0, which the SDK shows as "no user"
        assertThat(me.userId()).isEmpty();
        assertThat(me.consumerGroupsCount()).isZero();
        assertThat(me.consumerGroups()).isEmpty();
    }

    @Test
    void getMeShowsTheLoggedInUser() {
        UserInfoDetails user = createUser("someone", "secret", Optional.empty());

        ClientInfoDetails me = clientAs("someone", "secret").system().getMe();

        assertThat(me.userId()).contains(user.id());
    }

    @Test
    void getClientAnswersLikeGetMe() {
        ClientInfoDetails me = root().system().getMe();

        ClientInfoDetails client = root().system().getClient(me.clientId());

        assertThat(client).isEqualTo(me);
        assertServerError(ServerError.INVALID_CLIENT_ID, () -> root().system().getClient(0L));
    }

    @Test
    void getClientOfAnUnknownIdIsAnEmptyAnswer() {
        List<Long> known =
                root().system().getClients().stream().map(ClientInfo::clientId).toList();
        long unknown = 1;
        while (known.contains(unknown)) {
            unknown++;
        }
        long id = unknown;

        // the server answers an empty OK, which the SDK cannot decode: not a server error
        Throwable thrown = unwrap(catchThrowable(() -> root().system().getClient(id)));

        assertThat(thrown).isNotNull().isNotInstanceOf(IggyServerException.class);
    }

    @Test
    void getClientsListsEveryConnectionWithItsUser() {
        UserInfoDetails user = createUser("lister", "secret", Optional.empty());
        anonymousClient();
        IggyTcpClient lister = clientAs("lister", "secret");
        ClientInfoDetails me = root().system().getMe();
        long listerId = lister.system().getMe().clientId();

        List<ClientInfo> clients = root().system().getClients();

        assertThat(clients).extracting(ClientInfo::clientId).contains(me.clientId(), listerId);
        assertThat(clients)
                .filteredOn(client -> client.clientId().equals(listerId))
                .singleElement()
                .satisfies(client -> {
                    assertThat(client.userId()).contains(user.id());
                    assertThat(client.address()).matches(ADDRESS);
                    assertThat(client.transport()).isEqualTo("Tcp");
                });
        // a connection that has not logged in is listed with user id u32::MAX (once the server has accepted it)
        eventually("the anonymous connection is listed", () -> root().system().getClients().stream()
                .anyMatch(client -> client.userId().equals(Optional.of(NO_USER))));

        CreatedResources.closeInBackground(lister);
        eventually("the closed connection is no longer listed", () -> root().system().getClients().stream()
                .noneMatch(c -> c.clientId().equals(listerId)));
    }

    @Test
    void getMeListsTheJoinedConsumerGroups() {
        createStreamAndTopic(2);
        long groupId = root().consumerGroups()
                .createConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), GROUP)
                .id();
        IggyTcpClient member = rootClient(1);

        member.consumerGroups().joinConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));

        ClientInfoDetails me = member.system().getMe();
        assertThat(me.consumerGroupsCount()).isEqualTo(1);
        assertThat(me.consumerGroups()).containsExactly(new ConsumerGroupInfo(0L, 0L, groupId));
        assertThat(root().system().getClient(me.clientId()).consumerGroups())
                .containsExactly(new ConsumerGroupInfo(0L, 0L, groupId));

        assertThat(root().system().getClients())
                .filteredOn(client -> client.clientId().equals(me.clientId()))
                .singleElement()
                .satisfies(client -> assertThat(client.consumerGroupsCount()).isEqualTo(1));

        member.consumerGroups().leaveConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));

        assertThat(member.system().getMe().consumerGroups()).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndLoginStartsItAgain() {
        IggyTcpClient client = rootClient(1);

        client.users().logout();

        // GET_STATS is the one command the SDK still sends without a login
        assertServerError(ServerError.UNAUTHENTICATED, () -> client.system().getStats());
        assertThat(client.users()
                        .login(service().username(), service().password())
                        .userId())
                .isEqualTo(ROOT_USER_ID);
        assertThat(client.system().getStats().streamsCount()).isZero();
    }

    @Test
    void logoutKeepsTheConnectionsGroupsButDropsItsUser() {
        createStreamAndTopic(1);
        root().consumerGroups().createConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), GROUP);
        IggyTcpClient member = rootClient(1);
        member.consumerGroups().joinConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));
        long memberId = member.system().getMe().clientId();

        member.users().logout();

        assertThat(root().system().getClient(memberId)).satisfies(client -> {
            assertThat(client.userId()).contains(NO_USER);
            assertThat(client.consumerGroups()).hasSize(1);
        });
        member.users().login(service().username(), service().password());
        assertThat(member.system().getMe().consumerGroups()).hasSize(1);
    }

    @Test
    void loginOnALoggedInConnectionSwitchesTheUser() {
        UserInfoDetails user = createUser("switcher", "secret", Optional.empty());
        IggyTcpClient client = rootClient(1);

        assertThat(client.users().login("switcher", "secret").userId()).isEqualTo(user.id());

        assertThat(client.system().getMe().userId()).contains(user.id());
        assertServerError(ServerError.UNAUTHORIZED, () -> client.streams().getStreams());
    }

    /** {@code major * 10^6 + minor * 10^3 + patch}, the server's numeric form of its version. */
    private static long packed(String version) {
        String[] parts = version.split("[.-]");
        return Long.parseLong(parts[0]) * 1_000_000 + Long.parseLong(parts[1]) * 1_000 + Long.parseLong(parts[2]);
    }
}
