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

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A logged-in link to one Iggy server: everything the component asks of the wire goes through here. It may hold
 * several TCP connections (requests in flight at once); consumer-group membership belongs to one TCP connection, so
 * a consumer uses a link of one connection. Failures complete the futures with an {@link IggyServerException} when
 * the server refused, or another exception when the connection failed.
 */
public interface IggyConnection {

    /** Sends messages in one frame; completes when the server acknowledged them. */
    CompletableFuture<Void> send(
            TopicAddress address, OutboundPartitioning partitioning, List<OutboundMessage> messages);

    /**
     * Polls up to {@code count} messages.
     *
     * @param partitionId the partition, or -1 to let the server choose (a group member's next partition, or 0)
     * @param autoCommit whether the server stores the last returned offset at once
     */
    CompletableFuture<PolledBatch> poll(
            TopicAddress address,
            ConsumerRef consumer,
            long partitionId,
            PollingStart start,
            int count,
            boolean autoCommit);

    /** Stores a consumer's (or group's) offset on a partition. */
    CompletableFuture<Void> storeOffset(TopicAddress address, ConsumerRef consumer, long partitionId, long offset);

    /** The consumer's (or group's) stored offset on a partition; empty when none is stored. */
    CompletableFuture<OptionalLong> storedOffset(TopicAddress address, ConsumerRef consumer, long partitionId);

    /**
     * Looks the topic up and, when it is missing and allowed, creates it (and its stream).
     *
     * @param createStream whether to create a missing stream (by name)
     * @param settings how to create a missing topic, or null to fail when it is missing
     */
    CompletableFuture<TopicInfo> ensureTopic(TopicAddress address, boolean createStream, TopicSettings settings);

    /** Makes sure the consumer group exists, creating it when it is missing and {@code create} is set. */
    CompletableFuture<Void> ensureGroup(TopicAddress address, String group, boolean create);

    /** Joins the consumer group on this connection. */
    CompletableFuture<Void> joinGroup(TopicAddress address, String group);

    /** Leaves the consumer group on this connection. */
    CompletableFuture<Void> leaveGroup(TopicAddress address, String group);

    /** A round trip to the server. */
    CompletableFuture<Void> ping();

    /** Closes the connection without waiting for in-flight requests. */
    CompletableFuture<Void> close();
}
