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

import dev.iggycamel.embedded.broker.Broker;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP listener: Netty event loops (daemon threads), optional TLS ahead of the frame decoder, one
 * {@link ConnectionHandler} per connection. A host name is bound on every address it resolves to, so that
 * "localhost" serves both 127.0.0.1 and ::1 like the SDK's default builder expects.
 */
public final class IggyTcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IggyTcpServer.class);

    private final Broker broker;
    private final String host;
    private final SslContext sslContext;
    private final long maxSendPayload;
    private final ChannelGroup channels = new DefaultChannelGroup("iggy-embedded", GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private int port;

    public IggyTcpServer(Broker broker, String host, SslContext sslContext, long maxSendPayload) {
        this.broker = broker;
        this.host = host;
        this.sslContext = sslContext;
        this.maxSendPayload = maxSendPayload;
    }

    /** Binds the listener; port 0 picks a free port, see {@link #port()}. */
    public void start(int requestedPort) {
        acceptors = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("iggy-embedded-accept", true), NioIoHandler.newFactory());
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        workers = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("iggy-embedded-io", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        ChannelPipeline pipeline = channel.pipeline();
                        if (sslContext != null) {
                            pipeline.addLast("tls", sslContext.newHandler(channel.alloc()));
                        }
                        pipeline.addLast("frames", new RequestFrameDecoder(maxSendPayload));
                        pipeline.addLast("commands", new ConnectionHandler(broker));
                    }
                });
        try {
            port = requestedPort;
            List<InetAddress> addresses = addresses(host);
            for (int i = 0; i < addresses.size(); i++) {
                try {
                    Channel listener = bootstrap
                            .bind(new InetSocketAddress(addresses.get(i), port))
                            .sync()
                            .channel();
                    listeners.add(listener);
                    port = ((InetSocketAddress) listener.localAddress()).getPort();
                } catch (Exception e) {
                    if (i == 0) {
                        throw e;
                    }
                    // an extra address of the host (say ::1 without IPv6) that cannot be bound is not fatal
                    LOG.debug("not listening on {}: {}", addresses.get(i), e.toString());
                }
            }
        } catch (Exception e) {
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot listen on " + host + ":" + requestedPort + ": " + e, e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        for (Channel listener : listeners) {
            listener.close().awaitUninterruptibly();
        }
        listeners.clear();
        channels.close().awaitUninterruptibly();
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            workers = null;
        }
        if (acceptors != null) {
            acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            acceptors = null;
        }
    }

    private static List<InetAddress> addresses(String host) throws UnknownHostException {
        List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getAllByName(host)));
        // the IPv4 address first: it decides the port when port 0 was asked for
        addresses.sort((a, b) -> Boolean.compare(a.getAddress().length != 4, b.getAddress().length != 4));
        return addresses;
    }
}
