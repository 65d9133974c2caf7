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
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.identifier.UserId;
import org.apache.iggy.personalaccesstoken.PersonalAccessTokenInfo;
import org.apache.iggy.personalaccesstoken.RawPersonalAccessToken;
import org.apache.iggy.user.UserInfoDetails;
import org.apache.iggy.user.UserStatus;
import org.junit.jupiter.api.Test;

/**
 * Personal access tokens: CREATE, GET (list), DELETE and LOGIN_WITH_PERSONAL_ACCESS_TOKEN, with the token format,
 * expiry reporting and the error codes (20 unknown, 50 bad name, 51 duplicate, 54 expired).
 */
class PersonalAccessTokensIT extends SharedServerBase {

    private static final BigInteger NEVER = BigInteger.ZERO;
    private static final long HOUR_MICROS = 3_600_000_000L;

    @Test
    void createdTokenIsListedAndLogsIn() {
        RawPersonalAccessToken token = createRootToken("ci-token", NEVER);

        // 50 random bytes as padded standard Base64
        assertThat(token.token()).hasSize(68).endsWith("=").matches("[A-Za-z0-9+/]+=");
        assertThat(root().personalAccessTokens().getPersonalAccessTokens())
                .containsExactly(new PersonalAccessTokenInfo("ci-token", Optional.empty()));

        IggyTcpClient client = anonymousClient();
        assertThat(client.personalAccessTokens()
                        .loginWithPersonalAccessToken(token.token())
                        .userId())
                .isEqualTo(ROOT_USER_ID);
        created.stream("made-with-a-token");
        assertThat(client.streams().createStream("made-with-a-token").name()).isEqualTo("made-with-a-token");
    }

    @Test
    void tokenExpiryIsListedAsAnAbsoluteTimestamp() {
        long before = nowMicros();
        createRootToken("hourly", BigInteger.valueOf(HOUR_MICROS));
        long after = nowMicros();

        PersonalAccessTokenInfo info =
                root().personalAccessTokens().getPersonalAccessTokens().get(0);

        assertThat(info.name()).isEqualTo("hourly");
        assertThat(info.expiryAt()).isPresent();
        assertThat(info.expiryAt().orElseThrow().longValueExact())
                .isBetween(before + HOUR_MICROS - 1_000_000, after + HOUR_MICROS + 1_000_000);
        // u64::MAX means "never", like 0
        createRootToken("forever", U64_MAX);
        assertThat(root().personalAccessTokens().getPersonalAccessTokens())
                .filteredOn(token -> token.name().equals("forever"))
                .singleElement()
                .satisfies(token -> assertThat(token.expiryAt()).isEmpty());
    }

    @Test
    void expiredTokenIsListedButRefused() throws InterruptedException {
        RawPersonalAccessToken token = createRootToken("short-lived", BigInteger.ONE);
        Thread.sleep(5);

        assertThat(root().personalAccessTokens().getPersonalAccessTokens())
                .extracting(PersonalAccessTokenInfo::name)
                .containsExactly("short-lived");
        assertServerError(
                ServerError.PERSONAL_ACCESS_TOKEN_EXPIRED,
                () -> anonymousClient().personalAccessTokens().loginWithPersonalAccessToken(token.token()));
    }

    @Test
    void deletedTokenNoLongerLogsIn() {
        RawPersonalAccessToken token = createRootToken("doomed", NEVER);
        createRootToken("kept", NEVER);

        root().personalAccessTokens().deletePersonalAccessToken("doomed");

        assertThat(root().personalAccessTokens().getPersonalAccessTokens())
                .extracting(PersonalAccessTokenInfo::name)
                .containsExactly("kept");
        assertServerError(
                ServerError.RESOURCE_NOT_FOUND,
                () -> anonymousClient().personalAccessTokens().loginWithPersonalAccessToken(token.token()));
        assertServerError(ServerError.RESOURCE_NOT_FOUND, () -> root().personalAccessTokens()
                .deletePersonalAccessToken("doomed"));
    }

    @Test
    void tokenNamesAreCheckedAndUniquePerUser() {
        createRootToken("unique", NEVER);

        assertServerError(ServerError.PERSONAL_ACCESS_TOKEN_ALREADY_EXISTS, () -> createRootToken("unique", NEVER));
        assertServerError(ServerError.INVALID_PERSONAL_ACCESS_TOKEN_NAME, () -> createRootToken("ab", NEVER));
        assertServerError(ServerError.INVALID_PERSONAL_ACCESS_TOKEN_NAME, () -> createRootToken("t".repeat(31), NEVER));
        assertThat(createRootToken("t".repeat(30), NEVER).token()).hasSize(68);
    }

    @Test
    void unknownTokenIsRefused() {
        assertServerError(
                ServerError.RESOURCE_NOT_FOUND,
                () -> anonymousClient().personalAccessTokens().loginWithPersonalAccessToken("not-a-real-token"));
    }

    @Test
    void tokensBelongToTheirUser() {
        createRootToken("roots-token", NEVER);
        UserInfoDetails user = createUser("token-owner", "secret", Optional.empty());
        IggyTcpClient owner = clientAs("token-owner", "secret");

        RawPersonalAccessToken token = owner.personalAccessTokens().createPersonalAccessToken("roots-token", NEVER);

        assertThat(owner.personalAccessTokens().getPersonalAccessTokens())
                .extracting(PersonalAccessTokenInfo::name)
                .containsExactly("roots-token");
        IggyTcpClient viaToken = anonymousClient();
        assertThat(viaToken.personalAccessTokens()
                        .loginWithPersonalAccessToken(token.token())
                        .userId())
                .isEqualTo(user.id());
        assertThat(viaToken.system().getMe().userId()).contains(user.id());
    }

    @Test
    void tokenOfAnInactiveUserIsRefused() {
        UserInfoDetails user = createUser("dormant", "secret", Optional.empty());
        RawPersonalAccessToken token =
                clientAs("dormant", "secret").personalAccessTokens().createPersonalAccessToken("dormant-token", NEVER);

        root().users().updateUser(user.id(), Optional.empty(), Optional.of(UserStatus.Inactive));

        assertServerError(
                ServerError.USER_INACTIVE,
                () -> anonymousClient().personalAccessTokens().loginWithPersonalAccessToken(token.token()));
    }

    @Test
    void deletingAUserDeletesItsTokens() {
        createUser("short-timer", "secret", Optional.empty());
        RawPersonalAccessToken token =
                clientAs("short-timer", "secret").personalAccessTokens().createPersonalAccessToken("mine", NEVER);

        root().users().deleteUser(UserId.of("short-timer"));

        assertServerError(
                ServerError.RESOURCE_NOT_FOUND,
                () -> anonymousClient().personalAccessTokens().loginWithPersonalAccessToken(token.token()));
    }

    private RawPersonalAccessToken createRootToken(String name, BigInteger expiry) {
        RawPersonalAccessToken token = root().personalAccessTokens().createPersonalAccessToken(name, expiry);
        created.rootToken(name);
        return token;
    }
}
