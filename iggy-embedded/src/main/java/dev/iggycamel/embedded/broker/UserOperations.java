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

import dev.iggycamel.embedded.broker.UserState.PersonalAccessToken;
import dev.iggycamel.embedded.broker.Views.TokenView;
import dev.iggycamel.embedded.broker.Views.UserView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Users, logins and personal access tokens. */
public final class UserOperations {

    public static final int MIN_USERNAME_LENGTH = 3;
    public static final int MAX_USERNAME_LENGTH = 50;
    public static final int MIN_PASSWORD_LENGTH = 3;
    public static final int MAX_PASSWORD_LENGTH = 100;
    public static final int MIN_TOKEN_NAME_LENGTH = 3;
    public static final int MAX_TOKEN_NAME_LENGTH = 30;
    public static final int MAX_TOKENS_PER_USER = 100;
    static final int ROOT_USER_ID = 0;

    private static final int TOKEN_BYTES = 50;

    private final Broker broker;
    private final SecureRandom random = new SecureRandom();

    UserOperations(Broker broker) {
        this.broker = broker;
    }

    /** Creates the root user with every permission. Callers hold the write lock. */
    void createRoot() {
        int id = broker.userIds.allocate();
        broker.users.put(
                id,
                new UserState(
                        id,
                        broker.config.rootUsername(),
                        hash(broker.config.rootPassword()),
                        UserState.ACTIVE,
                        Permissions.root(),
                        Clock.nowMicros()));
    }

    public int login(ClientSession session, String username, String password) {
        checkLength(username, MIN_USERNAME_LENGTH, MAX_USERNAME_LENGTH, ErrorCode.INVALID_USERNAME, "username");
        checkLength(password, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, ErrorCode.INVALID_PASSWORD, "password");
        broker.requireLiveClient(session, ErrorCode.CLIENT_NOT_FOUND);
        return broker.read(() -> {
            UserState user = userNamed(username);
            if (user == null) {
                throw new BrokerException(ErrorCode.INVALID_CREDENTIALS, "user " + username + " does not exist");
            }
            // the server checks the status before the password
            if (user.status != UserState.ACTIVE) {
                throw new BrokerException(ErrorCode.USER_INACTIVE, "user " + username + " is inactive");
            }
            if (!MessageDigest.isEqual(user.passwordHash, hash(password))) {
                throw new BrokerException(ErrorCode.INVALID_CREDENTIALS, "wrong password for user " + username);
            }
            session.login(user.id);
            return user.id;
        });
    }

    public void logout(ClientSession session) {
        broker.authorizer.authenticated(session);
        broker.requireLiveClient(session, ErrorCode.CLIENT_NOT_FOUND);
        session.logout();
    }

    public Optional<UserView> getUser(ClientSession session, Identifier userId) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            // a name that resolves to nobody is an empty answer; a numeric id is checked for rights first
            if (!userId.isNumeric() && userNamed(userId.name()) == null) {
                return Optional.empty();
            }
            UserState user = findUser(userId);
            long targetId = user != null ? user.id : userId.id();
            if (targetId != session.userId()) {
                broker.authorizer.readUsers(session);
            }
            return Optional.ofNullable(user).map(UserOperations::view);
        });
    }

    public List<UserView> getUsers(ClientSession session) {
        broker.authorizer.readUsers(session);
        return broker.read(() -> {
            List<UserView> views = new ArrayList<>();
            for (UserState user : broker.users.values()) {
                views.add(view(user));
            }
            return views;
        });
    }

    public UserView createUser(
            ClientSession session, String username, String password, int status, Permissions permissions) {
        broker.authorizer.manageUsers(session);
        checkStatus(status);
        checkLength(username, MIN_USERNAME_LENGTH, MAX_USERNAME_LENGTH, ErrorCode.INVALID_USERNAME, "username");
        checkLength(password, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, ErrorCode.INVALID_PASSWORD, "password");
        return broker.write(() -> {
            if (userNamed(username) != null) {
                throw new BrokerException(ErrorCode.USER_ALREADY_EXISTS, "user " + username + " already exists");
            }
            int id = broker.userIds.allocate();
            UserState user = new UserState(id, username, hash(password), status, permissions, Clock.nowMicros());
            broker.users.put(id, user);
            broker.persistMetadata();
            return view(user);
        });
    }

    public void deleteUser(ClientSession session, Identifier userId) {
        broker.authorizer.manageUsers(session);
        broker.write(() -> {
            UserState user = user(userId);
            if (user.id == ROOT_USER_ID) {
                throw new BrokerException(ErrorCode.CANNOT_DELETE_USER, "the root user cannot be deleted");
            }
            broker.users.remove(user.id);
            broker.userIds.release(user.id);
            // like the server, the user's connections stay open but lose their client entry: they are refused
            for (ClientSession other : broker.sessions.values()) {
                if (other.userId() == user.id) {
                    other.orphan();
                }
            }
            broker.persistMetadata();
            return null;
        });
    }

    public void updateUser(ClientSession session, Identifier userId, String username, Integer status) {
        broker.authorizer.manageUsers(session);
        if (status != null) {
            checkStatus(status);
        }
        if (username != null) {
            checkLength(username, MIN_USERNAME_LENGTH, MAX_USERNAME_LENGTH, ErrorCode.INVALID_USERNAME, "username");
        }
        broker.write(() -> {
            UserState user = user(userId);
            if (username != null && !username.equals(user.username)) {
                if (userNamed(username) != null) {
                    throw new BrokerException(ErrorCode.USER_ALREADY_EXISTS, "user " + username + " already exists");
                }
                user.username = username;
            }
            if (status != null) {
                user.status = status;
            }
            broker.persistMetadata();
            return null;
        });
    }

    public void updatePermissions(ClientSession session, Identifier userId, Permissions permissions) {
        broker.authorizer.manageUsers(session);
        broker.write(() -> {
            UserState user = user(userId);
            if (user.id == ROOT_USER_ID) {
                throw new BrokerException(
                        ErrorCode.CANNOT_CHANGE_PERMISSIONS, "the root user's permissions cannot be changed");
            }
            user.permissions = permissions;
            broker.persistMetadata();
            return null;
        });
    }

    public void changePassword(ClientSession session, Identifier userId, String currentPassword, String newPassword) {
        broker.authorizer.authenticated(session);
        broker.write(() -> {
            UserState user = user(userId);
            if (user.id != session.userId()) {
                broker.authorizer.manageUsers(session);
            }
            checkLength(
                    currentPassword,
                    MIN_PASSWORD_LENGTH,
                    MAX_PASSWORD_LENGTH,
                    ErrorCode.INVALID_PASSWORD,
                    "current password");
            checkLength(
                    newPassword, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, ErrorCode.INVALID_PASSWORD, "new password");
            if (!MessageDigest.isEqual(user.passwordHash, hash(currentPassword))) {
                throw new BrokerException(
                        ErrorCode.INVALID_CREDENTIALS, "the current password of user " + user.username + " is wrong");
            }
            user.passwordHash = hash(newPassword);
            broker.persistMetadata();
            return null;
        });
    }

    public List<TokenView> getTokens(ClientSession session) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            UserState user = broker.users.get(session.userId());
            List<TokenView> views = new ArrayList<>();
            if (user != null) {
                for (PersonalAccessToken token : user.tokens.values()) {
                    views.add(new TokenView(token.name(), token.expiryAt()));
                }
            }
            return views;
        });
    }

    /** Creates a token and returns it raw; only its hash is kept. */
    public String createToken(ClientSession session, String name, long expiryMicros) {
        broker.authorizer.authenticated(session);
        checkLength(
                name,
                MIN_TOKEN_NAME_LENGTH,
                MAX_TOKEN_NAME_LENGTH,
                ErrorCode.INVALID_PERSONAL_ACCESS_TOKEN_NAME,
                "personal access token name");
        return broker.write(() -> {
            UserState user = broker.users.get(session.userId());
            if (user == null) {
                throw new BrokerException(ErrorCode.RESOURCE_NOT_FOUND, "the session's user no longer exists");
            }
            // the server checks the limit before the name
            if (user.tokens.size() >= MAX_TOKENS_PER_USER) {
                throw new BrokerException(
                        ErrorCode.PERSONAL_ACCESS_TOKENS_LIMIT_REACHED,
                        "user " + user.username + " has " + MAX_TOKENS_PER_USER + " personal access tokens");
            }
            if (user.tokens.containsKey(name)) {
                throw new BrokerException(
                        ErrorCode.PERSONAL_ACCESS_TOKEN_ALREADY_EXISTS,
                        "user " + user.username + " already has a personal access token named " + name);
            }
            String raw = newToken();
            long expiryAt = expiryMicros == 0 || expiryMicros == -1L ? 0 : Clock.nowMicros() + expiryMicros;
            user.tokens.put(name, new PersonalAccessToken(name, tokenHash(raw), expiryAt));
            broker.persistMetadata();
            return raw;
        });
    }

    public void deleteToken(ClientSession session, String name) {
        broker.authorizer.authenticated(session);
        checkLength(
                name,
                MIN_TOKEN_NAME_LENGTH,
                MAX_TOKEN_NAME_LENGTH,
                ErrorCode.INVALID_PERSONAL_ACCESS_TOKEN_NAME,
                "personal access token name");
        broker.write(() -> {
            UserState user = broker.users.get(session.userId());
            if (user == null || user.tokens.remove(name) == null) {
                throw new BrokerException(
                        ErrorCode.RESOURCE_NOT_FOUND, "personal access token " + name + " does not exist");
            }
            broker.persistMetadata();
            return null;
        });
    }

    public int loginWithToken(ClientSession session, String token) {
        String hash = tokenHash(token);
        return broker.read(() -> {
            for (UserState user : broker.users.values()) {
                for (PersonalAccessToken candidate : user.tokens.values()) {
                    if (candidate.tokenHash().equals(hash)) {
                        if (candidate.isExpired(Clock.nowMicros())) {
                            throw new BrokerException(
                                    ErrorCode.PERSONAL_ACCESS_TOKEN_EXPIRED,
                                    "personal access token " + candidate.name() + " of user " + user.username
                                            + " has expired");
                        }
                        if (user.status != UserState.ACTIVE) {
                            throw new BrokerException(
                                    ErrorCode.USER_INACTIVE, "user " + user.username + " is inactive");
                        }
                        session.login(user.id);
                        return user.id;
                    }
                }
            }
            throw new BrokerException(ErrorCode.RESOURCE_NOT_FOUND, "unknown personal access token");
        });
    }

    UserState findUser(Identifier identifier) {
        if (identifier.isNumeric()) {
            return identifier.id() > Integer.MAX_VALUE ? null : broker.users.get((int) identifier.id());
        }
        return userNamed(identifier.name());
    }

    private UserState user(Identifier identifier) {
        UserState user = findUser(identifier);
        if (user == null) {
            throw new BrokerException(ErrorCode.RESOURCE_NOT_FOUND, "user " + identifier + " does not exist");
        }
        return user;
    }

    private UserState userNamed(String username) {
        for (UserState user : broker.users.values()) {
            if (user.username.equals(username)) {
                return user;
            }
        }
        return null;
    }

    static UserView view(UserState user) {
        return new UserView(user.id, user.createdAt, user.status, user.username, user.permissions);
    }

    /** 50 random bytes in padded standard Base64 (68 characters), the server's token format. */
    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] hash(String password) {
        return sha256(("iggy-embedded:" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String tokenHash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void checkLength(String value, int min, int max, ErrorCode code, String what) {
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length < min || length > max) {
            throw new BrokerException(code, what + " must be " + min + "-" + max + " bytes long, got " + length);
        }
    }

    private static void checkStatus(int status) {
        if (status != UserState.ACTIVE && status != UserState.INACTIVE) {
            throw new BrokerException(ErrorCode.INVALID_COMMAND, "unknown user status " + status);
        }
    }
}
