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
package dev.iggycamel.component.transport.tcp;

import dev.iggycamel.component.transport.IggyErrors;
import dev.iggycamel.component.transport.IggyServerException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One TCP connection to the server. Requests may be pipelined: the server answers them in order, so each answer
 * completes the oldest waiting request; its decoder reads the answer on the event loop, before the buffer is
 * released. A closed connection fails every waiting request as a connection failure ({@link UncheckedIOException}).
 */
final class WireChannel extends SimpleChannelInboundHandler<ByteBuf> {

    /** A request waiting for its answer. */
    private record Waiting<T>(CompletableFuture<T> future, Function<ByteBuf, T> decoder, Supplier<String> what) {

        void answer(int status, ByteBuf payload) {
            if (status != 0) {
                future.completeExceptionally(
                        new IggyServerException(status, what.get() + ": " + IggyErrors.describe(status), null));
                return;
            }
            try {
                future.complete(decoder.apply(payload));
            } catch (RuntimeException e) {
                future.completeExceptionally(
                        new IllegalStateException(what.get() + ": unreadable answer from the server: " + e, e));
            }
        }

        void fail(String reason, Throwable cause) {
            String message = what.get() + ": " + reason;
            future.completeExceptionally(new UncheckedIOException(message, new IOException(message, cause)));
        }
    }

    private final String server;
    private final ArrayDeque<Waiting<?>> waiting = new ArrayDeque<>();
    private Channel channel;
    private boolean closed;
    private Throwable failure;

    WireChannel(String server) {
        this.server = server;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /**
     * Sends a request frame (released here) and completes with its decoded answer.
     *
     * @param what what was asked, for failure messages
     */
    <T> CompletableFuture<T> request(ByteBuf frame, Function<ByteBuf, T> decoder, Supplier<String> what) {
        Waiting<T> request = new Waiting<>(new CompletableFuture<>(), decoder, what);
        // queued and written under one lock: the answers come back in the order the frames were written
        synchronized (this) {
            if (closed || !channel.isActive()) {
                frame.release();
                request.fail("the connection to " + server + " is closed", failure);
                return request.future();
            }
            waiting.add(request);
            channel.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
        return request.future();
    }

    /** Requests sent and not answered yet. */
    synchronized int outstanding() {
        return waiting.size();
    }

    boolean isOpen() {
        return channel != null && channel.isActive() && !isClosed();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    Channel channel() {
        return channel;
    }

    CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.close().addListener(f -> done.complete(null));
        return done;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        int status = frame.readIntLE();
        frame.skipBytes(4); // the payload length: the frame decoder already cut the frame
        Waiting<?> request;
        synchronized (this) {
            request = waiting.poll();
        }
        if (request == null) {
            // an answer nobody asked for: the stream is out of step, nothing on it can be trusted
            ctx.close();
            return;
        }
        request.answer(status, frame);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        synchronized (this) {
            if (failure == null) {
                failure = cause;
            }
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ArrayDeque<Waiting<?>> abandoned;
        Throwable cause;
        synchronized (this) {
            closed = true;
            abandoned = new ArrayDeque<>(waiting);
            waiting.clear();
            cause = failure;
        }
        String reason =
                "the connection to " + server + " was closed" + (cause != null ? " (" + cause.getMessage() + ")" : "");
        for (Waiting<?> request : abandoned) {
            request.fail(reason, cause);
        }
        super.channelInactive(ctx);
    }
}
