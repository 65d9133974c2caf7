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
 * A request failed with a server error code. The message is for the broker's own log only: like the real server,
 * the embedded broker sends just the code, with no payload.
 */
public final class BrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public BrokerException(ErrorCode errorCode, String message) {
        // no stack trace: these are expected outcomes (not found, duplicate name...), raised on the hot path
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return errorCode + " (" + errorCode.code() + "): " + getMessage();
    }
}
