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

import dev.iggycamel.embedded.broker.Views.PartitionView;
import dev.iggycamel.embedded.broker.Views.StreamView;
import dev.iggycamel.embedded.broker.Views.TopicView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Streams, topics and partitions: create, read, update, delete, with the server's ids, names and limits. */
public final class StreamOperations {

    /** The most partitions one create-topic or create-partitions request may add. */
    public static final int MAX_PARTITIONS_PER_REQUEST = 1000;

    static final int COMPRESSION_NONE = 1;
    static final int COMPRESSION_GZIP = 2;
    /** Segments are 1 GiB; a custom max topic size must hold at least one. */
    static final long SEGMENT_SIZE = 1024L * 1024 * 1024;

    static final long UNLIMITED = -1L; // u64::MAX

    private final Broker broker;

    StreamOperations(Broker broker) {
        this.broker = broker;
    }

    public Optional<StreamView> getStream(ClientSession session, Identifier streamId) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            StreamState stream = broker.findStream(streamId);
            if (stream == null) {
                return Optional.empty();
            }
            broker.authorizer.readStream(session, stream.id);
            return Optional.of(view(stream, true));
        });
    }

    public List<StreamView> getStreams(ClientSession session) {
        broker.authorizer.readStreams(session);
        return broker.read(() -> {
            List<StreamView> views = new ArrayList<>();
            for (StreamState stream : broker.streams.values()) {
                views.add(view(stream, false));
            }
            return views;
        });
    }

    public StreamView createStream(ClientSession session, String name) {
        broker.authorizer.createStream(session);
        return broker.write(() -> {
            for (StreamState stream : broker.streams.values()) {
                if (stream.name.equals(name)) {
                    throw new BrokerException(
                            ErrorCode.STREAM_NAME_ALREADY_EXISTS, "stream name " + name + " is already taken");
                }
            }
            StreamState stream = new StreamState(broker.streamIds.allocate(), name, Clock.nowMicros());
            broker.streams.put(stream.id, stream);
            broker.persistMetadata();
            Broker.logDebug("created stream {} with id {}", name, stream.id);
            return view(stream, true);
        });
    }

    public void updateStream(ClientSession session, Identifier streamId, String name) {
        broker.authorizer.authenticated(session);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            broker.authorizer.manageStream(session, stream.id);
            if (stream.name.equals(name)) {
                return null;
            }
            for (StreamState other : broker.streams.values()) {
                if (other.name.equals(name)) {
                    throw new BrokerException(
                            ErrorCode.STREAM_NAME_ALREADY_EXISTS, "stream name " + name + " is already taken");
                }
            }
            stream.name = name;
            broker.persistMetadata();
            return null;
        });
    }

    public void deleteStream(ClientSession session, Identifier streamId) {
        broker.authorizer.authenticated(session);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            broker.authorizer.manageStream(session, stream.id);
            for (TopicState topic : stream.topics.values()) {
                broker.groups().dropMemberships(topic);
            }
            broker.closeLogs(stream);
            broker.streams.remove(stream.id);
            broker.streamIds.release(stream.id);
            if (broker.dataDirectory != null) {
                broker.dataDirectory.deleteStream(stream.id);
            }
            broker.persistMetadata();
            return null;
        });
    }

    public Optional<TopicView> getTopic(ClientSession session, Identifier streamId, Identifier topicId) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            StreamState stream = broker.findStream(streamId);
            TopicState topic = stream == null ? null : Broker.findTopic(stream, topicId);
            if (topic == null) {
                return Optional.empty();
            }
            broker.authorizer.readTopic(session, stream.id, topic.id);
            return Optional.of(view(topic, true));
        });
    }

    public List<TopicView> getTopics(ClientSession session, Identifier streamId) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            StreamState stream = broker.findStream(streamId);
            if (stream == null) {
                return List.of();
            }
            broker.authorizer.readTopics(session, stream.id);
            List<TopicView> views = new ArrayList<>();
            for (TopicState topic : stream.topics.values()) {
                views.add(view(topic, false));
            }
            return views;
        });
    }

    public TopicView createTopic(
            ClientSession session,
            Identifier streamId,
            long partitionsCount,
            int compression,
            long messageExpiry,
            long maxTopicSize,
            int replicationFactor,
            String name) {
        broker.authorizer.authenticated(session);
        checkCompression(compression);
        if (partitionsCount > MAX_PARTITIONS_PER_REQUEST) {
            throw tooManyPartitions(partitionsCount);
        }
        long resolvedMaxSize = maxTopicSize == 0 ? UNLIMITED : maxTopicSize;
        return broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            broker.authorizer.createTopic(session, stream.id);
            checkMaxTopicSize(resolvedMaxSize);
            if (stream.topicNamed(name) != null) {
                throw new BrokerException(
                        ErrorCode.TOPIC_NAME_ALREADY_EXISTS,
                        "topic name " + name + " is already taken in stream " + stream.name);
            }
            TopicState topic = new TopicState(stream, stream.topicIds.allocate(), name, Clock.nowMicros());
            topic.compression = compression;
            topic.messageExpiry = messageExpiry == 0 ? UNLIMITED : messageExpiry;
            topic.maxTopicSize = resolvedMaxSize;
            topic.replicationFactor = replicationFactor == 0 ? 1 : replicationFactor;
            stream.topics.put(topic.id, topic);
            addPartitions(topic, (int) partitionsCount);
            broker.persistMetadata();
            Broker.logDebug("created topic {} with id {} in stream {}", name, topic.id, stream.name);
            return createdView(topic);
        });
    }

    public void updateTopic(
            ClientSession session,
            Identifier streamId,
            Identifier topicId,
            int compression,
            long messageExpiry,
            long maxTopicSize,
            int replicationFactor,
            String name) {
        broker.authorizer.authenticated(session);
        checkCompression(compression);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.manageTopic(session, stream.id, topic.id);
            if (!topic.name.equals(name) && stream.topicNamed(name) != null) {
                throw new BrokerException(
                        ErrorCode.TOPIC_NAME_ALREADY_EXISTS,
                        "topic name " + name + " is already taken in stream " + stream.name);
            }
            topic.name = name;
            topic.compression = compression;
            topic.messageExpiry = messageExpiry;
            // an update stores what it is given: 0 stays 0, and the 1019 size rule is not applied
            topic.maxTopicSize = maxTopicSize;
            topic.replicationFactor = replicationFactor == 0 ? 1 : replicationFactor;
            broker.persistMetadata();
            return null;
        });
    }

    public void deleteTopic(ClientSession session, Identifier streamId, Identifier topicId) {
        broker.authorizer.authenticated(session);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.manageTopic(session, stream.id, topic.id);
            broker.groups().dropMemberships(topic);
            broker.closeLogs(topic);
            stream.topics.remove(topic.id);
            stream.topicIds.release(topic.id);
            if (broker.dataDirectory != null) {
                broker.dataDirectory.deleteTopic(stream.id, topic.id);
            }
            broker.persistMetadata();
            return null;
        });
    }

    public void createPartitions(ClientSession session, Identifier streamId, Identifier topicId, long count) {
        broker.authorizer.authenticated(session);
        checkPartitionsChange(count);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.manageTopic(session, stream.id, topic.id);
            addPartitions(topic, (int) count);
            broker.groups().partitionsChanged(topic);
            broker.persistMetadata();
            return null;
        });
    }

    public void deletePartitions(ClientSession session, Identifier streamId, Identifier topicId, long count) {
        broker.authorizer.authenticated(session);
        checkPartitionsChange(count);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.manageTopic(session, stream.id, topic.id);
            if (count > topic.partitions.size()) {
                throw new BrokerException(
                        ErrorCode.INVALID_PARTITIONS_COUNT,
                        "cannot delete " + count + " partitions, topic " + topic.name + " has "
                                + topic.partitions.size());
            }
            for (int i = 0; i < count; i++) {
                PartitionState removed = topic.partitions.remove(topic.partitions.size() - 1);
                removed.log.close();
                if (broker.dataDirectory != null) {
                    broker.dataDirectory.deletePartition(stream.id, topic.id, removed.id);
                }
            }
            broker.groups().partitionsChanged(topic);
            broker.persistMetadata();
            return null;
        });
    }

    void addPartitions(TopicState topic, int count) {
        long now = Clock.nowMicros();
        for (int i = 0; i < count; i++) {
            int partitionId = topic.partitions.size();
            if (broker.dataDirectory != null) {
                broker.dataDirectory.deletePartition(topic.stream.id, topic.id, partitionId);
            }
            topic.partitions.add(new PartitionState(
                    partitionId, now, broker.newPartitionLog(topic.stream.id, topic.id, partitionId)));
        }
    }

    /** The create-topic answer: like the server, its counters and segment counts are all still zero. */
    private static TopicView createdView(TopicState topic) {
        List<PartitionView> partitions = new ArrayList<>();
        for (PartitionState partition : topic.partitions) {
            partitions.add(new PartitionView(partition.id, partition.createdAt, 0, 0, 0, 0));
        }
        return new TopicView(
                topic.id,
                topic.createdAt,
                topic.partitions.size(),
                topic.messageExpiry,
                topic.compression,
                topic.maxTopicSize,
                topic.replicationFactor,
                0,
                0,
                topic.name,
                partitions);
    }

    static StreamView view(StreamState stream, boolean withTopics) {
        List<TopicView> topics = new ArrayList<>();
        long size = 0;
        long messages = 0;
        for (TopicState topic : stream.topics.values()) {
            TopicView view = view(topic, false);
            size += view.sizeBytes();
            messages += view.messagesCount();
            if (withTopics) {
                topics.add(view);
            }
        }
        return new StreamView(stream.id, stream.createdAt, stream.topics.size(), size, messages, stream.name, topics);
    }

    static TopicView view(TopicState topic, boolean withPartitions) {
        List<PartitionView> partitions = new ArrayList<>();
        long size = 0;
        long messages = 0;
        for (PartitionState partition : topic.partitions) {
            PartitionLog log = partition.log;
            long count = log.messagesCount();
            long bytes = log.sizeBytes();
            size += bytes;
            messages += count;
            if (withPartitions) {
                partitions.add(new PartitionView(
                        partition.id, partition.createdAt, 1, count == 0 ? 0 : count - 1, bytes, count));
            }
        }
        return new TopicView(
                topic.id,
                topic.createdAt,
                topic.partitions.size(),
                topic.messageExpiry,
                topic.compression,
                topic.maxTopicSize,
                topic.replicationFactor,
                size,
                messages,
                topic.name,
                partitions);
    }

    /** Creating or deleting partitions takes 1..1000 of them. */
    private static void checkPartitionsChange(long count) {
        if (count == 0 || count > MAX_PARTITIONS_PER_REQUEST) {
            throw tooManyPartitions(count);
        }
    }

    private static BrokerException tooManyPartitions(long count) {
        return new BrokerException(
                ErrorCode.TOO_MANY_PARTITIONS,
                count + " partitions requested, a request takes 1-" + MAX_PARTITIONS_PER_REQUEST);
    }

    private static void checkCompression(int compression) {
        if (compression != COMPRESSION_NONE && compression != COMPRESSION_GZIP) {
            throw new BrokerException(ErrorCode.INVALID_COMMAND, "unknown compression algorithm " + compression);
        }
    }

    private static void checkMaxTopicSize(long maxTopicSize) {
        if (maxTopicSize != UNLIMITED && Long.compareUnsigned(maxTopicSize, SEGMENT_SIZE) < 0) {
            throw new BrokerException(
                    ErrorCode.INVALID_TOPIC_SIZE,
                    "max topic size " + maxTopicSize + " B is smaller than the segment size " + SEGMENT_SIZE + " B");
        }
    }
}
