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
 * The Iggy server refused a request. {@link #code()} is the server's error code (for example 1009, stream not
 * found); the message says what was asked and names the stream, topic, group or user involved.
 */
public class IggyServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public IggyServerException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The server's error code. */
    public int code() {
        return code;
    }
}
