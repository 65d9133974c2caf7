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

import dev.iggycamel.embedded.broker.Permissions.StreamPermissions;

/**
 * Decides whether a session may run a command: first that it logged in (Unauthenticated, 40), then that its
 * user's permissions allow the command (Unauthorized, 41). The rules are the 0.8 server's: a global flag covers every
 * stream, a stream entry its topics, a topic entry only itself; a user without permissions may do nothing that
 * needs one. Consumer-group commands need only read rights on the topic.
 */
final class Authorizer {

    private final Broker broker;

    Authorizer(Broker broker) {
        this.broker = broker;
    }

    void authenticated(ClientSession session) {
        if (!session.isAuthenticated()) {
            throw new BrokerException(ErrorCode.UNAUTHENTICATED, "client " + session.clientId() + " is not logged in");
        }
    }

    void readServers(ClientSession session) {
        Permissions p = permissions(session);
        require(
                session,
                p != null && (p.global(Permissions.MANAGE_SERVERS) || p.global(Permissions.READ_SERVERS)),
                "read server information");
    }

    void readUsers(ClientSession session) {
        Permissions p = permissions(session);
        require(
                session,
                p != null && (p.global(Permissions.MANAGE_USERS) || p.global(Permissions.READ_USERS)),
                "read users");
    }

    void manageUsers(ClientSession session) {
        Permissions p = permissions(session);
        require(session, p != null && p.global(Permissions.MANAGE_USERS), "manage users");
    }

    void readStreams(ClientSession session) {
        Permissions p = permissions(session);
        require(
                session,
                p != null && (p.global(Permissions.MANAGE_STREAMS) || p.global(Permissions.READ_STREAMS)),
                "list streams");
    }

    /** GET_TOPICS: global or stream-level read rights; topic-level entries do not count. */
    void readTopics(ClientSession session, int streamId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.MANAGE_STREAMS)
                        || p.global(Permissions.READ_STREAMS)
                        || p.global(Permissions.MANAGE_TOPICS)
                        || p.global(Permissions.READ_TOPICS)
                        || stream(p, streamId, StreamPermissions.MANAGE_STREAM)
                        || stream(p, streamId, StreamPermissions.READ_STREAM)
                        || stream(p, streamId, StreamPermissions.MANAGE_TOPICS)
                        || stream(p, streamId, StreamPermissions.READ_TOPICS));
        require(session, allowed, "list topics of stream " + streamId);
    }

    void createStream(ClientSession session) {
        Permissions p = permissions(session);
        require(session, p != null && p.global(Permissions.MANAGE_STREAMS), "create streams");
    }

    void readStream(ClientSession session, int streamId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.MANAGE_STREAMS)
                        || p.global(Permissions.READ_STREAMS)
                        || stream(p, streamId, StreamPermissions.MANAGE_STREAM)
                        || stream(p, streamId, StreamPermissions.READ_STREAM));
        require(session, allowed, "read stream " + streamId);
    }

    void manageStream(ClientSession session, int streamId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.MANAGE_STREAMS) || stream(p, streamId, StreamPermissions.MANAGE_STREAM));
        require(session, allowed, "manage stream " + streamId);
    }

    void readTopic(ClientSession session, int streamId, int topicId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.MANAGE_STREAMS)
                        || p.global(Permissions.READ_STREAMS)
                        || p.global(Permissions.MANAGE_TOPICS)
                        || p.global(Permissions.READ_TOPICS)
                        || stream(p, streamId, StreamPermissions.MANAGE_STREAM)
                        || stream(p, streamId, StreamPermissions.READ_STREAM)
                        || stream(p, streamId, StreamPermissions.MANAGE_TOPICS)
                        || stream(p, streamId, StreamPermissions.READ_TOPICS)
                        || topic(p, streamId, topicId, Permissions.TOPIC_MANAGE)
                        || topic(p, streamId, topicId, Permissions.TOPIC_READ));
        require(session, allowed, "read topic " + topicId + " of stream " + streamId);
    }

    void createTopic(ClientSession session, int streamId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.MANAGE_STREAMS)
                        || p.global(Permissions.MANAGE_TOPICS)
                        || stream(p, streamId, StreamPermissions.MANAGE_STREAM)
                        || stream(p, streamId, StreamPermissions.MANAGE_TOPICS));
        require(session, allowed, "create topics in stream " + streamId);
    }

    void manageTopic(ClientSession session, int streamId, int topicId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.MANAGE_STREAMS)
                        || p.global(Permissions.MANAGE_TOPICS)
                        || stream(p, streamId, StreamPermissions.MANAGE_STREAM)
                        || stream(p, streamId, StreamPermissions.MANAGE_TOPICS)
                        || topic(p, streamId, topicId, Permissions.TOPIC_MANAGE));
        require(session, allowed, "manage topic " + topicId + " of stream " + streamId);
    }

    void pollMessages(ClientSession session, int streamId, int topicId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.POLL_MESSAGES)
                        || p.global(Permissions.READ_TOPICS)
                        || p.global(Permissions.MANAGE_TOPICS)
                        || p.global(Permissions.READ_STREAMS)
                        || p.global(Permissions.MANAGE_STREAMS)
                        || stream(p, streamId, StreamPermissions.POLL_MESSAGES)
                        || stream(p, streamId, StreamPermissions.MANAGE_STREAM)
                        || stream(p, streamId, StreamPermissions.READ_STREAM)
                        || stream(p, streamId, StreamPermissions.MANAGE_TOPICS)
                        || stream(p, streamId, StreamPermissions.READ_TOPICS)
                        || topic(p, streamId, topicId, Permissions.TOPIC_MANAGE)
                        || topic(p, streamId, topicId, Permissions.TOPIC_READ)
                        || topic(p, streamId, topicId, Permissions.TOPIC_POLL));
        require(session, allowed, "poll messages from topic " + topicId + " of stream " + streamId);
    }

    void sendMessages(ClientSession session, int streamId, int topicId) {
        Permissions p = permissions(session);
        boolean allowed = p != null
                && (p.global(Permissions.SEND_MESSAGES)
                        || p.global(Permissions.MANAGE_STREAMS)
                        || p.global(Permissions.MANAGE_TOPICS)
                        || stream(p, streamId, StreamPermissions.SEND_MESSAGES)
                        || stream(p, streamId, StreamPermissions.MANAGE_STREAM)
                        || stream(p, streamId, StreamPermissions.MANAGE_TOPICS)
                        || topic(p, streamId, topicId, Permissions.TOPIC_MANAGE)
                        || topic(p, streamId, topicId, Permissions.TOPIC_SEND));
        require(session, allowed, "send messages to topic " + topicId + " of stream " + streamId);
    }

    private Permissions permissions(ClientSession session) {
        authenticated(session);
        UserState user = broker.users.get(session.userId());
        return user == null ? null : user.permissions;
    }

    private static boolean stream(Permissions p, int streamId, int flag) {
        StreamPermissions stream = p.streams().get((long) streamId);
        return stream != null && stream.flags()[flag];
    }

    private static boolean topic(Permissions p, int streamId, int topicId, int flag) {
        StreamPermissions stream = p.streams().get((long) streamId);
        if (stream == null) {
            return false;
        }
        boolean[] topic = stream.topics().get((long) topicId);
        return topic != null && topic[flag];
    }

    private static void require(ClientSession session, boolean allowed, String action) {
        if (!allowed) {
            throw new BrokerException(
                    ErrorCode.UNAUTHORIZED,
                    "user " + session.userId() + " (client " + session.clientId() + ") may not " + action);
        }
    }
}
