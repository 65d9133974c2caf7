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
import dev.iggycamel.embedded.broker.BrokerException;
import dev.iggycamel.embedded.broker.ClientSession;
import dev.iggycamel.embedded.broker.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: registers a session, answers each request frame in order with
 * {@code [u32 status][u32 length][payload]}, and unregisters the session (leaving its consumer groups) on close.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final Broker broker;
    private final CommandDispatcher dispatcher;
    private ClientSession session;

    ConnectionHandler(Broker broker) {
        this.broker = broker;
        this.dispatcher = new CommandDispatcher(broker);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        session = broker.connect(address(ctx.channel().remoteAddress()));
        LOG.debug("client {} connected from {}", session.clientId(), session.address());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            broker.disconnect(session);
            LOG.debug("client {} disconnected", session.clientId());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        RequestFrame frame = (RequestFrame) message;
        if (frame.error() != null) {
            reply(ctx, frame.code(), frame.error(), frame.closeAfterReply());
            return;
        }
        ByteBuf payload = frame.payload();
        ByteBuf response;
        try {
            response = dispatcher.dispatch(session, frame.code(), payload, frame.ownedArray(), ctx.alloc());
        } catch (BrokerException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("client {} command {}: {}", session.clientId(), frame.code(), e.toString());
            }
            ErrorCode code = e.errorCode();
            reply(ctx, frame.code(), code, code == ErrorCode.CLIENT_NOT_FOUND || code == ErrorCode.STALE_CLIENT);
            return;
        } catch (RuntimeException e) {
            LOG.warn("client {} command {} failed", session.clientId(), frame.code(), e);
            reply(ctx, frame.code(), ErrorCode.ERROR, false);
            return;
        } finally {
            payload.release();
        }
        int length = response == null ? 0 : response.readableBytes();
        ByteBuf header = ctx.alloc().buffer(8).writeIntLE(0).writeIntLE(length);
        ctx.write(header);
        if (response != null) {
            ctx.write(response);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing client connection after an error", cause);
        ctx.close();
    }

    private static void reply(ChannelHandlerContext ctx, int command, ErrorCode code, boolean close) {
        LOG.trace("command {} answered with error {}", command, code);
        ByteBuf error = ctx.alloc().buffer(8).writeIntLE(code.code()).writeIntLE(0);
        if (close) {
            ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.write(error);
        }
    }

    /** "ip:port", with brackets around IPv6 addresses, as the server prints a socket address. */
    static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            if (inet.getAddress() instanceof Inet6Address) {
                int scope = host.indexOf('%');
                host = "[" + (scope >= 0 ? host.substring(0, scope) : host) + "]";
            }
            return host + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }
}
