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

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state and semantics of an Iggy 0.8 server, independent of the wire: streams, topics, partitions, messages,
 * offsets, consumer groups, users, tokens and client sessions. Metadata changes take a write lock; sends and polls
 * take the read lock and then lock only the partition they touch.
 */
public final class Broker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    final BrokerConfig config;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final TreeMap<Integer, StreamState> streams = new TreeMap<>();
    final SlabIds streamIds = new SlabIds();
    final TreeMap<Integer, UserState> users = new TreeMap<>();
    final SlabIds userIds = new SlabIds();
    final Map<Integer, ClientSession> sessions = new ConcurrentHashMap<>();
    final MemoryBudget budget;
    final DataDirectory dataDirectory;
    final long startedAt = Clock.nowMicros();
    final LongAdder readBytes = new LongAdder();
    final LongAdder writtenBytes = new LongAdder();
    final Authorizer authorizer = new Authorizer(this);

    private final AtomicInteger nextClientId = new AtomicInteger(1);
    private final StreamOperations streamOperations = new StreamOperations(this);
    private final MessageOperations messageOperations = new MessageOperations(this);
    private final GroupOperations groupOperations = new GroupOperations(this);
    private final UserOperations userOperations = new UserOperations(this);
    private final SystemOperations systemOperations = new SystemOperations(this);

    public Broker(BrokerConfig config) {
        this.config = config;
        this.budget = new MemoryBudget(config.memoryLimitBytes());
        this.dataDirectory = config.dataDirectory() == null ? null : new DataDirectory(config.dataDirectory());
        write(() -> {
            if (dataDirectory == null || !dataDirectory.load(this)) {
                userOperations.createRoot();
                persistMetadata();
            }
            return null;
        });
    }

    public StreamOperations streams() {
        return streamOperations;
    }

    public MessageOperations messages() {
        return messageOperations;
    }

    public GroupOperations groups() {
        return groupOperations;
    }

    public UserOperations users() {
        return userOperations;
    }

    public SystemOperations system() {
        return systemOperations;
    }

    /** Registers a new client connection from {@code address} ("ip:port"). */
    public ClientSession connect(String address) {
        ClientSession session = new ClientSession(nextClientId.getAndIncrement(), address);
        sessions.put(session.clientId(), session);
        return session;
    }

    /** Forgets a connection: it leaves every consumer group it joined, and the groups rebalance. */
    public void disconnect(ClientSession session) {
        if (sessions.remove(session.clientId()) == null) {
            return;
        }
        if (!session.memberships.isEmpty()) {
            write(() -> {
                groupOperations.leaveAll(session);
                return null;
            });
        }
    }

    /** Drops every stream, user and token (the root user is created again) and every group membership. */
    public void reset() {
        write(() -> {
            for (StreamState stream : streams.values()) {
                closeLogs(stream);
            }
            streams.clear();
            streamIds.clear();
            users.clear();
            userIds.clear();
            for (ClientSession session : sessions.values()) {
                session.memberships.clear();
            }
            userOperations.createRoot();
            for (ClientSession session : sessions.values()) {
                if (session.isAuthenticated() && !users.containsKey(session.userId())) {
                    session.logout();
                }
            }
            if (dataDirectory != null) {
                dataDirectory.wipe();
            }
            persistMetadata();
            return null;
        });
    }

    /** Bytes of message data held on the heap, and the bound on them. */
    public long memoryUsed() {
        return budget.used();
    }

    @Override
    public void close() {
        write(() -> {
            for (StreamState stream : streams.values()) {
                closeLogs(stream);
            }
            if (dataDirectory != null) {
                dataDirectory.close(this);
            }
            return null;
        });
    }

    <T> T read(Supplier<T> action) {
        ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
        readLock.lock();
        try {
            return action.get();
        } finally {
            readLock.unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        ReentrantReadWriteLock.WriteLock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            return action.get();
        } finally {
            writeLock.unlock();
        }
    }

    StreamState findStream(Identifier identifier) {
        if (identifier.isNumeric()) {
            return identifier.id() > Integer.MAX_VALUE ? null : streams.get((int) identifier.id());
        }
        for (StreamState stream : streams.values()) {
            if (stream.name.equals(identifier.name())) {
                return stream;
            }
        }
        return null;
    }

    StreamState stream(Identifier identifier) {
        StreamState stream = findStream(identifier);
        if (stream == null) {
            throw new BrokerException(ErrorCode.STREAM_ID_NOT_FOUND, "stream " + identifier + " does not exist");
        }
        return stream;
    }

    static TopicState findTopic(StreamState stream, Identifier identifier) {
        if (identifier.isNumeric()) {
            return identifier.id() > Integer.MAX_VALUE ? null : stream.topics.get((int) identifier.id());
        }
        return stream.topicNamed(identifier.name());
    }

    static TopicState topic(StreamState stream, Identifier identifier) {
        TopicState topic = findTopic(stream, identifier);
        if (topic == null) {
            throw new BrokerException(
                    ErrorCode.TOPIC_ID_NOT_FOUND, "topic " + identifier + " does not exist in stream " + stream.name);
        }
        return topic;
    }

    static ConsumerGroupState findGroup(TopicState topic, Identifier identifier) {
        if (identifier.isNumeric()) {
            return identifier.id() > Integer.MAX_VALUE ? null : topic.groups.get((int) identifier.id());
        }
        return topic.groupNamed(identifier.name());
    }

    static ConsumerGroupState group(TopicState topic, Identifier identifier) {
        ConsumerGroupState group = findGroup(topic, identifier);
        if (group == null) {
            throw new BrokerException(
                    ErrorCode.CONSUMER_GROUP_ID_NOT_FOUND,
                    "consumer group " + identifier + " does not exist in topic " + topic.name);
        }
        return group;
    }

    /** A connection whose user was deleted gets {@code code} (100 or 30), after which the server closes it. */
    void requireLiveClient(ClientSession session, ErrorCode code) {
        if (session.isOrphaned()) {
            throw new BrokerException(code, "client " + session.clientId() + " is no longer registered");
        }
    }

    PartitionLog newPartitionLog(int streamId, int topicId, int partitionId) {
        return dataDirectory == null
                ? PartitionLog.inMemory(budget)
                : PartitionLog.inFile(dataDirectory.partitionFile(streamId, topicId, partitionId), budget);
    }

    /** Writes the metadata snapshot when there is a data directory; callers hold the write lock. */
    void persistMetadata() {
        if (dataDirectory != null) {
            dataDirectory.saveMetadata(this);
        }
    }

    void persistOffset(PartitionState partition, TopicState topic, int consumerKind, long consumerId, long offset) {
        if (dataDirectory != null) {
            dataDirectory.appendOffset(topic.stream.id, topic.id, partition.id, consumerKind, consumerId, offset);
        }
    }

    void closeLogs(StreamState stream) {
        for (TopicState topic : stream.topics.values()) {
            closeLogs(topic);
        }
    }

    void closeLogs(TopicState topic) {
        for (PartitionState partition : topic.partitions) {
            partition.log.close();
        }
    }

    static void logDebug(String message, Object... arguments) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(message, arguments);
        }
    }
}
