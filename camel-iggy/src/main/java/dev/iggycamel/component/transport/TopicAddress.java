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

import java.util.Objects;

/**
 * Where messages go or come from: a stream and a topic, each by numeric id (all digits) or by name.
 *
 * @param stream the stream's id or name
 * @param topic the topic's id or name
 */
public record TopicAddress(String stream, String topic) {

    public TopicAddress {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(topic, "topic");
    }

    /** Whether an identifier is a numeric id (only digits, fitting a u32) rather than a name. */
    public static boolean isNumericId(String identifier) {
        if (identifier.isEmpty() || identifier.length() > 10) {
            return false;
        }
        for (int i = 0; i < identifier.length(); i++) {
            if (!Character.isDigit(identifier.charAt(i))) {
                return false;
            }
        }
        return Long.parseLong(identifier) <= 0xFFFF_FFFFL;
    }

    @Override
    public String toString() {
        return stream + "/" + topic;
    }
}
