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

import dev.iggycamel.component.transport.ConsumerRef;
import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.IggyRequests;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.PollingStart;
import dev.iggycamel.component.transport.ProvisioningConnection;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicInfo;
import dev.iggycamel.component.transport.TopicSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code settings.connections()} TCP connections to one server, each logged in. A request goes to the open
 * connection with the fewest requests waiting; a connection found closed is opened again (and logged in) when a
 * request needs it, so a producer carries on after the server restarts.
 */
final class TcpIggyConnection extends ProvisioningConnection {

    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    private final TcpIggyTransport transport;
    private final IggyConnectionSettings settings;
    private final SslContext ssl;
    private final List<CompletableFuture<WireChannel>> slots = new ArrayList<>();
    private boolean closed;

    TcpIggyConnection(TcpIggyTransport transport, IggyConnectionSettings settings, SslContext ssl) {
        this.transport = transport;
        this.settings = settings;
        this.ssl = ssl;
    }

    /** Opens every connection; fails (with every connection closed) when one cannot be opened. */
    CompletableFuture<TcpIggyConnection> open() {
        return transport
                .openAll(settings, ssl, Math.max(1, settings.connections()))
                .thenApply(channels -> {
                    synchronized (slots) {
                        channels.forEach(channel -> slots.add(CompletableFuture.completedFuture(channel)));
                    }
                    return this;
                });
    }

    /** The open connection with the fewest requests waiting; closed ones are reopened on the way. */
    private CompletableFuture<WireChannel> pick() {
        synchronized (slots) {
            if (closed) {
                return CompletableFuture.failedFuture(new UncheckedIOException(new IOException(
                        "the connection to Iggy at " + settings.host() + ":" + settings.port() + " is closed")));
            }
            CompletableFuture<WireChannel> best = null;
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < slots.size(); i++) {
                CompletableFuture<WireChannel> slot = slots.get(i);
                if (slot.isDone()
                        && (slot.isCompletedExceptionally() || !slot.join().isOpen())) {
                    slot = transport.open(settings, ssl);
                    slots.set(i, slot);
                }
                int waiting = slot.isDone() && !slot.isCompletedExceptionally()
                        ? slot.join().outstanding()
                        : Integer.MAX_VALUE - 1;
                if (waiting < fewest) {
                    best = slot;
                    fewest = waiting;
                }
            }
            return best;
        }
    }

    /** Sends an encoded frame on a connection; the frame is released whatever happens. */
    private <T> CompletableFuture<T> request(ByteBuf frame, Function<ByteBuf, T> decoder, Supplier<String> what) {
        CompletableFuture<WireChannel> channel = pick();
        WireChannel ready = channel.isDone() && !channel.isCompletedExceptionally() ? channel.join() : null;
        if (ready != null) {
            return ready.request(frame, decoder, what);
        }
        return channel.handle((opened, failure) -> {
                    if (failure != null) {
                        frame.release();
                        Throwable cause = unwrap(failure);
                        String message = what.get() + ": " + cause.getMessage();
                        return CompletableFuture.<T>failedFuture(
                                new UncheckedIOException(message, new IOException(message, cause)));
                    }
                    return opened.request(frame, decoder, what);
                })
                .thenCompose(Function.identity());
    }

    @Override
    public CompletableFuture<Void> send(
            TopicAddress address, OutboundPartitioning partitioning, List<OutboundMessage> messages) {
        ByteBuf frame = WireCodec.sendMessages(ALLOC, address, partitioning, messages);
        return request(frame, answer -> null, () -> IggyRequests.send(address, partitioning, messages.size()));
    }

    @Override
    public CompletableFuture<PolledBatch> poll(
            TopicAddress address,
            ConsumerRef consumer,
            long partitionId,
            PollingStart start,
            int count,
            boolean autoCommit) {
        return request(
                WireCodec.pollMessages(ALLOC, address, consumer, partitionId, start, count, autoCommit),
                WireCodec::polledMessages,
                () -> IggyRequests.poll(address, consumer));
    }

    @Override
    public CompletableFuture<Void> storeOffset(
            TopicAddress address, ConsumerRef consumer, long partitionId, long offset) {
        return request(
                WireCodec.storeOffset(ALLOC, address, consumer, partitionId, offset),
                answer -> null,
                () -> IggyRequests.storeOffset(address, consumer, partitionId, offset));
    }

    @Override
    public CompletableFuture<OptionalLong> storedOffset(TopicAddress address, ConsumerRef consumer, long partitionId) {
        return request(
                WireCodec.getOffset(ALLOC, address, consumer, partitionId),
                answer -> answer.isReadable() ? OptionalLong.of(WireCodec.storedOffset(answer)) : OptionalLong.empty(),
                () -> IggyRequests.storedOffset(address, consumer, partitionId));
    }

    @Override
    protected IggyConnectionSettings settings() {
        return settings;
    }

    @Override
    protected CompletableFuture<Optional<String>> findStream(TopicAddress address) {
        return request(
                WireCodec.getStream(ALLOC, address),
                answer -> answer.isReadable() ? Optional.of(WireCodec.streamName(answer)) : Optional.empty(),
                () -> IggyRequests.findStream(address));
    }

    @Override
    protected CompletableFuture<String> createStream(TopicAddress address) {
        return request(
                WireCodec.createStream(ALLOC, address.stream()),
                WireCodec::streamName,
                () -> IggyRequests.createStream(address));
    }

    @Override
    protected CompletableFuture<Optional<TopicInfo>> findTopic(TopicAddress address) {
        record Stream(long id, String name) {}
        return request(
                        WireCodec.getStream(ALLOC, address),
                        answer -> answer.isReadable()
                                ? Optional.of(new Stream(WireCodec.streamId(answer), WireCodec.streamName(answer)))
                                : Optional.<Stream>empty(),
                        () -> IggyRequests.findStream(address))
                .thenCompose(stream -> request(
                        WireCodec.getTopic(ALLOC, address),
                        answer -> answer.isReadable()
                                ? Optional.of(WireCodec.topic(
                                        answer,
                                        stream.map(Stream::id).orElse(-1L),
                                        stream.map(Stream::name).orElse(address.stream())))
                                : Optional.<TopicInfo>empty(),
                        () -> IggyRequests.findTopic(address)));
    }

    @Override
    protected CompletableFuture<Void> createTopic(TopicAddress address, TopicSettings topicSettings) {
        return request(
                WireCodec.createTopic(ALLOC, address, topicSettings),
                answer -> null,
                () -> IggyRequests.createTopic(address));
    }

    @Override
    protected CompletableFuture<Boolean> findGroup(TopicAddress address, String group) {
        return request(
                WireCodec.group(ALLOC, WireCodec.GET_CONSUMER_GROUP, address, group),
                ByteBuf::isReadable,
                () -> IggyRequests.findGroup(address, group));
    }

    @Override
    protected CompletableFuture<Void> createGroup(TopicAddress address, String group) {
        return request(
                WireCodec.createGroup(ALLOC, address, group),
                answer -> null,
                () -> IggyRequests.createGroup(address, group));
    }

    @Override
    public CompletableFuture<Void> joinGroup(TopicAddress address, String group) {
        return request(
                WireCodec.group(ALLOC, WireCodec.JOIN_CONSUMER_GROUP, address, group),
                answer -> null,
                () -> IggyRequests.joinGroup(address, group));
    }

    @Override
    public CompletableFuture<Void> leaveGroup(TopicAddress address, String group) {
        return request(
                WireCodec.group(ALLOC, WireCodec.LEAVE_CONSUMER_GROUP, address, group),
                answer -> null,
                () -> IggyRequests.leaveGroup(address, group));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return request(WireCodec.frame(ALLOC, WireCodec.PING), answer -> null, () -> IggyRequests.ping(settings));
    }

    @Override
    public CompletableFuture<Void> close() {
        List<CompletableFuture<WireChannel>> open;
        synchronized (slots) {
            closed = true;
            open = new ArrayList<>(slots);
            slots.clear();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (CompletableFuture<WireChannel> slot : open) {
            closing.add(slot.handle((channel, failure) -> channel)
                    .thenCompose(
                            channel -> channel == null ? CompletableFuture.completedFuture(null) : channel.close()));
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    @Override
    public String toString() {
        return "Iggy native connection to " + settings;
    }
}
