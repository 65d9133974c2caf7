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
package dev.iggycamel.testinfra.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.ConsumerGroupDetails;
import org.apache.iggy.consumergroup.ConsumerGroupMember;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.partition.Partition;
import org.apache.iggy.topic.TopicDetails;
import org.junit.jupiter.api.Test;

/** Partitions: CREATE_PARTITIONS and DELETE_PARTITIONS, and what they do to a topic's consumer groups. */
class PartitionsIT extends SharedServerBase {

    @Test
    void createPartitionsAppendsNewIds() {
        createStreamAndTopic(2);

        root().partitions().createPartitions(StreamId.of(STREAM), TopicId.of(TOPIC), 3L);

        TopicDetails topic = topic();
        assertThat(topic.partitionsCount()).isEqualTo(5);
        assertThat(topic.partitions()).extracting(Partition::id).containsExactly(0L, 1L, 2L, 3L, 4L);
        sendTo(4L, messages("in the newest partition"));
        assertThat(payloads(poll(4L, 1, PollingStrategy.first(), 10, false)))
                .containsExactly("in the newest partition");
    }

    @Test
    void deletePartitionsRemovesTheLastOnes() {
        createStreamAndTopic(5);
        sendTo(0L, messages("kept"));
        sendTo(4L, messages("dropped"));

        root().partitions().deletePartitions(0L, 0L, 2L);

        TopicDetails topic = topic();
        assertThat(topic.partitions()).extracting(Partition::id).containsExactly(0L, 1L, 2L);
        assertThat(payloads(poll(0L, 1, PollingStrategy.first(), 10, false))).containsExactly("kept");
        assertServerError(ServerError.PARTITION_NOT_FOUND, () -> poll(4L, 1, PollingStrategy.first(), 10, false));
        assertServerError(ServerError.PARTITION_NOT_FOUND, () -> sendTo(3L, messages("nowhere")));
    }

    @Test
    void recreatedPartitionsStartEmpty() {
        createStreamAndTopic(2);
        sendTo(1L, numbered("old", 3));
        root().consumerOffsets().storeConsumerOffset(0L, 0L, Optional.of(1L), 1L, java.math.BigInteger.TWO);

        root().partitions().deletePartitions(0L, 0L, 1L);
        root().partitions().createPartitions(0L, 0L, 1L);

        assertThat(poll(1L, 1, PollingStrategy.first(), 10, false).messages()).isEmpty();
        assertThat(root().consumerOffsets().getConsumerOffset(0L, 0L, Optional.of(1L), 1L))
                .isEmpty();
        sendTo(1L, messages("new"));
        assertThat(offsets(poll(1L, 1, PollingStrategy.first(), 10, false))).containsExactly(0L);
    }

    @Test
    void partitionCountsAreChecked() {
        createStreamAndTopic(2);

        assertServerError(
                ServerError.TOO_MANY_PARTITIONS, () -> root().partitions().createPartitions(0L, 0L, 0L));
        assertServerError(
                ServerError.TOO_MANY_PARTITIONS, () -> root().partitions().createPartitions(0L, 0L, 1001L));
        assertServerError(
                ServerError.INVALID_PARTITIONS_COUNT, () -> root().partitions().deletePartitions(0L, 0L, 3L));
        assertServerError(
                ServerError.TOPIC_ID_NOT_FOUND, () -> root().partitions().createPartitions(0L, 7L, 1L));
        assertServerError(
                ServerError.STREAM_ID_NOT_FOUND, () -> root().partitions().deletePartitions(7L, 0L, 1L));
        // the count is checked before the stream and topic are looked up
        assertServerError(
                ServerError.TOO_MANY_PARTITIONS, () -> root().partitions().createPartitions(7L, 0L, 0L));
        assertThat(topic().partitionsCount()).isEqualTo(2);
        root().partitions().deletePartitions(0L, 0L, 2L);
        assertThat(topic().partitions()).isEmpty();
    }

    @Test
    void partitionChangesReassignConsumerGroups() {
        createStreamAndTopic(2);
        root().consumerGroups().createConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), GROUP);
        IggyTcpClient member = rootClient(1);
        member.consumerGroups().joinConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));

        root().partitions().createPartitions(0L, 0L, 2L);

        ConsumerGroupDetails group = group();
        assertThat(group.partitionsCount()).isEqualTo(4);
        assertThat(group.members()).singleElement().satisfies(only -> assertThat(only.partitions())
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L));

        root().partitions().deletePartitions(0L, 0L, 3L);

        group = group();
        assertThat(group.partitionsCount()).isEqualTo(1);
        assertThat(group.members()).extracting(ConsumerGroupMember::partitions).containsExactly(java.util.List.of(0L));
    }

    private TopicDetails topic() {
        return root().topics().getTopic(StreamId.of(STREAM), TopicId.of(TOPIC)).orElseThrow();
    }

    private ConsumerGroupDetails group() {
        return root().consumerGroups()
                .getConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP))
                .orElseThrow();
    }
}
