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
package dev.iggycamel.embedded.server;

import static dev.iggycamel.embedded.protocol.CommandCode.*;

import dev.iggycamel.embedded.broker.Broker;
import dev.iggycamel.embedded.broker.BrokerException;
import dev.iggycamel.embedded.broker.ClientSession;
import dev.iggycamel.embedded.broker.ErrorCode;
import dev.iggycamel.embedded.broker.Identifier;
import dev.iggycamel.embedded.broker.MessageOperations;
import dev.iggycamel.embedded.broker.Permissions;
import dev.iggycamel.embedded.broker.Views.ClientView;
import dev.iggycamel.embedded.broker.Views.GroupView;
import dev.iggycamel.embedded.broker.Views.StreamView;
import dev.iggycamel.embedded.broker.Views.TopicView;
import dev.iggycamel.embedded.broker.Views.UserView;
import dev.iggycamel.embedded.protocol.PermissionsCodec;
import dev.iggycamel.embedded.protocol.ResponseWriter;
import dev.iggycamel.embedded.protocol.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Decodes one request payload, runs it against the broker and encodes the answer. Like the server, a request is
 * decoded in full before the broker checks the login, so a malformed request is InvalidCommand (3) or InvalidFormat
 * (4) even from a client that has not logged in. Returns the response payload, or null for an empty OK.
 */
final class CommandDispatcher {

    private final Broker broker;

    CommandDispatcher(Broker broker) {
        this.broker = broker;
    }

    /**
     * @param payloadOwned whether the payload wraps an array nobody else holds, so that the broker may store it as is
     */
    ByteBuf dispatch(
            ClientSession session, int code, ByteBuf payload, boolean payloadOwned, ByteBufAllocator allocator) {
        WireReader in = new WireReader(payload);
        return switch (code) {
            case PING -> null;
            case GET_STATS ->
                write(allocator, ResponseWriter::stats, broker.system().stats(session));
            case GET_ME ->
                write(allocator, ResponseWriter::clientDetails, broker.system().me(session));
            case GET_CLIENT -> getClient(session, in, allocator);
            case GET_CLIENTS ->
                list(allocator, ResponseWriter::client, broker.system().clients(session));
            case GET_USER -> getUser(session, in, allocator);
            case GET_USERS ->
                list(allocator, ResponseWriter::user, broker.users().getUsers(session));
            case CREATE_USER -> createUser(session, in, allocator);
            case DELETE_USER -> {
                broker.users().deleteUser(session, in.identifier("user id"));
                yield null;
            }
            case UPDATE_USER -> updateUser(session, in);
            case UPDATE_PERMISSIONS -> updatePermissions(session, in);
            case CHANGE_PASSWORD -> {
                Identifier user = in.identifier("user id");
                String current = in.shortString("current password");
                String next = in.shortString("new password");
                broker.users().changePassword(session, user, current, next);
                yield null;
            }
            case LOGIN_USER -> login(session, in, allocator);
            case LOGOUT_USER -> {
                broker.users().logout(session);
                yield null;
            }
            case GET_PERSONAL_ACCESS_TOKENS ->
                list(allocator, ResponseWriter::token, broker.users().getTokens(session));
            case CREATE_PERSONAL_ACCESS_TOKEN -> {
                String name = in.name("personal access token name");
                long expiry = in.u64();
                String token = broker.users().createToken(session, name, expiry);
                yield write(allocator, ResponseWriter::name, token);
            }
            case DELETE_PERSONAL_ACCESS_TOKEN -> {
                broker.users().deleteToken(session, in.name("personal access token name"));
                yield null;
            }
            case LOGIN_WITH_PERSONAL_ACCESS_TOKEN -> {
                int userId = broker.users().loginWithToken(session, in.name("personal access token"));
                yield allocator.buffer(4).writeIntLE(userId);
            }
            case POLL_MESSAGES -> poll(session, in, allocator);
            case SEND_MESSAGES -> send(session, in, payloadOwned);
            case GET_CONSUMER_OFFSET -> getOffset(session, in, allocator);
            case STORE_CONSUMER_OFFSET -> storeOffset(session, in);
            case GET_STREAM -> {
                Optional<StreamView> stream = broker.streams().getStream(session, in.identifier("stream id"));
                yield optional(allocator, ResponseWriter::streamDetails, stream);
            }
            case GET_STREAMS ->
                list(allocator, ResponseWriter::stream, broker.streams().getStreams(session));
            case CREATE_STREAM -> {
                StreamView stream = broker.streams().createStream(session, in.name("stream name"));
                yield write(allocator, ResponseWriter::streamDetails, stream);
            }
            case DELETE_STREAM -> {
                broker.streams().deleteStream(session, in.identifier("stream id"));
                yield null;
            }
            case UPDATE_STREAM -> {
                Identifier stream = in.identifier("stream id");
                broker.streams().updateStream(session, stream, in.name("stream name"));
                yield null;
            }
            case GET_TOPIC -> {
                Identifier stream = in.identifier("stream id");
                Optional<TopicView> topic = broker.streams().getTopic(session, stream, in.identifier("topic id"));
                yield optional(allocator, ResponseWriter::topicDetails, topic);
            }
            case GET_TOPICS -> {
                List<TopicView> topics = broker.streams().getTopics(session, in.identifier("stream id"));
                yield list(allocator, ResponseWriter::topic, topics);
            }
            case CREATE_TOPIC -> createTopic(session, in, allocator);
            case DELETE_TOPIC -> {
                Identifier stream = in.identifier("stream id");
                broker.streams().deleteTopic(session, stream, in.identifier("topic id"));
                yield null;
            }
            case UPDATE_TOPIC -> updateTopic(session, in);
            case CREATE_PARTITIONS, DELETE_PARTITIONS -> {
                Identifier stream = in.identifier("stream id");
                Identifier topic = in.identifier("topic id");
                long count = in.u32();
                if (code == CREATE_PARTITIONS) {
                    broker.streams().createPartitions(session, stream, topic, count);
                } else {
                    broker.streams().deletePartitions(session, stream, topic, count);
                }
                yield null;
            }
            case GET_CONSUMER_GROUP -> {
                Identifier stream = in.identifier("stream id");
                Identifier topic = in.identifier("topic id");
                Identifier group = in.identifier("consumer group id");
                Optional<GroupView> view = broker.groups().getGroup(session, stream, topic, group);
                yield optional(allocator, ResponseWriter::groupDetails, view);
            }
            case GET_CONSUMER_GROUPS -> {
                Identifier stream = in.identifier("stream id");
                List<GroupView> groups = broker.groups().getGroups(session, stream, in.identifier("topic id"));
                yield list(allocator, ResponseWriter::group, groups);
            }
            case CREATE_CONSUMER_GROUP -> {
                Identifier stream = in.identifier("stream id");
                Identifier topic = in.identifier("topic id");
                GroupView group = broker.groups().createGroup(session, stream, topic, in.name("consumer group name"));
                yield write(allocator, ResponseWriter::groupDetails, group);
            }
            case DELETE_CONSUMER_GROUP, JOIN_CONSUMER_GROUP, LEAVE_CONSUMER_GROUP -> {
                Identifier stream = in.identifier("stream id");
                Identifier topic = in.identifier("topic id");
                Identifier group = in.identifier("consumer group id");
                switch (code) {
                    case DELETE_CONSUMER_GROUP -> broker.groups().deleteGroup(session, stream, topic, group);
                    case JOIN_CONSUMER_GROUP -> broker.groups().join(session, stream, topic, group);
                    default -> broker.groups().leave(session, stream, topic, group);
                }
                yield null;
            }
            default -> throw new BrokerException(ErrorCode.INVALID_COMMAND, "unknown command code " + code);
        };
    }

    private ByteBuf getClient(ClientSession session, WireReader in, ByteBufAllocator allocator) {
        Optional<ClientView> client = broker.system().client(session, in.u32());
        return optional(allocator, ResponseWriter::clientDetails, client);
    }

    private ByteBuf getUser(ClientSession session, WireReader in, ByteBufAllocator allocator) {
        Optional<UserView> user = broker.users().getUser(session, in.identifier("user id"));
        return optional(allocator, ResponseWriter::userDetails, user);
    }

    private ByteBuf createUser(ClientSession session, WireReader in, ByteBufAllocator allocator) {
        String username = in.name("username");
        String password = in.shortString("password");
        int status = in.u8();
        Permissions permissions = in.u8() == 1 ? permissions(in) : null;
        UserView user = broker.users().createUser(session, username, password, status, permissions);
        return write(allocator, ResponseWriter::userDetails, user);
    }

    private ByteBuf updateUser(ClientSession session, WireReader in) {
        Identifier user = in.identifier("user id");
        String username = in.u8() == 1 ? in.name("username") : null;
        Integer status = in.u8() == 1 ? in.u8() : null;
        broker.users().updateUser(session, user, username, status);
        return null;
    }

    private ByteBuf updatePermissions(ClientSession session, WireReader in) {
        Identifier user = in.identifier("user id");
        Permissions permissions = in.u8() == 1 ? permissions(in) : null;
        broker.users().updatePermissions(session, user, permissions);
        return null;
    }

    /** {@code u32 length} + permissions; the length must match what the permissions take. */
    private static Permissions permissions(WireReader in) {
        long length = in.u32();
        int before = in.remaining();
        Permissions permissions = PermissionsCodec.read(in);
        int consumed = before - in.remaining();
        if (consumed != length) {
            throw WireReader.invalidFormat("permissions length says " + length + " bytes, they take " + consumed);
        }
        return permissions;
    }

    private ByteBuf login(ClientSession session, WireReader in, ByteBufAllocator allocator) {
        String username = in.name("username");
        String password = in.shortString("password");
        // version and context (u32-prefixed strings) are optional; the broker only checks they are well-formed
        if (in.remaining() > 0) {
            in.longString("client version");
        }
        if (in.remaining() > 0) {
            in.longString("client context");
        }
        int userId = broker.users().login(session, username, password);
        return allocator.buffer(4).writeIntLE(userId);
    }

    private ByteBuf createTopic(ClientSession session, WireReader in, ByteBufAllocator allocator) {
        Identifier stream = in.identifier("stream id");
        long partitions = in.u32();
        int compression = in.u8();
        long messageExpiry = in.u64();
        long maxTopicSize = in.u64();
        int replicationFactor = in.u8();
        String name = in.name("topic name");
        TopicView topic = broker.streams()
                .createTopic(
                        session, stream, partitions, compression, messageExpiry, maxTopicSize, replicationFactor, name);
        return write(allocator, ResponseWriter::topicDetails, topic);
    }

    private ByteBuf updateTopic(ClientSession session, WireReader in) {
        Identifier stream = in.identifier("stream id");
        Identifier topic = in.identifier("topic id");
        int compression = in.u8();
        long messageExpiry = in.u64();
        long maxTopicSize = in.u64();
        int replicationFactor = in.u8();
        String name = in.name("topic name");
        broker.streams()
                .updateTopic(session, stream, topic, compression, messageExpiry, maxTopicSize, replicationFactor, name);
        return null;
    }

    private ByteBuf poll(ClientSession session, WireReader in, ByteBufAllocator allocator) {
        int consumerKind = consumerKind(in);
        Identifier consumer = in.identifier("consumer id");
        Identifier stream = in.identifier("stream id");
        Identifier topic = in.identifier("topic id");
        long partition = in.optionalPartition();
        int strategy = in.u8();
        if (strategy < MessageOperations.STRATEGY_OFFSET || strategy > MessageOperations.STRATEGY_NEXT) {
            throw WireReader.invalidCommand("unknown polling strategy " + strategy);
        }
        long value = in.u64();
        long count = in.u32();
        boolean autoCommit = in.u8() != 0;
        return broker.messages()
                .poll(
                        session,
                        consumerKind,
                        consumer,
                        stream,
                        topic,
                        partition,
                        strategy,
                        value,
                        count,
                        autoCommit,
                        allocator);
    }

    private ByteBuf getOffset(ClientSession session, WireReader in, ByteBufAllocator allocator) {
        int consumerKind = consumerKind(in);
        Identifier consumer = in.identifier("consumer id");
        Identifier stream = in.identifier("stream id");
        Identifier topic = in.identifier("topic id");
        long partition = in.optionalPartition();
        return optional(
                allocator,
                ResponseWriter::offset,
                broker.messages().getOffset(session, consumerKind, consumer, stream, topic, partition));
    }

    private ByteBuf storeOffset(ClientSession session, WireReader in) {
        int consumerKind = consumerKind(in);
        Identifier consumer = in.identifier("consumer id");
        Identifier stream = in.identifier("stream id");
        Identifier topic = in.identifier("topic id");
        long partition = in.optionalPartition();
        long offset = in.u64();
        broker.messages().storeOffset(session, consumerKind, consumer, stream, topic, partition, offset);
        return null;
    }

    private static int consumerKind(WireReader in) {
        int kind = in.u8();
        if (kind != MessageOperations.CONSUMER && kind != MessageOperations.CONSUMER_GROUP) {
            throw WireReader.invalidCommand("unknown consumer kind " + kind);
        }
        return kind;
    }

    /**
     * SendMessages, read the way the server reads it: login first, then the metadata (bad identifiers are
     * InvalidIdentifier, 6; bad partitioning or lengths InvalidCommand, 3), the index block and the messages.
     */
    private ByteBuf send(ClientSession session, WireReader in, boolean payloadOwned) {
        if (!session.isAuthenticated()) {
            throw new BrokerException(ErrorCode.UNAUTHENTICATED, "client " + session.clientId() + " is not logged in");
        }
        ByteBuf payload = in.buffer();
        long metadataLength = in.u32();
        if (metadataLength > in.remaining()) {
            throw WireReader.invalidCommand("metadata length " + metadataLength + " exceeds the request");
        }
        ByteBuf metadata = payload.readSlice((int) metadataLength);
        Identifier stream = SendMetadata.identifier(metadata, "stream id");
        Identifier topic = SendMetadata.identifier(metadata, "topic id");
        int partitioningKind = SendMetadata.u8(metadata);
        int partitioningLength = SendMetadata.u8(metadata);
        byte[] partitioningValue = SendMetadata.partitioning(metadata, partitioningKind, partitioningLength);
        long count = SendMetadata.u32(metadata);
        long indexesSize = count * 16;
        if (indexesSize > payload.readableBytes()) {
            throw WireReader.invalidCommand("index block of " + count + " messages exceeds the request");
        }
        ByteBuf indexes = payload.readSlice((int) indexesSize);
        broker.messages()
                .send(
                        session,
                        stream,
                        topic,
                        partitioningKind,
                        partitioningValue,
                        (int) count,
                        indexes,
                        payload,
                        payloadOwned);
        return null;
    }

    private static <T> ByteBuf write(ByteBufAllocator allocator, BiConsumer<ByteBuf, T> writer, T value) {
        ByteBuf out = allocator.buffer();
        writer.accept(out, value);
        return out;
    }

    private static <T> ByteBuf optional(ByteBufAllocator allocator, BiConsumer<ByteBuf, T> writer, Optional<T> value) {
        return value.map(v -> write(allocator, writer, v)).orElse(null);
    }

    private static <T> ByteBuf list(ByteBufAllocator allocator, BiConsumer<ByteBuf, T> writer, List<T> values) {
        if (values.isEmpty()) {
            return null;
        }
        ByteBuf out = allocator.buffer();
        for (T value : values) {
            writer.accept(out, value);
        }
        return out;
    }
}
