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
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.identifier.UserId;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.iggy.user.GlobalPermissions;
import org.apache.iggy.user.Permissions;
import org.apache.iggy.user.StreamPermissions;
import org.apache.iggy.user.TopicPermissions;
import org.apache.iggy.user.UserInfo;
import org.apache.iggy.user.UserInfoDetails;
import org.apache.iggy.user.UserStatus;
import org.junit.jupiter.api.Test;

/**
 * Users: GET_USER, GET_USERS, CREATE_USER, UPDATE_USER, UPDATE_PERMISSIONS, CHANGE_PASSWORD, DELETE_USER, LOGIN_USER,
 * and the permission checks that follow from a user's permissions.
 */
class UsersIT extends SharedServerBase {

    private static final Permissions MIXED = new Permissions(
            new GlobalPermissions(false, true, false, true, false, true, false, false, true, false),
            Map.of(
                    7L,
                    new StreamPermissions(
                            true,
                            false,
                            true,
                            false,
                            true,
                            false,
                            Map.of(3L, new TopicPermissions(false, true, false, true))),
                    9L,
                    new StreamPermissions(false, true, false, true, false, true, Map.of())));

    @Test
    void rootIsUserZeroWithEveryPermission() {
        UserInfoDetails rootUser = root().users().getUser(ROOT_USER_ID).orElseThrow();

        assertThat(rootUser.id()).isZero();
        assertThat(rootUser.username()).isEqualTo(service().username());
        assertThat(rootUser.status()).isEqualTo(UserStatus.Active);
        assertThat(rootUser.permissions()).contains(new Permissions(globalPermissions(true), Map.of()));
        assertThat(root().users().getUser(UserId.of(service().username())))
                .map(UserInfoDetails::id)
                .contains(ROOT_USER_ID);
    }

    @Test
    void createUserAnswersWithTheStoredUser() {
        long before = System.currentTimeMillis();

        UserInfoDetails user = createUser("alice", "secret", Optional.of(MIXED));

        assertThat(user.id()).isEqualTo(1L);
        assertThat(user.username()).isEqualTo("alice");
        assertThat(user.status()).isEqualTo(UserStatus.Active);
        assertThat(user.permissions()).contains(MIXED);
        assertMicrosBetween(user.createdAt(), before, System.currentTimeMillis());
        assertThat(root().users().getUser(1L)).contains(user);
        assertThat(root().users().getUser(UserId.of("alice"))).contains(user);
    }

    @Test
    void userWithoutPermissionsHasNone() {
        created.user("inactive-bob");
        UserInfoDetails user =
                root().users().createUser("inactive-bob", "secret", UserStatus.Inactive, Optional.empty());

        assertThat(user.permissions()).isEmpty();
        assertThat(user.status()).isEqualTo(UserStatus.Inactive);
        assertThat(root().users().getUser(user.id())).contains(user);
    }

    @Test
    void usersAreListedWithRoot() {
        createUser("carol", "secret", Optional.empty());
        createUser("dave", "secret", Optional.of(MIXED));

        List<UserInfo> users = root().users().getUsers();

        assertThat(users)
                .extracting(UserInfo::id, UserInfo::username, UserInfo::status)
                .containsExactlyInAnyOrder(
                        tuple(0L, service().username(), UserStatus.Active),
                        tuple(1L, "carol", UserStatus.Active),
                        tuple(2L, "dave", UserStatus.Active));
    }

    @Test
    void missingUsersAreEmptyAnswers() {
        assertThat(root().users().getUser(UserId.of("nobody-here"))).isEmpty();
        assertThat(root().users().getUser(4242L)).isEmpty();
    }

    @Test
    void freedUserIdsAreReused() {
        createUser("first", "secret", Optional.empty());
        createUser("second", "secret", Optional.empty());
        root().users().deleteUser(UserId.of("first"));

        UserInfoDetails third = createUser("third", "secret", Optional.empty());

        assertThat(third.id()).isEqualTo(1L);
    }

    @Test
    void usernamesAreUniqueAndCaseSensitive() {
        createUser("erin", "secret", Optional.empty());

        assertServerError(ServerError.USER_ALREADY_EXISTS, () -> createUser("erin", "other", Optional.empty()));
        assertThat(createUser("Erin", "secret", Optional.empty()).id()).isEqualTo(2L);
    }

    @Test
    void usernameAndPasswordLengthsAreChecked() {
        assertServerError(ServerError.INVALID_USERNAME, () -> createUser("ab", "secret", Optional.empty()));
        assertServerError(ServerError.INVALID_USERNAME, () -> createUser("u".repeat(51), "secret", Optional.empty()));
        assertServerError(ServerError.INVALID_PASSWORD, () -> createUser("frank", "pw", Optional.empty()));
        assertServerError(ServerError.INVALID_PASSWORD, () -> createUser("frank", "p".repeat(101), Optional.empty()));
        assertThat(createUser("u".repeat(50), "p".repeat(100), Optional.empty()).username())
                .hasSize(50);
    }

    @Test
    void updateUserRenamesAndDeactivates() {
        UserInfoDetails user = createUser("grace", "secret", Optional.empty());
        created.user("heidi");

        root().users().updateUser(user.id(), Optional.of("heidi"), Optional.of(UserStatus.Inactive));

        UserInfoDetails updated = root().users().getUser(user.id()).orElseThrow();
        assertThat(updated.username()).isEqualTo("heidi");
        assertThat(updated.status()).isEqualTo(UserStatus.Inactive);
        assertThat(root().users().getUser(UserId.of("grace"))).isEmpty();
        assertLoginFails(ServerError.USER_INACTIVE, "heidi", "secret");
        // the status is checked before the password
        assertLoginFails(ServerError.USER_INACTIVE, "heidi", "wrong-password");
        assertLoginFails(ServerError.INVALID_CREDENTIALS, "grace", "secret");

        root().users().updateUser(UserId.of("heidi"), Optional.empty(), Optional.of(UserStatus.Active));

        assertThat(clientAs("heidi", "secret").system().getMe().userId()).contains(user.id());
    }

    @Test
    void updateUserRefusesUnknownUsersAndTakenNames() {
        UserInfoDetails ivan = createUser("ivan", "secret", Optional.empty());
        createUser("judy", "secret", Optional.empty());

        assertServerError(ServerError.RESOURCE_NOT_FOUND, () -> root().users()
                .updateUser(4242L, Optional.of("mallory"), Optional.empty()));
        assertServerError(ServerError.USER_ALREADY_EXISTS, () -> root().users()
                .updateUser(ivan.id(), Optional.of("judy"), Optional.empty()));
        assertServerError(ServerError.INVALID_USERNAME, () -> root().users()
                .updateUser(ivan.id(), Optional.of("iv"), Optional.empty()));
        // renaming a user to its own name is allowed
        root().users().updateUser(ivan.id(), Optional.of("ivan"), Optional.empty());
        assertThat(root().users().getUser(ivan.id()).orElseThrow().username()).isEqualTo("ivan");
    }

    @Test
    void updatePermissionsReplacesThem() {
        UserInfoDetails user = createUser("kate", "secret", Optional.of(MIXED));
        Permissions readOnly = readOnlyPermissions();

        root().users().updatePermissions(user.id(), Optional.of(readOnly));
        assertThat(root().users().getUser(user.id()).orElseThrow().permissions())
                .contains(readOnly);

        root().users().updatePermissions(UserId.of("kate"), Optional.empty());
        assertThat(root().users().getUser(user.id()).orElseThrow().permissions())
                .isEmpty();

        assertServerError(ServerError.CANNOT_CHANGE_PERMISSIONS, () -> root().users()
                .updatePermissions(ROOT_USER_ID, Optional.of(readOnly)));
    }

    @Test
    void deleteUserRemovesItButNeverRoot() {
        UserInfoDetails user = createUser("leo", "secret", Optional.empty());

        root().users().deleteUser(user.id());

        assertThat(root().users().getUser(user.id())).isEmpty();
        assertThat(root().users().getUsers()).extracting(UserInfo::id).containsExactly(ROOT_USER_ID);
        assertServerError(ServerError.CANNOT_DELETE_USER, () -> root().users().deleteUser(ROOT_USER_ID));
        assertServerError(ServerError.RESOURCE_NOT_FOUND, () -> root().users().deleteUser(4242L));
    }

    @Test
    void deletedUsersConnectionLosesItsClient() {
        UserInfoDetails user = createUser("mike", "secret", Optional.empty());
        IggyTcpClient mike = clientAs("mike", "secret");

        root().users().deleteUser(user.id());

        // the connection stays open but the server no longer knows its client: ClientNotFound
        assertServerError(ServerError.CLIENT_NOT_FOUND, () -> mike.system().getMe());
    }

    @Test
    void usersChangeTheirOwnPassword() {
        UserInfoDetails user = createUser("nina", "secret", Optional.empty());
        IggyTcpClient nina = clientAs("nina", "secret");

        assertServerError(
                ServerError.INVALID_CREDENTIALS, () -> nina.users().changePassword(user.id(), "wrong", "changed"));
        assertServerError(
                ServerError.RESOURCE_NOT_FOUND, () -> root().users().changePassword(4242L, "secret", "changed"));
        assertServerError(ServerError.INVALID_PASSWORD, () -> nina.users().changePassword(user.id(), "secret", "ch"));
        nina.users().changePassword(user.id(), "secret", "changed");

        assertLoginFails(ServerError.INVALID_CREDENTIALS, "nina", "secret");
        assertThat(clientAs("nina", "changed").system().getMe().userId()).contains(user.id());
        // changing someone else's password needs the manage-users permission, checked before the password
        assertServerError(ServerError.UNAUTHORIZED, () -> nina.users()
                .changePassword(ROOT_USER_ID, "not-the-password", "hijacked"));
    }

    @Test
    void rootChangesAnotherUsersPassword() {
        createUser("oscar", "secret", Optional.empty());

        root().users().changePassword(UserId.of("oscar"), "secret", "renewed");

        assertLoginFails(ServerError.INVALID_CREDENTIALS, "oscar", "secret");
        assertThat(clientAs("oscar", "renewed").users().getUser(UserId.of("oscar")))
                .map(UserInfoDetails::username)
                .contains("oscar");
    }

    @Test
    void loginRefusesWrongCredentials() {
        createUser("peggy", "secret", Optional.empty());

        assertLoginFails(ServerError.INVALID_CREDENTIALS, "peggy", "wrong-password");
        assertLoginFails(ServerError.INVALID_CREDENTIALS, "nobody-here", "secret");
        assertLoginFails(ServerError.INVALID_USERNAME, "pe", "secret");
        assertLoginFails(ServerError.INVALID_PASSWORD, "peggy", "pw");
    }

    @Test
    void userWithoutPermissionsMayOnlyLookAtItself() {
        createStreamAndTopic(1);
        UserInfoDetails user = createUser("quentin", "secret", Optional.empty());
        IggyTcpClient quentin = clientAs("quentin", "secret");

        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.streams().getStreams());
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.streams().getStream(StreamId.of(STREAM)));
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.streams().createStream("forbidden"));
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.users().getUsers());
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.users().getUser(ROOT_USER_ID));
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.users()
                .createUser("sybil", "secret", UserStatus.Active, Optional.empty()));
        // user management checks the permission before it validates
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.users()
                .createUser("sy", "secret", UserStatus.Active, Optional.empty()));
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.users().deleteUser(4242L));
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.messages()
                .sendMessages(StreamId.of(STREAM), TopicId.of(TOPIC), Partitioning.balanced(), messages("x")));
        assertServerError(
                ServerError.UNAUTHORIZED, () -> poll(quentin, 0L, Consumer.of(1L), PollingStrategy.first(), 1, false));
        // what a user may always do: look at itself, and at things that do not exist
        assertThat(quentin.system().ping()).isEqualTo("pong");
        assertThat(quentin.system().getMe().userId()).contains(user.id());
        assertThat(quentin.users().getUser(user.id()))
                .map(UserInfoDetails::username)
                .contains("quentin");
        assertThat(quentin.streams().getStream(StreamId.of("no-such-stream"))).isEmpty();
        // another user's numeric id is checked for rights before existence; an unknown name is just not found
        assertServerError(ServerError.UNAUTHORIZED, () -> quentin.users().getUser(4242L));
        assertThat(quentin.users().getUser(UserId.of("no-such-user"))).isEmpty();
    }

    @Test
    void readOnlyUserReadsButDoesNotWrite() {
        createStreamAndTopic(1);
        sendTo(0L, messages("readable"));
        createUser("rita", "secret", Optional.of(readOnlyPermissions()));
        IggyTcpClient rita = clientAs("rita", "secret");

        assertThat(rita.streams().getStreams()).hasSize(1);
        assertThat(rita.topics().getTopic(StreamId.of(STREAM), TopicId.of(TOPIC)))
                .isPresent();
        assertThat(payloads(poll(rita, 0L, Consumer.of(1L), PollingStrategy.first(), 10, false)))
                .containsExactly("readable");
        assertServerError(ServerError.UNAUTHORIZED, () -> rita.streams().createStream("forbidden"));
        assertServerError(ServerError.UNAUTHORIZED, () -> rita.streams().deleteStream(StreamId.of(STREAM)));
        assertServerError(ServerError.UNAUTHORIZED, () -> rita.messages()
                .sendMessages(StreamId.of(STREAM), TopicId.of(TOPIC), Partitioning.balanced(), messages("x")));
    }

    @Test
    void topicPermissionsGrantOneTopicOnly() {
        createStreamAndTopic(1);
        createTopic(STREAM, "other-topic", 1);
        sendTo(0L, messages("visible"));
        Permissions onTopic = streamPermissions(
                0L,
                new StreamPermissions(
                        false,
                        false,
                        false,
                        false,
                        false,
                        false,
                        Map.of(0L, new TopicPermissions(false, true, true, true))));
        createUser("tina", "secret", Optional.of(onTopic));
        IggyTcpClient tina = clientAs("tina", "secret");

        assertThat(tina.topics().getTopic(StreamId.of(STREAM), TopicId.of(TOPIC)))
                .isPresent();
        assertThat(payloads(poll(tina, 0L, Consumer.of(1L), PollingStrategy.first(), 10, false)))
                .containsExactly("visible");
        tina.messages()
                .sendMessages(StreamId.of(STREAM), TopicId.of(TOPIC), Partitioning.partitionId(0L), messages("sent"));
        // topic rights do not cover the stream, its list of topics or its other topics
        assertServerError(ServerError.UNAUTHORIZED, () -> tina.topics().getTopics(StreamId.of(STREAM)));
        assertServerError(ServerError.UNAUTHORIZED, () -> tina.streams().getStream(StreamId.of(STREAM)));
        assertServerError(
                ServerError.UNAUTHORIZED, () -> tina.topics().getTopic(StreamId.of(STREAM), TopicId.of("other-topic")));
        assertServerError(
                ServerError.UNAUTHORIZED, () -> tina.topics().deleteTopic(StreamId.of(STREAM), TopicId.of(TOPIC)));
    }

    @Test
    void streamPermissionsGrantOneStreamOnly() {
        createStream(STREAM);
        createStream("other-stream");
        Permissions onFirst =
                streamPermissions(0L, new StreamPermissions(true, true, true, true, true, true, Map.of()));
        createUser("sam", "secret", Optional.of(onFirst));
        IggyTcpClient sam = clientAs("sam", "secret");

        sam.topics()
                .createTopic(
                        StreamId.of(STREAM),
                        1L,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        TOPIC);
        sam.messages()
                .sendMessages(StreamId.of(STREAM), TopicId.of(TOPIC), Partitioning.partitionId(0L), messages("own"));

        assertThat(payloads(poll(sam, 0L, Consumer.of(1L), PollingStrategy.first(), 10, false)))
                .containsExactly("own");
        assertThat(sam.streams().getStream(StreamId.of(STREAM))).isPresent();
        assertServerError(ServerError.UNAUTHORIZED, () -> sam.streams().getStream(StreamId.of("other-stream")));
        assertServerError(ServerError.UNAUTHORIZED, () -> sam.streams().createStream("forbidden"));
        assertServerError(ServerError.UNAUTHORIZED, () -> sam.topics()
                .createTopic(
                        StreamId.of("other-stream"),
                        1L,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        TOPIC));
    }
}
