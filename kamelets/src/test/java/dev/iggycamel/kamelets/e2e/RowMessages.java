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
package dev.iggycamel.kamelets.e2e;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.iggy.message.Message;

/**
 * Rows as the database tests (SQL, ClickHouse, DynamoDB, MongoDB) write and read them: message i is the JSON
 * {@code {"n":i,"name":"<name(i)>"}}, and a stored row reads back as "n|name".
 */
final class RowMessages {

    private RowMessages() {}

    /** The name stored with message i: non-ASCII on purpose, to prove the text arrives intact. */
    static String name(int i) {
        return "name-" + i + " \u00e9\u00e8 \u20ac \u6771\u4eac";
    }

    /** Message i as JSON, non-ASCII characters escaped (the payload bytes do not depend on the JVM's charset). */
    static String json(int i) {
        StringBuilder escaped = new StringBuilder();
        name(i).chars().forEach(c -> escaped.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return "{\"n\":" + i + ",\"name\":\"" + escaped + "\"}";
    }

    /** Messages {@code from} (inclusive) to {@code to} (exclusive). */
    static List<Message> messages(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Message.of(json(i))).toList();
    }

    /** The first {@code count} rows as "n|name", in order of n. */
    static List<String> expectedRows(int count) {
        return IntStream.range(0, count).mapToObj(i -> i + "|" + name(i)).toList();
    }
}
