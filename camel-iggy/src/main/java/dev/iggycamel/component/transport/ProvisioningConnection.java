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
package dev.iggycamel.component.transport;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What every transport's connection does the same way: provisioning a topic (and its stream) and a consumer group
 * from a few lookups and creations, tolerating another client creating them at the same time.
 */
public abstract class ProvisioningConnection implements IggyConnection {

    /** The server this connection talks to, for messages. */
    protected abstract IggyConnectionSettings settings();

    /** The stream's name, or empty when it does not exist. */
    protected abstract CompletableFuture<Optional<String>> findStream(TopicAddress address);

    /** Creates the stream named by the address; completes with its name. */
    protected abstract CompletableFuture<String> createStream(TopicAddress address);

    /** The topic, or empty when it does not exist. */
    protected abstract CompletableFuture<Optional<TopicInfo>> findTopic(TopicAddress address);

    protected abstract CompletableFuture<Void> createTopic(TopicAddress address, TopicSettings settings);

    /** Whether the consumer group exists. */
    protected abstract CompletableFuture<Boolean> findGroup(TopicAddress address, String group);

    protected abstract CompletableFuture<Void> createGroup(TopicAddress address, String group);

    @Override
    public final CompletableFuture<TopicInfo> ensureTopic(
            TopicAddress address, boolean createStream, TopicSettings settings) {
        return ensureStream(address, createStream).thenCompose(streamName -> ensureTopicIn(address, settings));
    }

    private CompletableFuture<String> ensureStream(TopicAddress address, boolean create) {
        return findStream(address).thenCompose(found -> {
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(found.get());
            }
            if (!create || TopicAddress.isNumericId(address.stream())) {
                return CompletableFuture.failedFuture(new IggyServerException(
                        IggyErrors.STREAM_NOT_FOUND,
                        "Iggy stream " + address.stream() + " does not exist"
                                + (create ? " (a stream given by numeric id cannot be created)" : "")
                                + " at " + settings().host() + ":" + settings().port()
                                + (create ? "" : "; create it, or set autoCreateStream=true"),
                        null));
            }
            return createStream(address)
                    .exceptionallyCompose(failure -> alreadyExists(failure, IggyErrors.STREAM_EXISTS)
                            ? CompletableFuture.completedFuture(address.stream())
                            : CompletableFuture.failedFuture(failure));
        });
    }

    private CompletableFuture<TopicInfo> ensureTopicIn(TopicAddress address, TopicSettings topicSettings) {
        return findTopic(address).thenCompose(found -> {
            if (found.isPresent()) {
                return CompletableFuture.completedFuture(found.get());
            }
            if (topicSettings == null || TopicAddress.isNumericId(address.topic())) {
                return CompletableFuture.failedFuture(new IggyServerException(
                        IggyErrors.TOPIC_NOT_FOUND,
                        "Iggy topic " + address.topic() + " does not exist in stream " + address.stream()
                                + (topicSettings == null
                                        ? "; create it, or set autoCreateTopic=true"
                                        : " (a topic given by numeric id cannot be created)"),
                        null));
            }
            return createTopic(address, topicSettings)
                    .thenCompose(created -> findTopic(address).thenApply(Optional::orElseThrow))
                    .exceptionallyCompose(failure -> alreadyExists(failure, IggyErrors.TOPIC_EXISTS)
                            ? findTopic(address).thenApply(Optional::orElseThrow)
                            : CompletableFuture.failedFuture(failure));
        });
    }

    @Override
    public final CompletableFuture<Void> ensureGroup(TopicAddress address, String group, boolean create) {
        return findGroup(address, group).thenCompose(found -> {
            if (found) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (!create || TopicAddress.isNumericId(group)) {
                return CompletableFuture.<Void>failedFuture(new IggyServerException(
                        IggyErrors.GROUP_NOT_FOUND,
                        "Iggy consumer group " + group + " does not exist in " + address
                                + (create ? "" : "; create it, or set autoCreateConsumerGroup=true"),
                        null));
            }
            return createGroup(address, group)
                    .exceptionallyCompose(failure -> alreadyExists(failure, IggyErrors.GROUP_EXISTS)
                            ? CompletableFuture.<Void>completedFuture(null)
                            : CompletableFuture.<Void>failedFuture(failure));
        });
    }

    private static boolean alreadyExists(Throwable failure, int code) {
        return unwrap(failure) instanceof IggyServerException server && server.code() == code;
    }

    /** The cause inside the CompletionException / ExecutionException wrappers of a failed future. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
