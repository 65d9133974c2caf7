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
import dev.iggycamel.embedded.protocol.CommandCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into {@code [u32 length][u32 code][payload]} request frames, where length counts the code
 * and the payload. Frames the server refuses before reading them become error frames:
 * <ul>
 *   <li>length &lt; 4: InvalidCommand (3), only the 8-byte header is consumed, as on the server;
 *   <li>a payload over 10 MiB for anything but SendMessages: InvalidCommand (3), and the connection is closed
 *       after the reply (the server would read the unread payload as the next frame);
 *   <li>a SendMessages payload over the broker's bound: TopicFull (3009), the payload is skipped.
 * </ul>
 */
final class RequestFrameDecoder extends ByteToMessageDecoder {

    static final int MAX_CONTROL_PAYLOAD = 10 * 1024 * 1024;

    private final long maxSendPayload;
    private long toSkip;
    private boolean closed;
    /** A SendMessages payload being read straight into the array the broker will store. */
    private byte[] sendPayload;

    private int sendReceived;

    RequestFrameDecoder(long maxSendPayload) {
        this.maxSendPayload = maxSendPayload;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (closed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (toSkip > 0) {
            int skipped = (int) Math.min(toSkip, in.readableBytes());
            in.skipBytes(skipped);
            toSkip -= skipped;
            return;
        }
        if (sendPayload != null) {
            int chunk = Math.min(sendPayload.length - sendReceived, in.readableBytes());
            in.readBytes(sendPayload, sendReceived, chunk);
            sendReceived += chunk;
            if (sendReceived == sendPayload.length) {
                out.add(RequestFrame.owned(CommandCode.SEND_MESSAGES, sendPayload));
                sendPayload = null;
            }
            return;
        }
        if (in.readableBytes() < 8) {
            return;
        }
        int start = in.readerIndex();
        long length = in.getUnsignedIntLE(start);
        int code = in.getIntLE(start + 4);
        if (length < 4) {
            in.skipBytes(8);
            out.add(RequestFrame.failed(code, ErrorCode.INVALID_COMMAND, false));
            return;
        }
        long payloadLength = length - 4;
        if (code != CommandCode.SEND_MESSAGES && payloadLength > MAX_CONTROL_PAYLOAD) {
            in.skipBytes(8);
            closed = true;
            out.add(RequestFrame.failed(code, ErrorCode.INVALID_COMMAND, true));
            return;
        }
        if (code == CommandCode.SEND_MESSAGES && payloadLength > maxSendPayload) {
            in.skipBytes(8);
            toSkip = payloadLength;
            out.add(RequestFrame.failed(code, ErrorCode.TOPIC_FULL, false));
            return;
        }
        if (code == CommandCode.SEND_MESSAGES) {
            // one copy from the socket buffers into the array the messages will live in: no cumulation growth, no
            // second copy in the broker
            in.skipBytes(8);
            sendPayload = new byte[(int) payloadLength];
            sendReceived = 0;
            if (payloadLength == 0) {
                out.add(RequestFrame.owned(code, sendPayload));
                sendPayload = null;
            }
            return;
        }
        if (in.readableBytes() < 8 + payloadLength) {
            return;
        }
        in.skipBytes(8);
        out.add(RequestFrame.of(code, in.readRetainedSlice((int) payloadLength)));
    }
}
