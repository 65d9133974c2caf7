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
package dev.iggycamel.testinfra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.consumergroup.ConsumerGroupDetails;
import org.apache.iggy.consumeroffset.ConsumerOffsetInfo;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Message;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.topic.CompressionAlgorithm;

/** The official Iggy SDK, to check from outside what a component, kamelet or pipe did. Closed in the background (the SDK takes 2 s). */
public final class IggyTestClient implements AutoCloseable {

    private final IggyTcpClient client;

    public IggyTestClient(IggyService iggy) {
        var builder = IggyTcpClient.builder()
                .host(iggy.host())
                .port(iggy.port())
                .credentials(iggy.username(), iggy.password())
                .connectionPoolSize(1);
        if (iggy.isTls()) {
            builder.enableTls();
            if (iggy.tlsCertificate() != null) {
                builder.tlsCertificate(iggy.tlsCertificate().toFile());
            }
        }
        client = builder.buildAndLogin();
    }

    public IggyTcpClient sdk() {
        return client;
    }

    public void createTopic(String stream, String topic, int partitions) {
        if (client.streams().getStream(StreamId.of(stream)).isEmpty()) {
            client.streams().createStream(stream);
        }
        client.topics()
                .createTopic(
                        StreamId.of(stream),
                        (long) partitions,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        topic);
    }

    public void send(String stream, String topic, long partition, List<Message> messages) {
        client.messages()
                .sendMessages(
                        StreamId.of(stream),
                        TopicId.of(topic),
                        org.apache.iggy.message.Partitioning.partitionId(partition),
                        messages);
    }

    /** Every message of a partition, from the first. */
    public List<Message> all(String stream, String topic, long partition) {
        List<Message> messages = new ArrayList<>();
        long offset = 0;
        while (true) {
            PolledMessages polled = client.messages()
                    .pollMessages(
                            StreamId.of(stream),
                            TopicId.of(topic),
                            Optional.of(partition),
                            Consumer.of(424242L),
                            PollingStrategy.offset(BigInteger.valueOf(offset)),
                            1000L,
                            false);
            if (polled.messages().isEmpty()) {
                return messages;
            }
            messages.addAll(polled.messages());
            offset += polled.messages().size();
        }
    }

    public int partitions(String stream, String topic) {
        return client.topics()
                .getTopic(StreamId.of(stream), TopicId.of(topic))
                .orElseThrow()
                .partitionsCount()
                .intValue();
    }

    public Optional<ConsumerGroupDetails> group(String stream, String topic, String group) {
        return client.consumerGroups().getConsumerGroup(StreamId.of(stream), TopicId.of(topic), ConsumerId.of(group));
    }

    /** The group's stored offset on a partition, or -1. */
    public long groupOffset(String stream, String topic, String group, long partition) {
        return client.consumerOffsets()
                .getConsumerOffset(
                        StreamId.of(stream),
                        TopicId.of(topic),
                        Optional.of(partition),
                        Consumer.group(ConsumerId.of(group)))
                .map(ConsumerOffsetInfo::storedOffset)
                .map(BigInteger::longValue)
                .orElse(-1L);
    }

    public void deleteStream(String stream) {
        if (client.streams().getStream(StreamId.of(stream)).isPresent()) {
            client.streams().deleteStream(StreamId.of(stream));
        }
    }

    @Override
    public void close() {
        CompletableFuture.runAsync(client::close);
    }
}
