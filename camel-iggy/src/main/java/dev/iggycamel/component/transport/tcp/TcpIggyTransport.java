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

import dev.iggycamel.component.transport.IggyConnection;
import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.IggyRequests;
import dev.iggycamel.component.transport.IggyTransport;
import dev.iggycamel.component.transport.ProvisioningConnection;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The component's own client of the Iggy 0.8 TCP protocol (option {@code transportType=native}): a SendMessages frame
 * is encoded straight from the exchanges' messages into one pooled buffer, and polled messages are decoded without
 * per-field objects ({@link WireCodec}). Connections pipeline their requests and reconnect (and log in again) when
 * a request finds them closed. All connections of one transport share an event loop group, which lives while any
 * connection is open.
 */
public final class TcpIggyTransport implements IggyTransport {

    private static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5000;

    private EventLoopGroup group;
    private int openChannels;

    @Override
    public CompletableFuture<IggyConnection> connect(IggyConnectionSettings settings) {
        SslContext ssl;
        try {
            ssl = settings.tls() ? sslContext(settings) : null;
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Invalid Iggy connection settings " + settings + ": " + e.getMessage(), e));
        }
        TcpIggyConnection connection = new TcpIggyConnection(this, settings, ssl);
        return connection.open().thenApply(opened -> (IggyConnection) opened);
    }

    private static SslContext sslContext(IggyConnectionSettings settings) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient();
        if (settings.trustedCertificate() != null) {
            builder.trustManager(settings.trustedCertificate().toFile());
        }
        return builder.build();
    }

    /** Opens one connection and logs in; fails with a message naming the server and the user. */
    CompletableFuture<WireChannel> open(IggyConnectionSettings settings, SslContext ssl) {
        String failure = IggyRequests.connect(settings);
        WireChannel wire = new WireChannel(settings.host() + ":" + settings.port());
        EventLoopGroup loops = acquire();
        Bootstrap bootstrap = new Bootstrap()
                .group(loops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        settings.connectTimeout() != null
                                ? (int) settings.connectTimeout().toMillis()
                                : DEFAULT_CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (ssl != null) {
                            channel.pipeline()
                                    .addLast(ssl.newHandler(channel.alloc(), settings.host(), settings.port()));
                        }
                        // [u32 status][u32 length][payload]: whole answers, sliced from the read buffer
                        channel.pipeline()
                                .addLast(new LengthFieldBasedFrameDecoder(
                                        ByteOrder.LITTLE_ENDIAN, Integer.MAX_VALUE, 4, 4, 0, 0, true));
                        channel.pipeline().addLast(wire);
                    }
                });
        CompletableFuture<WireChannel> opened = new CompletableFuture<>();
        ChannelFuture connecting = bootstrap.connect(settings.host(), settings.port());
        Channel channel = connecting.channel();
        channel.closeFuture().addListener(f -> release());
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                opened.completeExceptionally(connectionFailure(failure, connected.cause()));
                return;
            }
            handshake(channel).whenComplete((ignored, handshakeFailure) -> {
                if (handshakeFailure != null) {
                    channel.close();
                    opened.completeExceptionally(connectionFailure(failure, handshakeFailure));
                    return;
                }
                ByteBufAllocator alloc = channel.alloc();
                wire.request(
                                settings.personalAccessToken() != null
                                        ? WireCodec.loginWithToken(alloc, settings.personalAccessToken())
                                        : WireCodec.loginUser(alloc, settings.username(), settings.password()),
                                WireCodec::userId,
                                () -> failure)
                        .whenComplete((userId, loginFailure) -> {
                            if (loginFailure == null) {
                                opened.complete(wire);
                            } else {
                                channel.close();
                                opened.completeExceptionally(ProvisioningConnection.unwrap(loginFailure));
                            }
                        });
            });
        });
        return opened;
    }

    private static CompletableFuture<Void> handshake(Channel channel) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls == null) {
            done.complete(null);
        } else {
            tls.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(f.cause());
                }
            });
        }
        return done;
    }

    private static UncheckedIOException connectionFailure(String what, Throwable cause) {
        String reason = cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
        String message = what + ": " + reason;
        return new UncheckedIOException(message, new IOException(message, cause));
    }

    /** The shared event loop group, started for the first open connection. */
    private synchronized EventLoopGroup acquire() {
        if (group == null || group.isShuttingDown()) {
            group = new MultiThreadIoEventLoopGroup(
                    Runtime.getRuntime().availableProcessors(),
                    new DefaultThreadFactory("iggy-camel-io", true),
                    NioIoHandler.newFactory());
        }
        openChannels++;
        return group;
    }

    /**
     * Stops the event loop group when its last connection closed. The quiet period lets the notifications of that
     * close (a caller waiting on it) still run on the loop.
     */
    private synchronized void release() {
        if (--openChannels == 0 && group != null) {
            group.shutdownGracefully(200, 2000, TimeUnit.MILLISECONDS);
            group = null;
        }
    }

    /** Opens {@code count} connections at once; closes them all when one fails. */
    CompletableFuture<List<WireChannel>> openAll(IggyConnectionSettings settings, SslContext ssl, int count) {
        List<CompletableFuture<WireChannel>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.add(open(settings, ssl));
        }
        return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> {
                    if (failure == null) {
                        return opening.stream().map(CompletableFuture::join).toList();
                    }
                    for (CompletableFuture<WireChannel> one : opening) {
                        one.thenAccept(WireChannel::close);
                    }
                    throw new java.util.concurrent.CompletionException(ProvisioningConnection.unwrap(failure));
                });
    }
}
