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

import java.util.List;

/** Immutable snapshots of broker state, taken under the metadata lock and encoded by the protocol layer. */
public final class Views {

    private Views() {}

    public record StreamView(
            int id,
            long createdAt,
            int topicsCount,
            long sizeBytes,
            long messagesCount,
            String name,
            List<TopicView> topics) {}

    public record TopicView(
            int id,
            long createdAt,
            int partitionsCount,
            long messageExpiry,
            int compression,
            long maxTopicSize,
            int replicationFactor,
            long sizeBytes,
            long messagesCount,
            String name,
            List<PartitionView> partitions) {}

    public record PartitionView(
            int id, long createdAt, int segmentsCount, long currentOffset, long sizeBytes, long messagesCount) {}

    public record GroupView(int id, int partitionsCount, int membersCount, String name, List<MemberView> members) {}

    public record MemberView(int id, List<Integer> partitions) {}

    /** A user; {@code permissions} is null when the user has none. */
    public record UserView(int id, long createdAt, int status, String username, Permissions permissions) {}

    public record TokenView(String name, long expiryAt) {}

    public record GroupRef(int streamId, int topicId, int groupId) {}

    /** A client connection; {@code userId} is {@link ClientSession#NO_USER} before login. */
    public record ClientView(int clientId, int userId, int transport, String address, List<GroupRef> groups) {}

    public record OffsetView(int partitionId, long currentOffset, long storedOffset) {}

    public record StatsView(
            long processId,
            float cpuUsage,
            float totalCpuUsage,
            long memoryUsage,
            long totalMemory,
            long availableMemory,
            long runTimeMicros,
            long startTimeMicros,
            long readBytes,
            long writtenBytes,
            long messagesSizeBytes,
            int streamsCount,
            int topicsCount,
            int partitionsCount,
            int segmentsCount,
            long messagesCount,
            int clientsCount,
            int consumerGroupsCount,
            String hostname,
            String osName,
            String osVersion,
            String kernelVersion,
            String serverVersion,
            int serverSemver,
            int threadsCount,
            long freeDiskSpace,
            long totalDiskSpace) {}
}
