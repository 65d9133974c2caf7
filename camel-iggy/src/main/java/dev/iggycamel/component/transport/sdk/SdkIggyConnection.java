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
package dev.iggycamel.component.transport.sdk;

import dev.iggycamel.component.transport.ConsumerRef;
import dev.iggycamel.component.transport.IggyConnection;
import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.IggyErrors;
import dev.iggycamel.component.transport.IggyHeaderKind;
import dev.iggycamel.component.transport.IggyHeaderValue;
import dev.iggycamel.component.transport.IggyMessageId;
import dev.iggycamel.component.transport.IggyRequests;
import dev.iggycamel.component.transport.IggyServerException;
import dev.iggycamel.component.transport.InboundMessage;
import dev.iggycamel.component.transport.OutboundMessage;
import dev.iggycamel.component.transport.OutboundPartitioning;
import dev.iggycamel.component.transport.PolledBatch;
import dev.iggycamel.component.transport.PollingStart;
import dev.iggycamel.component.transport.ProvisioningConnection;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicInfo;
import dev.iggycamel.component.transport.TopicSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.apache.iggy.client.async.tcp.AsyncIggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.BigIntegerMessageId;
import org.apache.iggy.message.HeaderKey;
import org.apache.iggy.message.HeaderKind;
import org.apache.iggy.message.HeaderValue;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.MessageHeader;
import org.apache.iggy.message.MessageId;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.message.PartitioningKind;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingKind;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;

/** An {@link IggyConnection} over one SDK client (its pool holds {@code settings.connections()} TCP connections). */
final class SdkIggyConnection extends ProvisioningConnection {

    private final AsyncIggyTcpClient client;
    private final IggyConnectionSettings settings;

    SdkIggyConnection(AsyncIggyTcpClient client, IggyConnectionSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public CompletableFuture<Void> send(
            TopicAddress address, OutboundPartitioning partitioning, List<OutboundMessage> messages) {
        List<Message> sdkMessages = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            sdkMessages.add(toSdk(message));
        }
        return wrap(
                client.messages().sendMessages(stream(address), topic(address), toSdk(partitioning), sdkMessages),
                () -> IggyRequests.send(address, partitioning, messages.size()));
    }

    @Override
    public CompletableFuture<PolledBatch> poll(
            TopicAddress address,
            ConsumerRef consumer,
            long partitionId,
            PollingStart start,
            int count,
            boolean autoCommit) {
        CompletableFuture<PolledMessages> polled = client.messages()
                .pollMessages(
                        stream(address),
                        topic(address),
                        partitionId < 0 ? Optional.empty() : Optional.of(partitionId),
                        toSdk(consumer),
                        toSdk(start),
                        (long) count,
                        autoCommit);
        return wrap(polled, () -> IggyRequests.poll(address, consumer)).thenApply(SdkIggyConnection::fromSdk);
    }

    @Override
    public CompletableFuture<Void> storeOffset(
            TopicAddress address, ConsumerRef consumer, long partitionId, long offset) {
        return wrap(
                client.consumerOffsets()
                        .storeConsumerOffset(
                                stream(address),
                                topic(address),
                                Optional.of(partitionId),
                                toSdk(consumer),
                                new BigInteger(Long.toUnsignedString(offset))),
                () -> IggyRequests.storeOffset(address, consumer, partitionId, offset));
    }

    @Override
    public CompletableFuture<OptionalLong> storedOffset(TopicAddress address, ConsumerRef consumer, long partitionId) {
        return wrap(
                        client.consumerOffsets()
                                .getConsumerOffset(
                                        stream(address), topic(address), Optional.of(partitionId), toSdk(consumer)),
                        () -> IggyRequests.storedOffset(address, consumer, partitionId))
                .thenApply(
                        info -> info.map(i -> OptionalLong.of(i.storedOffset().longValue()))
                                .orElse(OptionalLong.empty()));
    }

    @Override
    protected IggyConnectionSettings settings() {
        return settings;
    }

    @Override
    protected CompletableFuture<Optional<String>> findStream(TopicAddress address) {
        return wrap(client.streams().getStream(stream(address)), () -> IggyRequests.findStream(address))
                .thenApply(found -> found.map(s -> s.name()));
    }

    @Override
    protected CompletableFuture<String> createStream(TopicAddress address) {
        return wrap(client.streams().createStream(address.stream()), () -> IggyRequests.createStream(address))
                .thenApply(created -> created.name());
    }

    @Override
    protected CompletableFuture<Optional<TopicInfo>> findTopic(TopicAddress address) {
        return wrap(client.streams().getStream(stream(address)), () -> IggyRequests.findStream(address))
                .thenCompose(stream -> wrap(
                                client.topics().getTopic(stream(address), topic(address)),
                                () -> IggyRequests.findTopic(address))
                        .thenApply(topic -> topic.map(t -> new TopicInfo(
                                stream.map(s -> s.id()).orElse(-1L),
                                stream.map(s -> s.name()).orElse(address.stream()),
                                t.id(),
                                t.name(),
                                t.partitionsCount().intValue()))));
    }

    @Override
    protected CompletableFuture<Void> createTopic(TopicAddress address, TopicSettings topicSettings) {
        return wrap(
                        client.topics()
                                .createTopic(
                                        stream(address),
                                        (long) topicSettings.partitions(),
                                        topicSettings.gzip() ? CompressionAlgorithm.Gzip : CompressionAlgorithm.None,
                                        BigInteger.valueOf(topicSettings.messageExpiryMicros()),
                                        BigInteger.valueOf(topicSettings.maxTopicSize()),
                                        topicSettings.replicationFactor() == 0
                                                ? Optional.empty()
                                                : Optional.of((short) topicSettings.replicationFactor()),
                                        address.topic()),
                        () -> IggyRequests.createTopic(address))
                .thenApply(created -> null);
    }

    @Override
    protected CompletableFuture<Boolean> findGroup(TopicAddress address, String group) {
        return wrap(
                        client.consumerGroups().getConsumerGroup(stream(address), topic(address), consumerId(group)),
                        () -> IggyRequests.findGroup(address, group))
                .thenApply(Optional::isPresent);
    }

    @Override
    protected CompletableFuture<Void> createGroup(TopicAddress address, String group) {
        return wrap(
                        client.consumerGroups().createConsumerGroup(stream(address), topic(address), group),
                        () -> IggyRequests.createGroup(address, group))
                .thenApply(created -> null);
    }

    @Override
    public CompletableFuture<Void> joinGroup(TopicAddress address, String group) {
        return wrap(
                client.consumerGroups().joinConsumerGroup(stream(address), topic(address), consumerId(group)),
                () -> IggyRequests.joinGroup(address, group));
    }

    @Override
    public CompletableFuture<Void> leaveGroup(TopicAddress address, String group) {
        return wrap(
                client.consumerGroups().leaveConsumerGroup(stream(address), topic(address), consumerId(group)),
                () -> IggyRequests.leaveGroup(address, group));
    }

    @Override
    public CompletableFuture<Void> ping() {
        return wrap(client.system().ping(), () -> IggyRequests.ping(settings)).thenApply(pong -> null);
    }

    @Override
    public CompletableFuture<Void> close() {
        return client.close();
    }

    @Override
    public String toString() {
        return "Iggy SDK connection to " + settings;
    }

    static Message toSdk(OutboundMessage message) {
        Map<HeaderKey, HeaderValue> headers = Collections.emptyMap();
        long headersLength = 0;
        if (!message.headers().isEmpty()) {
            headers = new LinkedHashMap<>();
            for (Map.Entry<String, IggyHeaderValue> header : message.headers().entrySet()) {
                byte[] key = header.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] value = header.getValue().value();
                headers.put(
                        new HeaderKey(HeaderKind.String, key),
                        new HeaderValue(
                                HeaderKind.fromCode(header.getValue().kind().code()), value));
                headersLength += 1 + 4 + key.length + 1 + 4 + value.length;
            }
        }
        MessageId id = message.id() == null || message.id().isZero()
                ? MessageId.serverGenerated()
                : new BigIntegerMessageId(message.id().toBigInteger());
        MessageHeader header = new MessageHeader(
                BigInteger.ZERO,
                id,
                BigInteger.ZERO,
                BigInteger.ZERO,
                BigInteger.valueOf(message.originTimestamp()),
                headersLength,
                (long) message.payload().length,
                BigInteger.ZERO);
        return new Message(header, message.payload(), headers);
    }

    static PolledBatch fromSdk(PolledMessages polled) {
        List<InboundMessage> messages = new ArrayList<>(polled.messages().size());
        for (Message message : polled.messages()) {
            MessageHeader header = message.header();
            Map<String, IggyHeaderValue> headers = Collections.emptyMap();
            if (message.userHeaders() != null && !message.userHeaders().isEmpty()) {
                headers = new LinkedHashMap<>();
                for (Map.Entry<HeaderKey, HeaderValue> entry :
                        message.userHeaders().entrySet()) {
                    IggyHeaderKind kind =
                            IggyHeaderKind.of(entry.getValue().kind().asCode());
                    headers.put(
                            new String(entry.getKey().value(), StandardCharsets.UTF_8),
                            new IggyHeaderValue(kind, entry.getValue().value()));
                }
            }
            messages.add(new InboundMessage(
                    header.offset().longValue(),
                    header.timestamp().longValue(),
                    header.originTimestamp().longValue(),
                    IggyMessageId.of(header.id().toBigInteger()),
                    header.checksum().longValue(),
                    message.payload(),
                    headers));
        }
        return new PolledBatch(polled.partitionId(), polled.currentOffset().longValue(), messages);
    }

    private static Partitioning toSdk(OutboundPartitioning partitioning) {
        return switch (partitioning.kind()) {
            case BALANCED -> Partitioning.balanced();
            case PARTITION_ID -> Partitioning.partitionId(partitioning.partitionId());
            case MESSAGES_KEY -> new Partitioning(PartitioningKind.MessagesKey, partitioning.key());
        };
    }

    private static Consumer toSdk(ConsumerRef consumer) {
        ConsumerId id = consumerId(consumer.id());
        return consumer.group() ? Consumer.group(id) : Consumer.of(id);
    }

    private static PollingStrategy toSdk(PollingStart start) {
        PollingKind kind =
                switch (start.kind()) {
                    case OFFSET -> PollingKind.Offset;
                    case TIMESTAMP -> PollingKind.Timestamp;
                    case FIRST -> PollingKind.First;
                    case LAST -> PollingKind.Last;
                    case NEXT -> PollingKind.Next;
                };
        return new PollingStrategy(kind, new BigInteger(Long.toUnsignedString(start.value())));
    }

    private static StreamId stream(TopicAddress address) {
        return TopicAddress.isNumericId(address.stream())
                ? StreamId.of(Long.parseLong(address.stream()))
                : StreamId.of(address.stream());
    }

    private static TopicId topic(TopicAddress address) {
        return TopicAddress.isNumericId(address.topic())
                ? TopicId.of(Long.parseLong(address.topic()))
                : TopicId.of(address.topic());
    }

    private static ConsumerId consumerId(String id) {
        return TopicAddress.isNumericId(id) ? ConsumerId.of(Long.parseLong(id)) : ConsumerId.of(id);
    }

    /** Completes with the SDK's result, or fails with a message saying what was asked. */
    private static <T> CompletableFuture<T> wrap(
            CompletableFuture<T> future, java.util.function.Supplier<String> what) {
        CompletableFuture<T> wrapped = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            if (failure == null) {
                wrapped.complete(value);
            } else {
                wrapped.completeExceptionally(translate(what.get(), failure));
            }
        });
        return wrapped;
    }

    /** An SDK failure as this transport reports it: server refusals become {@link IggyServerException}. */
    static Throwable translate(String what, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof IggyServerException) {
            return cause;
        }
        if (cause instanceof org.apache.iggy.exception.IggyServerException server) {
            return new IggyServerException(
                    server.getRawErrorCode(), what + ": " + IggyErrors.describe(server.getRawErrorCode()), server);
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (isConnectionFailure(cause)) {
            return new UncheckedIOException(what + ": " + reason, new IOException(reason, cause));
        }
        if (cause instanceof org.apache.iggy.exception.IggyInvalidArgumentException) {
            return new IllegalArgumentException(what + ": " + reason, cause);
        }
        return new IllegalStateException(what + ": " + reason, cause);
    }

    /** Whether the failure is the link's rather than the request's: the request may succeed on a new connection. */
    static boolean isConnectionFailure(Throwable cause) {
        return cause instanceof IOException
                || cause instanceof org.apache.iggy.exception.IggyConnectionException
                || cause instanceof org.apache.iggy.exception.IggyNotConnectedException
                || cause instanceof org.apache.iggy.exception.IggyConnectionClosedException
                || cause instanceof io.netty.channel.ChannelException;
    }
}
