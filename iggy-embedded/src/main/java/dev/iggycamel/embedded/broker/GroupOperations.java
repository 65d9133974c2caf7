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

import dev.iggycamel.embedded.broker.ClientSession.Membership;
import dev.iggycamel.embedded.broker.ConsumerGroupState.Member;
import dev.iggycamel.embedded.broker.Views.GroupView;
import dev.iggycamel.embedded.broker.Views.MemberView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Consumer groups: create, read, delete, and membership of client connections (join, leave, disconnect). */
public final class GroupOperations {

    private final Broker broker;

    GroupOperations(Broker broker) {
        this.broker = broker;
    }

    public Optional<GroupView> getGroup(
            ClientSession session, Identifier streamId, Identifier topicId, Identifier groupId) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            StreamState stream = broker.findStream(streamId);
            TopicState topic = stream == null ? null : Broker.findTopic(stream, topicId);
            ConsumerGroupState group = topic == null ? null : Broker.findGroup(topic, groupId);
            if (group == null) {
                return Optional.empty();
            }
            broker.authorizer.readTopic(session, stream.id, topic.id);
            synchronized (group) {
                return Optional.of(view(group, true));
            }
        });
    }

    public List<GroupView> getGroups(ClientSession session, Identifier streamId, Identifier topicId) {
        broker.authorizer.authenticated(session);
        return broker.read(() -> {
            StreamState stream = broker.findStream(streamId);
            TopicState topic = stream == null ? null : Broker.findTopic(stream, topicId);
            if (topic == null) {
                return List.of();
            }
            broker.authorizer.readTopic(session, stream.id, topic.id);
            List<GroupView> views = new ArrayList<>();
            for (ConsumerGroupState group : topic.groups.values()) {
                synchronized (group) {
                    views.add(view(group, false));
                }
            }
            return views;
        });
    }

    public GroupView createGroup(ClientSession session, Identifier streamId, Identifier topicId, String name) {
        broker.authorizer.authenticated(session);
        return broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            broker.authorizer.readTopic(session, stream.id, topic.id);
            if (topic.groupNamed(name) != null) {
                throw new BrokerException(
                        ErrorCode.CONSUMER_GROUP_NAME_ALREADY_EXISTS,
                        "consumer group name " + name + " is already taken in topic " + topic.name);
            }
            ConsumerGroupState group =
                    new ConsumerGroupState(topic, topic.groupIds.allocate(), name, topic.partitions.size());
            topic.groups.put(group.id, group);
            broker.persistMetadata();
            return view(group, true);
        });
    }

    public void deleteGroup(ClientSession session, Identifier streamId, Identifier topicId, Identifier groupId) {
        broker.authorizer.authenticated(session);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            ConsumerGroupState group = Broker.group(topic, groupId);
            broker.authorizer.readTopic(session, stream.id, topic.id);
            removeGroup(topic, group);
            broker.persistMetadata();
            return null;
        });
    }

    public void join(ClientSession session, Identifier streamId, Identifier topicId, Identifier groupId) {
        broker.authorizer.authenticated(session);
        broker.requireLiveClient(session, ErrorCode.CLIENT_NOT_FOUND);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            ConsumerGroupState group = Broker.group(topic, groupId);
            broker.authorizer.readTopic(session, stream.id, topic.id);
            removeDeparted(group);
            synchronized (group) {
                group.join(session.clientId());
                group.completeRevocations(topic, broker.config.rebalancingTimeoutMicros());
            }
            session.memberships.add(new Membership(stream.id, topic.id, group.id));
            return null;
        });
    }

    public void leave(ClientSession session, Identifier streamId, Identifier topicId, Identifier groupId) {
        broker.authorizer.authenticated(session);
        broker.write(() -> {
            StreamState stream = broker.stream(streamId);
            TopicState topic = Broker.topic(stream, topicId);
            ConsumerGroupState group = Broker.group(topic, groupId);
            broker.authorizer.readTopic(session, stream.id, topic.id);
            boolean left;
            synchronized (group) {
                left = group.leave(session.clientId());
            }
            if (!left) {
                throw new BrokerException(
                        ErrorCode.CONSUMER_GROUP_MEMBER_NOT_FOUND,
                        "client " + session.clientId() + " is not a member of consumer group " + group.name);
            }
            session.memberships.remove(new Membership(stream.id, topic.id, group.id));
            return null;
        });
    }

    /** A connection closed: it leaves all its groups. Callers hold the write lock. */
    void leaveAll(ClientSession session) {
        for (Membership membership : List.copyOf(session.memberships)) {
            StreamState stream = broker.streams.get(membership.streamId());
            TopicState topic = stream == null ? null : stream.topics.get(membership.topicId());
            ConsumerGroupState group = topic == null ? null : topic.groups.get(membership.groupId());
            if (group != null) {
                synchronized (group) {
                    group.leave(session.clientId());
                }
            }
        }
        session.memberships.clear();
    }

    /** The topic's partition count changed: every group covers all partitions again, fully rebalanced. */
    void partitionsChanged(TopicState topic) {
        for (ConsumerGroupState group : topic.groups.values()) {
            synchronized (group) {
                group.resetPartitions(topic.partitions.size());
                group.rebalanceFully();
            }
        }
    }

    /** The topic goes away: connections forget their memberships in its groups. Callers hold the write lock. */
    void dropMemberships(TopicState topic) {
        for (ConsumerGroupState group : List.copyOf(topic.groups.values())) {
            forgetMembers(topic, group);
        }
    }

    private void removeGroup(TopicState topic, ConsumerGroupState group) {
        forgetMembers(topic, group);
        topic.groups.remove(group.id);
        topic.groupIds.release(group.id);
        for (PartitionState partition : topic.partitions) {
            partition.groupOffsets.remove(group.id);
            partition.lastPolledByGroup.remove(group.id);
        }
    }

    private void forgetMembers(TopicState topic, ConsumerGroupState group) {
        Membership membership = new Membership(topic.stream.id, topic.id, group.id);
        for (Member member : group.members.values()) {
            ClientSession session = broker.sessions.get(member.clientId);
            if (session != null) {
                session.memberships.remove(membership);
            }
        }
    }

    /** Members whose connection is gone leave first, as the server does before a join. */
    private void removeDeparted(ConsumerGroupState group) {
        synchronized (group) {
            for (Member member : List.copyOf(group.members.values())) {
                if (!broker.sessions.containsKey(member.clientId)) {
                    group.leave(member.clientId);
                }
            }
        }
    }

    static GroupView view(ConsumerGroupState group, boolean withMembers) {
        List<MemberView> members = new ArrayList<>();
        if (withMembers) {
            for (Member member : group.members.values()) {
                members.add(new MemberView(member.memberId, List.copyOf(member.partitions)));
            }
        }
        return new GroupView(group.id, group.partitions.size(), group.members.size(), group.name, members);
    }
}
