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
package dev.iggycamel.embedded.server;

import dev.iggycamel.embedded.broker.ErrorCode;
import io.netty.buffer.ByteBuf;

/**
 * One decoded request: its command code and payload, or a framing error to answer instead.
 *
 * @param code the command code
 * @param payload the payload (released by whoever handles the frame); null for a framing error
 * @param error the framing error, or null
 * @param closeAfterReply whether the connection is unusable after the reply
 */
record RequestFrame(int code, ByteBuf payload, ErrorCode error, boolean closeAfterReply) {

    static RequestFrame of(int code, ByteBuf payload) {
        return new RequestFrame(code, payload, null, false);
    }

    static RequestFrame failed(int code, ErrorCode error, boolean closeAfterReply) {
        return new RequestFrame(code, null, error, closeAfterReply);
    }
}
