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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.exception.IggyServerException;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.UserId;

/**
 * What one test created on the server and opened towards it, so that it can be undone: the suite also runs against
 * a real server, which cannot be reset. Streams (with their topics, partitions, messages and groups), non-root users
 * (with their tokens) and the root user's personal access tokens are deleted by name; clients are closed first, so
 * that no connection outlives its test.
 */
final class CreatedResources {

    private static final Executor CLOSER = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "conformance-client-closer");
        thread.setDaemon(true);
        return thread;
    });

    private final Set<String> streams = new LinkedHashSet<>();
    private final Set<String> users = new LinkedHashSet<>();
    private final Set<String> rootTokens = new LinkedHashSet<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    void stream(String name) {
        streams.add(name);
    }

    void user(String username) {
        users.add(username);
    }

    void rootToken(String name) {
        rootTokens.add(name);
    }

    <T extends AutoCloseable> T closeable(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    /**
     * Closes the clients, then deletes tokens, users and streams through {@code root}. Returns what could not be
     * undone; a server error means "already gone", which the caller's leak check verifies.
     */
    List<String> undo(IggyTcpClient root) {
        List<String> problems = new ArrayList<>();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeInBackground(closeables.get(i));
        }
        for (String token : rootTokens) {
            undo(problems, "token " + token, () -> root.personalAccessTokens().deletePersonalAccessToken(token));
        }
        List<Long> userIds = new ArrayList<>();
        for (String user : users) {
            root.users().getUser(UserId.of(user)).ifPresent(details -> userIds.add(details.id()));
        }
        deleteFromHighestId(
                userIds, id -> undo(problems, "user " + id, () -> root.users().deleteUser(id)));
        List<Long> streamIds = new ArrayList<>();
        for (String stream : streams) {
            root.streams().getStream(StreamId.of(stream)).ifPresent(details -> streamIds.add(details.id()));
        }
        deleteFromHighestId(
                streamIds,
                id -> undo(problems, "stream " + id, () -> root.streams().deleteStream(id)));
        closeables.clear();
        rootTokens.clear();
        users.clear();
        streams.clear();
        return problems;
    }

    /**
     * Deletes in descending id order. The server hands out stream and user ids like a slab: the most recently freed
     * id first. Freeing from the highest id down leaves the free list in ascending order, so the next test sees the
     * ids of a fresh server again (0, 1, 2...).
     */
    static void deleteFromHighestId(List<Long> ids, LongConsumer delete) {
        ids.stream().sorted(Comparator.reverseOrder()).distinct().forEach(delete::accept);
    }

    /**
     * Closing an SDK client waits two seconds for its event loops to go quiet; its connections close at once, so the
     * wait is left to a background thread.
     */
    static void closeInBackground(AutoCloseable closeable) {
        CLOSER.execute(() -> {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort: the server side is checked, not the client's teardown
            }
        });
    }

    private static void undo(List<String> problems, String what, Runnable delete) {
        try {
            delete.run();
        } catch (IggyServerException e) {
            // already gone (the test deleted or renamed it): the leak check that follows has the last word
        } catch (RuntimeException e) {
            problems.add("cannot delete " + what + ": " + e);
        }
    }
}
