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
import io.netty.buffer.Unpooled;

/**
 * One decoded request: its command code and payload, or a framing error to answer instead.
 *
 * @param code the command code
 * @param payload the payload (released by whoever handles the frame); null for a framing error
 * @param ownedArray whether the payload wraps a heap array nobody else uses, which the broker may keep
 * @param error the framing error, or null
 * @param closeAfterReply whether the connection is unusable after the reply
 */
record RequestFrame(int code, ByteBuf payload, boolean ownedArray, ErrorCode error, boolean closeAfterReply) {

    static RequestFrame of(int code, ByteBuf payload) {
        return new RequestFrame(code, payload, false, null, false);
    }

    static RequestFrame owned(int code, byte[] payload) {
        return new RequestFrame(code, Unpooled.wrappedBuffer(payload), true, null, false);
    }

    static RequestFrame failed(int code, ErrorCode error, boolean closeAfterReply) {
        return new RequestFrame(code, null, false, error, closeAfterReply);
    }
}
