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
package dev.iggycamel.embedded.protocol;

import dev.iggycamel.embedded.broker.ClientSession;
import dev.iggycamel.embedded.broker.Views.ClientView;
import dev.iggycamel.embedded.broker.Views.GroupRef;
import dev.iggycamel.embedded.broker.Views.GroupView;
import dev.iggycamel.embedded.broker.Views.MemberView;
import dev.iggycamel.embedded.broker.Views.OffsetView;
import dev.iggycamel.embedded.broker.Views.PartitionView;
import dev.iggycamel.embedded.broker.Views.StatsView;
import dev.iggycamel.embedded.broker.Views.StreamView;
import dev.iggycamel.embedded.broker.Views.TokenView;
import dev.iggycamel.embedded.broker.Views.TopicView;
import dev.iggycamel.embedded.broker.Views.UserView;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Encodes the Iggy 0.8 response records (all little-endian; lists are records back to back, no count). */
public final class ResponseWriter {

    private ResponseWriter() {}

    public static void stream(ByteBuf out, StreamView stream) {
        out.writeIntLE(stream.id());
        out.writeLongLE(stream.createdAt());
        out.writeIntLE(stream.topicsCount());
        out.writeLongLE(stream.sizeBytes());
        out.writeLongLE(stream.messagesCount());
        name(out, stream.name());
    }

    public static void streamDetails(ByteBuf out, StreamView stream) {
        stream(out, stream);
        for (TopicView topic : stream.topics()) {
            topic(out, topic);
        }
    }

    public static void topic(ByteBuf out, TopicView topic) {
        out.writeIntLE(topic.id());
        out.writeLongLE(topic.createdAt());
        out.writeIntLE(topic.partitionsCount());
        out.writeLongLE(topic.messageExpiry());
        out.writeByte(topic.compression());
        out.writeLongLE(topic.maxTopicSize());
        out.writeByte(topic.replicationFactor());
        out.writeLongLE(topic.sizeBytes());
        out.writeLongLE(topic.messagesCount());
        name(out, topic.name());
    }

    public static void topicDetails(ByteBuf out, TopicView topic) {
        topic(out, topic);
        for (PartitionView partition : topic.partitions()) {
            out.writeIntLE(partition.id());
            out.writeLongLE(partition.createdAt());
            out.writeIntLE(partition.segmentsCount());
            out.writeLongLE(partition.currentOffset());
            out.writeLongLE(partition.sizeBytes());
            out.writeLongLE(partition.messagesCount());
        }
    }

    public static void group(ByteBuf out, GroupView group) {
        out.writeIntLE(group.id());
        out.writeIntLE(group.partitionsCount());
        out.writeIntLE(group.membersCount());
        name(out, group.name());
    }

    public static void groupDetails(ByteBuf out, GroupView group) {
        group(out, group);
        for (MemberView member : group.members()) {
            out.writeIntLE(member.id());
            out.writeIntLE(member.partitions().size());
            for (int partition : member.partitions()) {
                out.writeIntLE(partition);
            }
        }
    }

    public static void user(ByteBuf out, UserView user) {
        out.writeIntLE(user.id());
        out.writeLongLE(user.createdAt());
        out.writeByte(user.status());
        name(out, user.username());
    }

    /** The user, then {@code u8 1, u32 len, permissions}, or four zero bytes when it has none. */
    public static void userDetails(ByteBuf out, UserView user) {
        user(out, user);
        if (user.permissions() == null) {
            out.writeIntLE(0);
            return;
        }
        out.writeByte(1);
        int lengthAt = out.writerIndex();
        out.writeIntLE(0);
        PermissionsCodec.write(user.permissions(), out);
        out.setIntLE(lengthAt, out.writerIndex() - lengthAt - 4);
    }

    public static void client(ByteBuf out, ClientView client) {
        out.writeIntLE(client.clientId());
        out.writeIntLE(client.userId() == ClientSession.NO_USER ? -1 : client.userId());
        out.writeByte(client.transport());
        longString(out, client.address());
        out.writeIntLE(client.groups().size());
    }

    public static void clientDetails(ByteBuf out, ClientView client) {
        client(out, client);
        for (GroupRef group : client.groups()) {
            out.writeIntLE(group.streamId());
            out.writeIntLE(group.topicId());
            out.writeIntLE(group.groupId());
        }
    }

    public static void token(ByteBuf out, TokenView token) {
        name(out, token.name());
        out.writeLongLE(token.expiryAt());
    }

    public static void offset(ByteBuf out, OffsetView offset) {
        out.writeIntLE(offset.partitionId());
        out.writeLongLE(offset.currentOffset());
        out.writeLongLE(offset.storedOffset());
    }

    public static void stats(ByteBuf out, StatsView stats) {
        out.writeIntLE((int) stats.processId());
        out.writeFloatLE(stats.cpuUsage());
        out.writeFloatLE(stats.totalCpuUsage());
        out.writeLongLE(stats.memoryUsage());
        out.writeLongLE(stats.totalMemory());
        out.writeLongLE(stats.availableMemory());
        out.writeLongLE(stats.runTimeMicros());
        out.writeLongLE(stats.startTimeMicros());
        out.writeLongLE(stats.readBytes());
        out.writeLongLE(stats.writtenBytes());
        out.writeLongLE(stats.messagesSizeBytes());
        out.writeIntLE(stats.streamsCount());
        out.writeIntLE(stats.topicsCount());
        out.writeIntLE(stats.partitionsCount());
        out.writeIntLE(stats.segmentsCount());
        out.writeLongLE(stats.messagesCount());
        out.writeIntLE(stats.clientsCount());
        out.writeIntLE(stats.consumerGroupsCount());
        longString(out, stats.hostname());
        longString(out, stats.osName());
        longString(out, stats.osVersion());
        longString(out, stats.kernelVersion());
        longString(out, stats.serverVersion());
        out.writeIntLE(stats.serverSemver());
        out.writeIntLE(0); // no cache metrics
        out.writeIntLE(stats.threadsCount());
        out.writeLongLE(stats.freeDiskSpace());
        out.writeLongLE(stats.totalDiskSpace());
    }

    /** {@code u8 len} + UTF-8 bytes. */
    public static void name(ByteBuf out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte(bytes.length);
        out.writeBytes(bytes);
    }

    /** {@code u32 len} + UTF-8 bytes. */
    public static void longString(ByteBuf out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeIntLE(bytes.length);
        out.writeBytes(bytes);
    }
}
