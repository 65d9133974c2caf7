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

/** A user's permissions: ten global flags, then per-stream flags with per-topic overrides. */
public record Permissions(boolean[] global, Map<Long, StreamPermissions> streams) {

    public static final int MANAGE_SERVERS = 0;
    public static final int READ_SERVERS = 1;
    public static final int MANAGE_USERS = 2;
    public static final int READ_USERS = 3;
    public static final int MANAGE_STREAMS = 4;
    public static final int READ_STREAMS = 5;
    public static final int MANAGE_TOPICS = 6;
    public static final int READ_TOPICS = 7;
    public static final int POLL_MESSAGES = 8;
    public static final int SEND_MESSAGES = 9;

    /** Per-stream flags: manage stream, read stream, manage topics, read topics, poll, send. */
    public record StreamPermissions(boolean[] flags, Map<Long, boolean[]> topics) {
        public static final int MANAGE_STREAM = 0;
        public static final int READ_STREAM = 1;
        public static final int MANAGE_TOPICS = 2;
        public static final int READ_TOPICS = 3;
        public static final int POLL_MESSAGES = 4;
        public static final int SEND_MESSAGES = 5;
    }

    /** Per-topic flags: manage topic, read topic, poll, send. */
    public static final int TOPIC_MANAGE = 0;

    public static final int TOPIC_READ = 1;
    public static final int TOPIC_POLL = 2;
    public static final int TOPIC_SEND = 3;

    /** Every global flag set, no stream entries: what the root user gets. */
    public static Permissions root() {
        boolean[] global = new boolean[10];
        java.util.Arrays.fill(global, true);
        return new Permissions(global, new TreeMap<>());
    }

    public boolean global(int flag) {
        return global[flag];
    }
}
