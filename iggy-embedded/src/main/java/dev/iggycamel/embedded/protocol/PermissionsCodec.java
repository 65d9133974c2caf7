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

import dev.iggycamel.embedded.broker.Permissions;
import dev.iggycamel.embedded.broker.Permissions.StreamPermissions;
import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.TreeMap;

/**
 * The permissions wire layout: the flags as u8 booleans, and each list of streams or topics as
 * "1, entry, 1, entry, ..., 0" (an empty list is a single 0).
 */
public final class PermissionsCodec {

    private PermissionsCodec() {}

    public static Permissions read(WireReader reader) {
        boolean[] global = flags(reader, 10);
        Map<Long, StreamPermissions> streams = new TreeMap<>();
        while (reader.bool()) {
            long streamId = reader.u32();
            boolean[] streamFlags = flags(reader, 6);
            Map<Long, boolean[]> topics = new TreeMap<>();
            while (reader.bool()) {
                long topicId = reader.u32();
                topics.put(topicId, flags(reader, 4));
            }
            streams.put(streamId, new StreamPermissions(streamFlags, topics));
        }
        return new Permissions(global, streams);
    }

    public static void write(Permissions permissions, ByteBuf out) {
        writeFlags(out, permissions.global());
        for (Map.Entry<Long, StreamPermissions> stream : permissions.streams().entrySet()) {
            out.writeByte(1);
            out.writeIntLE(stream.getKey().intValue());
            writeFlags(out, stream.getValue().flags());
            for (Map.Entry<Long, boolean[]> topic : stream.getValue().topics().entrySet()) {
                out.writeByte(1);
                out.writeIntLE(topic.getKey().intValue());
                writeFlags(out, topic.getValue());
            }
            out.writeByte(0);
        }
        out.writeByte(0);
    }

    private static boolean[] flags(WireReader reader, int count) {
        boolean[] flags = new boolean[count];
        for (int i = 0; i < count; i++) {
            flags[i] = reader.bool();
        }
        return flags;
    }

    private static void writeFlags(ByteBuf out, boolean[] flags) {
        for (boolean flag : flags) {
            out.writeByte(flag ? 1 : 0);
        }
    }
}
