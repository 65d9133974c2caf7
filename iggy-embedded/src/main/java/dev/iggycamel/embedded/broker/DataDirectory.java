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
import dev.iggycamel.embedded.broker.UserState.PersonalAccessToken;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps a broker's state in a directory so that a restart finds it again: a metadata snapshot (users, tokens,
 * streams, topics, partitions, groups, offsets) rewritten atomically on every metadata change, a journal of offsets
 * stored since the snapshot, and one message log file per partition.
 */
final class DataDirectory {

    private static final String METADATA = "metadata.bin";
    private static final String OFFSETS = "offsets.journal";
    private static final int FORMAT = 0x49474701; // "IGG" + version 1
    private static final int JOURNAL_RECORD = 29;
    private static final long JOURNAL_COMPACT_BYTES = 4L * 1024 * 1024;

    private record OffsetKey(int streamId, int topicId, int partitionId, int kind, long consumerId) {}

    private final Path root;
    private final Map<OffsetKey, Long> journaled = new LinkedHashMap<>();
    private FileChannel journal;

    DataDirectory(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("streams"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }

    Path partitionFile(int streamId, int topicId, int partitionId) {
        Path directory = topicDirectory(streamId, topicId);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return directory.resolve(partitionId + ".log");
    }

    void deleteStream(int streamId) {
        deleteTree(root.resolve("streams").resolve(Integer.toString(streamId)));
    }

    void deleteTopic(int streamId, int topicId) {
        deleteTree(topicDirectory(streamId, topicId));
    }

    void deletePartition(int streamId, int topicId, int partitionId) {
        try {
            Files.deleteIfExists(topicDirectory(streamId, topicId).resolve(partitionId + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete partition log", e);
        }
    }

    /** Removes every file; the directory is then as new. */
    void wipe() {
        closeJournal();
        journaled.clear();
        deleteTree(root.resolve("streams"));
        try {
            Files.deleteIfExists(root.resolve(METADATA));
            Files.deleteIfExists(root.resolve(OFFSETS));
            Files.createDirectories(root.resolve("streams"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe data directory " + root, e);
        }
    }

    /** Loads the snapshot and replays the offset journal; false when the directory holds no broker yet. */
    boolean load(Broker broker) {
        Path metadata = root.resolve(METADATA);
        if (!Files.exists(metadata)) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(metadata)))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown format in " + metadata);
            }
            readUsers(in, broker);
            readStreams(in, broker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + metadata, e);
        }
        replayJournal(broker);
        saveMetadata(broker);
        return true;
    }

    void saveMetadata(Broker broker) {
        Path target = root.resolve(METADATA);
        Path temporary = root.resolve(METADATA + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
            out.writeInt(FORMAT);
            writeUsers(out, broker);
            writeStreams(out, broker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + target, e);
        }
        synchronized (this) {
            // the snapshot holds every offset: the journal starts over
            journaled.clear();
            try {
                openJournal().truncate(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot truncate offsets journal", e);
            }
        }
    }

    synchronized void appendOffset(int streamId, int topicId, int partitionId, int kind, long consumerId, long offset) {
        journaled.put(new OffsetKey(streamId, topicId, partitionId, kind, consumerId), offset);
        try {
            FileChannel channel = openJournal();
            writeRecord(channel, channel.size(), streamId, topicId, partitionId, kind, consumerId, offset);
            if (channel.size() > JOURNAL_COMPACT_BYTES) {
                compactJournal();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to offsets journal", e);
        }
    }

    void close(Broker broker) {
        saveMetadata(broker);
        closeJournal();
    }

    private synchronized void closeJournal() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close offsets journal", e);
            }
            journal = null;
        }
    }

    private FileChannel openJournal() throws IOException {
        if (journal == null) {
            journal = FileChannel.open(
                    root.resolve(OFFSETS),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
        return journal;
    }

    /** Rewrites the journal with only the latest offset per consumer and partition. */
    private void compactJournal() throws IOException {
        Path temporary = root.resolve(OFFSETS + ".tmp");
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long position = 0;
            for (Map.Entry<OffsetKey, Long> entry : journaled.entrySet()) {
                OffsetKey key = entry.getKey();
                writeRecord(
                        out,
                        position,
                        key.streamId(),
                        key.topicId(),
                        key.partitionId(),
                        key.kind(),
                        key.consumerId(),
                        entry.getValue());
                position += JOURNAL_RECORD;
            }
        }
        closeJournal();
        Files.move(
                temporary, root.resolve(OFFSETS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeRecord(
            FileChannel channel,
            long position,
            int streamId,
            int topicId,
            int partitionId,
            int kind,
            long consumerId,
            long offset)
            throws IOException {
        ByteBuffer record = ByteBuffer.allocate(JOURNAL_RECORD);
        record.put((byte) kind)
                .putInt(streamId)
                .putInt(topicId)
                .putInt(partitionId)
                .putLong(consumerId)
                .putLong(offset)
                .flip();
        while (record.hasRemaining()) {
            position += channel.write(record, position);
        }
    }

    private void replayJournal(Broker broker) {
        Path path = root.resolve(OFFSETS);
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            while (true) {
                int kind;
                try {
                    kind = in.readByte();
                } catch (EOFException end) {
                    break;
                }
                int streamId = in.readInt();
                int topicId = in.readInt();
                int partitionId = in.readInt();
                long consumerId = in.readLong();
                long offset = in.readLong();
                PartitionState partition = partition(broker, streamId, topicId, partitionId);
                if (partition != null) {
                    if (kind == MessageOperations.CONSUMER_GROUP) {
                        partition.groupOffsets.put((int) consumerId, offset);
                    } else {
                        partition.consumerOffsets.put(consumerId, offset);
                    }
                }
            }
        } catch (NoSuchFileException | EOFException e) {
            // no journal yet, or a torn last record: what was read stands
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read offsets journal " + path, e);
        }
    }

    private static PartitionState partition(Broker broker, int streamId, int topicId, int partitionId) {
        StreamState stream = broker.streams.get(streamId);
        TopicState topic = stream == null ? null : stream.topics.get(topicId);
        return topic == null || partitionId >= topic.partitions.size() ? null : topic.partitions.get(partitionId);
    }

    private static void writeUsers(DataOutputStream out, Broker broker) throws IOException {
        out.writeInt(broker.users.size());
        for (UserState user : broker.users.values()) {
            out.writeInt(user.id);
            out.writeUTF(user.username);
            out.writeInt(user.passwordHash.length);
            out.write(user.passwordHash);
            out.writeByte(user.status);
            out.writeLong(user.createdAt);
            out.writeBoolean(user.permissions != null);
            if (user.permissions != null) {
                writePermissions(out, user.permissions);
            }
            out.writeInt(user.tokens.size());
            for (PersonalAccessToken token : user.tokens.values()) {
                out.writeUTF(token.name());
                out.writeUTF(token.tokenHash());
                out.writeLong(token.expiryAt());
            }
        }
    }

    private static void readUsers(DataInputStream in, Broker broker) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int id = in.readInt();
            String username = in.readUTF();
            byte[] hash = in.readNBytes(in.readInt());
            int status = in.readByte();
            long createdAt = in.readLong();
            Permissions permissions = in.readBoolean() ? readPermissions(in) : null;
            UserState user = new UserState(id, username, hash, status, permissions, createdAt);
            int tokens = in.readInt();
            for (int t = 0; t < tokens; t++) {
                PersonalAccessToken token = new PersonalAccessToken(in.readUTF(), in.readUTF(), in.readLong());
                user.tokens.put(token.name(), token);
            }
            broker.users.put(id, user);
            broker.userIds.restore(id);
        }
    }

    private static void writePermissions(DataOutputStream out, Permissions permissions) throws IOException {
        writeFlags(out, permissions.global());
        out.writeInt(permissions.streams().size());
        for (Map.Entry<Long, StreamPermissions> stream : permissions.streams().entrySet()) {
            out.writeLong(stream.getKey());
            writeFlags(out, stream.getValue().flags());
            out.writeInt(stream.getValue().topics().size());
            for (Map.Entry<Long, boolean[]> topic : stream.getValue().topics().entrySet()) {
                out.writeLong(topic.getKey());
                writeFlags(out, topic.getValue());
            }
        }
    }

    private static Permissions readPermissions(DataInputStream in) throws IOException {
        boolean[] global = readFlags(in, 10);
        Map<Long, StreamPermissions> streams = new TreeMap<>();
        int streamCount = in.readInt();
        for (int s = 0; s < streamCount; s++) {
            long streamId = in.readLong();
            boolean[] flags = readFlags(in, 6);
            Map<Long, boolean[]> topics = new TreeMap<>();
            int topicCount = in.readInt();
            for (int t = 0; t < topicCount; t++) {
                topics.put(in.readLong(), readFlags(in, 4));
            }
            streams.put(streamId, new StreamPermissions(flags, topics));
        }
        return new Permissions(global, streams);
    }

    private static void writeFlags(DataOutputStream out, boolean[] flags) throws IOException {
        for (boolean flag : flags) {
            out.writeBoolean(flag);
        }
    }

    private static boolean[] readFlags(DataInputStream in, int count) throws IOException {
        boolean[] flags = new boolean[count];
        for (int i = 0; i < count; i++) {
            flags[i] = in.readBoolean();
        }
        return flags;
    }

    private static void writeStreams(DataOutputStream out, Broker broker) throws IOException {
        out.writeInt(broker.streams.size());
        for (StreamState stream : broker.streams.values()) {
            out.writeInt(stream.id);
            out.writeUTF(stream.name);
            out.writeLong(stream.createdAt);
            out.writeInt(stream.topics.size());
            for (TopicState topic : stream.topics.values()) {
                writeTopic(out, topic);
            }
        }
    }

    private static void writeTopic(DataOutputStream out, TopicState topic) throws IOException {
        out.writeInt(topic.id);
        out.writeUTF(topic.name);
        out.writeLong(topic.createdAt);
        out.writeByte(topic.compression);
        out.writeLong(topic.messageExpiry);
        out.writeLong(topic.maxTopicSize);
        out.writeByte(topic.replicationFactor);
        out.writeLong(topic.balancedCounter());
        out.writeInt(topic.partitions.size());
        for (PartitionState partition : topic.partitions) {
            out.writeLong(partition.createdAt);
            out.writeInt(partition.consumerOffsets.size());
            for (Map.Entry<Long, Long> offset : partition.consumerOffsets.entrySet()) {
                out.writeLong(offset.getKey());
                out.writeLong(offset.getValue());
            }
            out.writeInt(partition.groupOffsets.size());
            for (Map.Entry<Integer, Long> offset : partition.groupOffsets.entrySet()) {
                out.writeInt(offset.getKey());
                out.writeLong(offset.getValue());
            }
        }
        out.writeInt(topic.groups.size());
        for (ConsumerGroupState group : topic.groups.values()) {
            out.writeInt(group.id);
            out.writeUTF(group.name);
        }
    }

    private void readStreams(DataInputStream in, Broker broker) throws IOException {
        int streams = in.readInt();
        for (int s = 0; s < streams; s++) {
            StreamState stream = new StreamState(in.readInt(), in.readUTF(), in.readLong());
            broker.streams.put(stream.id, stream);
            broker.streamIds.restore(stream.id);
            int topics = in.readInt();
            for (int t = 0; t < topics; t++) {
                readTopic(in, broker, stream);
            }
        }
    }

    private void readTopic(DataInputStream in, Broker broker, StreamState stream) throws IOException {
        TopicState topic = new TopicState(stream, in.readInt(), in.readUTF(), in.readLong());
        topic.compression = in.readByte();
        topic.messageExpiry = in.readLong();
        topic.maxTopicSize = in.readLong();
        topic.replicationFactor = in.readByte();
        topic.restoreBalancedCounter(in.readLong());
        stream.topics.put(topic.id, topic);
        stream.topicIds.restore(topic.id);
        int partitions = in.readInt();
        for (int p = 0; p < partitions; p++) {
            PartitionState partition = new PartitionState(
                    p, in.readLong(), PartitionLog.inFile(partitionFile(stream.id, topic.id, p), broker.budget));
            int consumers = in.readInt();
            for (int c = 0; c < consumers; c++) {
                partition.consumerOffsets.put(in.readLong(), in.readLong());
            }
            int groups = in.readInt();
            for (int g = 0; g < groups; g++) {
                partition.groupOffsets.put(in.readInt(), in.readLong());
            }
            topic.partitions.add(partition);
        }
        int groups = in.readInt();
        for (int g = 0; g < groups; g++) {
            ConsumerGroupState group = new ConsumerGroupState(topic, in.readInt(), in.readUTF(), partitions);
            topic.groups.put(group.id, group);
            topic.groupIds.restore(group.id);
        }
    }

    private Path topicDirectory(int streamId, int topicId) {
        return root.resolve("streams").resolve(Integer.toString(streamId)).resolve(Integer.toString(topicId));
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
