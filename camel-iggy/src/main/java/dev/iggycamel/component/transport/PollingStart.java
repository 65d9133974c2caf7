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

/**
 * Where a poll starts: the server's polling strategies.
 *
 * @param kind the strategy
 * @param value the offset (OFFSET) or timestamp in microseconds (TIMESTAMP); 0 otherwise
 */
public record PollingStart(Kind kind, long value) {

    /** The strategies, with their wire codes. */
    public enum Kind {
        OFFSET(1),
        TIMESTAMP(2),
        FIRST(3),
        LAST(4),
        NEXT(5);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public static PollingStart offset(long offset) {
        return new PollingStart(Kind.OFFSET, offset);
    }

    public static PollingStart timestamp(long micros) {
        return new PollingStart(Kind.TIMESTAMP, micros);
    }

    public static PollingStart first() {
        return new PollingStart(Kind.FIRST, 0);
    }

    public static PollingStart last() {
        return new PollingStart(Kind.LAST, 0);
    }

    public static PollingStart next() {
        return new PollingStart(Kind.NEXT, 0);
    }
}
