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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;

/**
 * Files as the file, SFTP and object-store tests move them: file i is named msg-000i.json and holds {"n":i}; as an
 * Iggy message its content is the payload and its name the {@code file} header.
 */
final class FileMessages {

    private FileMessages() {}

    /** File name to content, files {@code from} (inclusive) to {@code to} (exclusive), in order. */
    static Map<String, String> files(int from, int to) {
        Map<String, String> files = new LinkedHashMap<>();
        IntStream.range(from, to).forEach(i -> files.put(String.format("msg-%04d.json", i), "{\"n\":" + i + "}"));
        return files;
    }

    /** The Iggy messages carrying the files: the content as payload, the name in the header file. */
    static List<Message> messages(int from, int to) {
        return files(from, to).entrySet().stream()
                .map(entry -> Message.of(
                        entry.getValue(), Map.of(HeaderKey.fromString("file"), HeaderValue.fromString(entry.getKey()))))
                .toList();
    }

    /** The files the messages carry, name (from the file header) to payload; a name that comes twice fails. */
    static Map<String, String> byFileHeader(List<Message> messages) {
        Map<String, String> byName = new TreeMap<>();
        for (Message message : messages) {
            String name =
                    message.userHeaders().get(HeaderKey.fromString("file")).asString();
            assertThat(byName.put(name, new String(message.payload(), StandardCharsets.UTF_8)))
                    .as("%s read twice", name)
                    .isNull();
        }
        return byName;
    }
}
