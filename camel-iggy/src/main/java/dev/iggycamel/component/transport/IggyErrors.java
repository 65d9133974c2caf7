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
package dev.iggycamel.component.transport;

import java.util.Map;

/** Words for the Iggy server's error codes, so that failures say what went wrong and not only a number. */
public final class IggyErrors {

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(1, "server error"),
            Map.entry(3, "invalid command"),
            Map.entry(4, "invalid format"),
            Map.entry(6, "invalid identifier"),
            Map.entry(20, "resource not found"),
            Map.entry(30, "stale client"),
            Map.entry(40, "not logged in"),
            Map.entry(41, "not allowed by the user's permissions"),
            Map.entry(42, "invalid username or password"),
            Map.entry(43, "invalid username"),
            Map.entry(44, "invalid password"),
            Map.entry(47, "user inactive"),
            Map.entry(54, "personal access token expired"),
            Map.entry(100, "client not found"),
            Map.entry(1009, "stream not found"),
            Map.entry(1012, "stream name already exists"),
            Map.entry(1019, "max topic size below one segment"),
            Map.entry(2010, "topic not found"),
            Map.entry(2013, "topic name already exists"),
            Map.entry(2015, "too many partitions"),
            Map.entry(3007, "partition not found"),
            Map.entry(3009, "topic full"),
            Map.entry(3022, "consumer has no partition"),
            Map.entry(4009, "no messages"),
            Map.entry(4017, "user headers too big"),
            Map.entry(4022, "message payload too big"),
            Map.entry(4100, "invalid offset"),
            Map.entry(5000, "consumer group not found"),
            Map.entry(5004, "consumer group name already exists"),
            Map.entry(5006, "not a member of the consumer group"));

    public static final int UNAUTHENTICATED = 40;
    public static final int STREAM_NOT_FOUND = 1009;
    public static final int STREAM_EXISTS = 1012;
    public static final int TOPIC_NOT_FOUND = 2010;
    public static final int TOPIC_EXISTS = 2013;
    public static final int GROUP_NOT_FOUND = 5000;
    public static final int GROUP_EXISTS = 5004;
    public static final int NOT_A_MEMBER = 5006;
    public static final int STALE_CLIENT = 30;
    public static final int CLIENT_NOT_FOUND = 100;

    private IggyErrors() {}

    /** "stream not found (1009)", or "error 1234" for a code without words. */
    public static String describe(int code) {
        String words = DESCRIPTIONS.get(code);
        return words != null ? words + " (" + code + ")" : "error " + code;
    }
}
