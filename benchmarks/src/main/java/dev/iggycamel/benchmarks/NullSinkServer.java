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
package dev.iggycamel.benchmarks;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cheapest possible Iggy 0.8 peer: it reads each request frame, skips its payload without storing it, and
 * answers OK (a user id for the two logins). The yardstick a real broker's cost is measured against.
 */
final class NullSinkServer implements AutoCloseable {

    private static final int LOGIN_USER = 38;
    private static final int LOGIN_WITH_TOKEN = 44;

    private final EventLoopGroup group;
    private final Channel listener;

    NullSinkServer() throws InterruptedException {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("null-sink", true), NioIoHandler.newFactory());
        listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new AcknowledgingDecoder());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .sync()
                .channel();
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Skips payload bytes as they arrive; never accumulates a frame. */
    private static final class AcknowledgingDecoder extends ByteToMessageDecoder {
        private long toSkip;
        private int command;

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            while (true) {
                if (toSkip > 0) {
                    int skipped = (int) Math.min(toSkip, in.readableBytes());
                    in.skipBytes(skipped);
                    toSkip -= skipped;
                    if (toSkip > 0) {
                        return;
                    }
                    acknowledge(ctx);
                    continue;
                }
                if (in.readableBytes() < 8) {
                    return;
                }
                long length = in.readUnsignedIntLE();
                command = in.readIntLE();
                toSkip = length - 4;
                if (toSkip == 0) {
                    acknowledge(ctx);
                }
            }
        }

        private void acknowledge(ChannelHandlerContext ctx) {
            boolean login = command == LOGIN_USER || command == LOGIN_WITH_TOKEN;
            ByteBuf response = ctx.alloc().buffer(12).writeIntLE(0).writeIntLE(login ? 4 : 0);
            if (login) {
                response.writeIntLE(0);
            }
            ctx.writeAndFlush(response);
        }
    }
}
