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

import dev.iggycamel.testinfra.IggyService;
import java.io.File;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClientBuilder;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.client.blocking.tcp.IggyTcpClientBuilder;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.personalaccesstoken.PersonalAccessTokenInfo;
import org.apache.iggy.stream.StreamBase;
import org.apache.iggy.stream.StreamDetails;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.iggy.topic.TopicDetails;
import org.apache.iggy.user.GlobalPermissions;
import org.apache.iggy.user.Permissions;
import org.apache.iggy.user.StreamPermissions;
import org.apache.iggy.user.UserInfo;
import org.apache.iggy.user.UserInfoDetails;
import org.apache.iggy.user.UserStatus;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance suite's base: the official Iggy Java SDK 0.8.0 against an {@link IggyService}, the embedded server
 * by default or a real Iggy 0.8.0 with {@code -Diggy.instance.type=remote}. Nothing here resets the server: each test
 * records what it creates in {@link #created} and the base deletes it afterwards, then checks that the server is back
 * to holding no streams, no users but root and no root tokens (a leak fails the test that leaked, and is removed so
 * the next test starts clean).
 *
 * <p>One root client is shared by the tests of a class; tests that need other users, logins, pool sizes or
 * connection-level behaviour open their own clients through the helpers, which close them after the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a separate thread: the SDK's blocking calls wait in join(), which an interrupt cannot end
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class ConformanceBase {

    static final String STREAM = "conformance-stream";
    static final String TOPIC = "conformance-topic";
    static final String GROUP = "conformance-group";
    static final long ROOT_USER_ID = 0L;
    static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** What the SDK shows as a client's user id when the server sends u32::MAX (not logged in). */
    static final long NO_USER = 0xFFFF_FFFFL;

    private static final long AWAIT_SECONDS = 10;

    /** What the running test created; undone after it. */
    final CreatedResources created = new CreatedResources();

    private IggyTcpClient root;

    /** The server under test. */
    abstract IggyService service();

    @BeforeAll
    final void connectRoot() {
        root = rootBuilder().buildAndLogin();
    }

    @AfterAll
    final void closeRoot() {
        if (root != null) {
            CreatedResources.closeInBackground(root);
        }
    }

    @BeforeEach
    final void requireCleanServer(TestInfo test) {
        reconnectRootIfBroken();
        assertThat(leftovers(false))
                .as("before %s the server must hold no streams, no users but root and no root tokens", name(test))
                .isEmpty();
    }

    @AfterEach
    final void undoAndCheckForLeaks(TestInfo test) {
        reconnectRootIfBroken();
        List<String> problems = new ArrayList<>(created.undo(root));
        problems.addAll(leftovers(true));
        assertThat(problems)
                .as("%s left the server dirty (what is listed was removed now)", name(test))
                .isEmpty();
    }

    /** The class's shared client, logged in as root (connection pool of the SDK's default size). */
    IggyTcpClient root() {
        return root;
    }

    // ---------------------------------------------------------------- clients

    /** A blocking-client builder for the server, with TLS set up when the service speaks TLS. */
    IggyTcpClientBuilder builder() {
        IggyTcpClientBuilder builder =
                IggyTcpClient.builder().host(service().host()).port(service().port());
        if (service().isTls()) {
            builder.enableTls();
            certificate().ifPresent(builder::tlsCertificate);
        }
        return builder;
    }

    /** An async-client builder for the server, with TLS set up when the service speaks TLS. */
    AsyncIggyTcpClientBuilder asyncBuilder() {
        AsyncIggyTcpClientBuilder builder = AsyncIggyTcpClient.builder()
                .host(service().host())
                .port(service().port());
        if (service().isTls()) {
            builder.tls(true);
            certificate().ifPresent(builder::tlsCertificate);
        }
        return builder;
    }

    /**
     * A new root client with its own connection pool of {@code poolSize}; closed after the test. Use one connection
     * for GET_STATS, see {@link #asyncRootClient(Integer)}.
     */
    IggyTcpClient rootClient(int poolSize) {
        return created.closeable(rootBuilder().connectionPoolSize(poolSize).buildAndLogin());
    }

    /** A client logged in as {@code username} over a single connection; closed after the test. */
    IggyTcpClient clientAs(String username, String password) {
        return created.closeable(
                builder().credentials(username, password).connectionPoolSize(1).buildAndLogin());
    }

    /** A connected client that has not logged in, over a single connection; closed after the test. */
    IggyTcpClient anonymousClient() {
        IggyTcpClient client = created.closeable(builder().connectionPoolSize(1).build());
        client.connect();
        return client;
    }

    /** A connected async client logged in as root, with the SDK's default pool of connections; closed after the test. */
    AsyncIggyTcpClient asyncRootClient() {
        return asyncRootClient(null);
    }

    /**
     * A connected async client logged in as root over {@code poolSize} connections (null: the SDK's default, 5);
     * closed after the test.
     *
     * <p>Ask for GET_STATS on a client with one connection: the SDK sends GET_STATS without first replaying the
     * login on a pooled connection that has not logged in yet, which any server answers with Unauthenticated (40).
     */
    AsyncIggyTcpClient asyncRootClient(Integer poolSize) {
        AsyncIggyTcpClient client = await(asyncBuilder()
                .credentials(service().username(), service().password())
                .connectionPoolSize(poolSize)
                .buildAndLogin());
        created.closeable(() -> client.close());
        return client;
    }

    /**
     * Asserts that logging in as {@code username} fails with {@code code}, on a client of its own (a failed login
     * leaves an SDK client without credentials to replay).
     */
    void assertLoginFails(int code, String username, String password) {
        IggyTcpClient client = anonymousClient();
        assertServerError(code, () -> client.users().login(username, password));
    }

    private IggyTcpClientBuilder rootBuilder() {
        return builder().credentials(service().username(), service().password());
    }

    private Optional<File> certificate() {
        Path certificate = service().tlsCertificate();
        return Optional.ofNullable(certificate).map(Path::toFile);
    }

    // ---------------------------------------------------------------- server objects, created as root

    StreamDetails createStream(String name) {
        StreamDetails stream = root.streams().createStream(name);
        created.stream(name);
        return stream;
    }

    TopicDetails createTopic(String stream, String topic, long partitions) {
        return root.topics()
                .createTopic(
                        StreamId.of(stream),
                        partitions,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        topic);
    }

    /** The usual fixture: {@link #STREAM} with {@link #TOPIC} of {@code partitions} partitions. */
    TopicDetails createStreamAndTopic(long partitions) {
        createStream(STREAM);
        return createTopic(STREAM, TOPIC, partitions);
    }

    UserInfoDetails createUser(String username, String password, Optional<Permissions> permissions) {
        UserInfoDetails user = root.users().createUser(username, password, UserStatus.Active, permissions);
        created.user(username);
        return user;
    }

    // ---------------------------------------------------------------- messages

    static List<Message> messages(String... payloads) {
        return Arrays.stream(payloads).map(Message::of).toList();
    }

    static List<Message> numbered(String prefix, int count) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(Message.of(prefix + i));
        }
        return messages;
    }

    void send(Partitioning partitioning, List<Message> messages) {
        root.messages().sendMessages(StreamId.of(STREAM), TopicId.of(TOPIC), partitioning, messages);
    }

    void sendTo(long partition, List<Message> messages) {
        send(Partitioning.partitionId(partition), messages);
    }

    PolledMessages poll(Long partition, long consumer, PollingStrategy strategy, long count, boolean autoCommit) {
        return poll(root, partition, Consumer.of(consumer), strategy, count, autoCommit);
    }

    static PolledMessages poll(
            IggyTcpClient client,
            Long partition,
            Consumer consumer,
            PollingStrategy strategy,
            long count,
            boolean autoCommit) {
        return client.messages()
                .pollMessages(
                        StreamId.of(STREAM),
                        TopicId.of(TOPIC),
                        Optional.ofNullable(partition),
                        consumer,
                        strategy,
                        count,
                        autoCommit);
    }

    static List<String> payloads(PolledMessages polled) {
        return polled.messages().stream()
                .map(message -> new String(message.payload(), StandardCharsets.UTF_8))
                .toList();
    }

    static List<Long> offsets(PolledMessages polled) {
        return polled.messages().stream()
                .map(message -> message.header().offset().longValueExact())
                .toList();
    }

    // ---------------------------------------------------------------- permissions

    static GlobalPermissions globalPermissions(boolean value) {
        return new GlobalPermissions(value, value, value, value, value, value, value, value, value, value);
    }

    /** Read-only rights on streams and topics, and polling, nothing else. */
    static Permissions readOnlyPermissions() {
        return new Permissions(
                new GlobalPermissions(false, false, false, false, false, true, false, true, true, false), Map.of());
    }

    static Permissions streamPermissions(long streamId, StreamPermissions permissions) {
        return new Permissions(globalPermissions(false), Map.of(streamId, permissions));
    }

    // ---------------------------------------------------------------- assertions and waiting

    /**
     * Runs {@code call} and asserts it failed with the server error {@code code} (the raw code on the wire; the SDK's
     * enum names are not checked).
     */
    static IggyServerException assertServerError(int code, ThrowingCallable call) {
        Throwable thrown = unwrap(catchThrowable(call));
        assertThat(thrown)
                .as("expected the server to answer with error %d", code)
                .isInstanceOf(IggyServerException.class);
        IggyServerException error = (IggyServerException) thrown;
        assertThat(error.getRawErrorCode())
                .as("server error code (%s)", error.getMessage())
                .isEqualTo(code);
        return error;
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Waits (bounded) for an async result; failures are rethrown unwrapped when they are runtime exceptions. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + AWAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds, for things the server does after a connection closes. */
    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    static long nowMicros() {
        return System.currentTimeMillis() * 1_000;
    }

    /** Asserts a server timestamp in µs lies within [from - 1 s, to + 1 s] (milliseconds since the epoch). */
    static void assertMicrosBetween(BigInteger micros, long fromMillis, long toMillis) {
        assertThat(micros.longValueExact())
                .as("timestamp in µs since the epoch")
                .isBetween((fromMillis - 1_000) * 1_000, (toMillis + 1_000) * 1_000);
    }

    // ---------------------------------------------------------------- cleanliness

    /** What the server holds beyond a fresh server's root user; removed too when {@code remove}. */
    private List<String> leftovers(boolean remove) {
        List<String> found = new ArrayList<>();
        List<Long> streamIds = new ArrayList<>();
        for (StreamBase stream : root.streams().getStreams()) {
            found.add("stream " + stream.id() + " '" + stream.name() + "'");
            streamIds.add(stream.id());
        }
        List<Long> userIds = new ArrayList<>();
        for (UserInfo user : root.users().getUsers()) {
            if (user.id() != ROOT_USER_ID) {
                found.add("user " + user.id() + " '" + user.username() + "'");
                userIds.add(user.id());
            }
        }
        List<String> tokens = new ArrayList<>();
        for (PersonalAccessTokenInfo token : root.personalAccessTokens().getPersonalAccessTokens()) {
            found.add("root token '" + token.name() + "'");
            tokens.add(token.name());
        }
        if (remove) {
            CreatedResources.deleteFromHighestId(streamIds, id -> root.streams().deleteStream(id));
            CreatedResources.deleteFromHighestId(userIds, id -> root.users().deleteUser(id));
            tokens.forEach(token -> root.personalAccessTokens().deletePersonalAccessToken(token));
        }
        return found;
    }

    /** A test may break a connection on purpose; the shared root client is rebuilt if it no longer answers. */
    private void reconnectRootIfBroken() {
        try {
            root.users().getUser(ROOT_USER_ID);
        } catch (RuntimeException e) {
            CreatedResources.closeInBackground(root);
            root = rootBuilder().buildAndLogin();
        }
    }

    private static String name(TestInfo test) {
        return test.getTestClass().map(Class::getSimpleName).orElse("?") + "." + test.getDisplayName();
    }
}
