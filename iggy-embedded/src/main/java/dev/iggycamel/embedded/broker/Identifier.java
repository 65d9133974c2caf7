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

/**
 * A stream, topic, consumer-group or user identifier as sent on the wire: a u32 id or a name.
 *
 * @param id the numeric id, or -1 for a named identifier
 * @param name the name, or null for a numeric identifier
 */
public record Identifier(long id, String name) {

    public static Identifier numeric(long id) {
        return new Identifier(id, null);
    }

    public static Identifier named(String name) {
        return new Identifier(-1, name);
    }

    public boolean isNumeric() {
        return name == null;
    }

    @Override
    public String toString() {
        return isNumeric() ? Long.toString(id) : name;
    }
}
