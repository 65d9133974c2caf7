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

import java.math.BigInteger;
import java.util.Optional;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.consumeroffset.ConsumerOffsetInfo;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.junit.jupiter.api.Test;

/**
 * STORE_CONSUMER_OFFSET and GET_CONSUMER_OFFSET for single consumers (by numeric id or name) and consumer groups.
 * Whether the server refuses an offset beyond the partition's end (4100) is uncertain for 0.8.0, so offsets stored
 * here always lie within what was sent.
 */
class ConsumerOffsetsIT extends SharedServerBase {

    @Test
    void nothingStoredIsAnEmptyAnswer() {
        createStreamAndTopic(2);
        sendTo(0L, numbered("m", 3));

        assertThat(offset(Optional.of(0L), Consumer.of(1L))).isEmpty();
        assertThat(offset(Optional.of(1L), Consumer.of(1L))).isEmpty();
    }

    @Test
    void storedOffsetComesBackWithThePartitionsCurrentOffset() {
        createStreamAndTopic(2);
        sendTo(1L, numbered("m", 5));

        store(Optional.of(1L), Consumer.of(7L), 2);

        assertThat(offset(Optional.of(1L), Consumer.of(7L)))
                .contains(new ConsumerOffsetInfo(1L, BigInteger.valueOf(4), BigInteger.valueOf(2)));
        store(Optional.of(1L), Consumer.of(7L), 4);
        assertThat(offset(Optional.of(1L), Consumer.of(7L)).orElseThrow().storedOffset())
                .isEqualTo(BigInteger.valueOf(4));
        // storing is not monotonic: a consumer may rewind
        store(Optional.of(1L), Consumer.of(7L), 1);
        assertThat(offset(Optional.of(1L), Consumer.of(7L)).orElseThrow().storedOffset())
                .isEqualTo(BigInteger.ONE);
        sendTo(1L, numbered("more", 2));
        assertThat(offset(Optional.of(1L), Consumer.of(7L)).orElseThrow().currentOffset())
                .isEqualTo(BigInteger.valueOf(6));
    }

    @Test
    void offsetsAreKeptPerConsumerAndPerPartition() {
        createStreamAndTopic(2);
        sendTo(0L, numbered("a", 5));
        sendTo(1L, numbered("b", 5));

        store(Optional.of(0L), Consumer.of(1L), 1);
        store(Optional.of(1L), Consumer.of(1L), 3);
        store(Optional.of(0L), Consumer.of(2L), 4);
        store(Optional.of(0L), Consumer.of(ConsumerId.of("reader")), 2);

        assertThat(stored(Optional.of(0L), Consumer.of(1L))).isEqualTo(1);
        assertThat(stored(Optional.of(1L), Consumer.of(1L))).isEqualTo(3);
        assertThat(stored(Optional.of(0L), Consumer.of(2L))).isEqualTo(4);
        assertThat(offset(Optional.of(1L), Consumer.of(2L))).isEmpty();
        assertThat(stored(Optional.of(0L), Consumer.of(ConsumerId.of("reader"))))
                .isEqualTo(2);
        assertThat(offset(Optional.of(0L), Consumer.of(ConsumerId.of("Reader"))))
                .isEmpty();
    }

    @Test
    void noPartitionMeansPartitionZero() {
        createStreamAndTopic(2);
        sendTo(0L, numbered("m", 3));

        store(Optional.empty(), Consumer.of(1L), 2);

        assertThat(offset(Optional.of(0L), Consumer.of(1L)))
                .contains(new ConsumerOffsetInfo(0L, BigInteger.TWO, BigInteger.TWO));
        assertThat(offset(Optional.empty(), Consumer.of(1L)))
                .contains(new ConsumerOffsetInfo(0L, BigInteger.TWO, BigInteger.TWO));
    }

    @Test
    void groupOffsetsNeedMembershipToStoreButNotToRead() {
        createStreamAndTopic(1);
        sendTo(0L, numbered("m", 5));
        long groupId = root().consumerGroups()
                .createConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), GROUP)
                .id();
        IggyTcpClient member = rootClient(1);

        assertServerError(ServerError.CONSUMER_GROUP_MEMBER_NOT_FOUND, () -> member.consumerOffsets()
                .storeConsumerOffset(
                        StreamId.of(STREAM),
                        TopicId.of(TOPIC),
                        Optional.of(0L),
                        Consumer.group(groupId),
                        BigInteger.ONE));
        member.consumerGroups().joinConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));
        member.consumerOffsets()
                .storeConsumerOffset(
                        StreamId.of(STREAM),
                        TopicId.of(TOPIC),
                        Optional.of(0L),
                        Consumer.group(ConsumerId.of(GROUP)),
                        BigInteger.valueOf(3));

        // reading needs no membership; the group's offset is not a single consumer's with the same id
        assertThat(offset(Optional.of(0L), Consumer.group(groupId)))
                .contains(new ConsumerOffsetInfo(0L, BigInteger.valueOf(4), BigInteger.valueOf(3)));
        assertThat(offset(Optional.of(0L), Consumer.of(groupId))).isEmpty();
        assertServerError(
                ServerError.CONSUMER_GROUP_ID_NOT_FOUND,
                () -> offset(Optional.of(0L), Consumer.group(ConsumerId.of("no-such-group"))));
    }

    @Test
    void offsetsOfWhatDoesNotExist() {
        createStreamAndTopic(1);
        sendTo(0L, numbered("m", 2));

        assertServerError(ServerError.PARTITION_NOT_FOUND, () -> store(Optional.of(3L), Consumer.of(1L), 0));
        assertServerError(ServerError.STREAM_ID_NOT_FOUND, () -> root().consumerOffsets()
                .storeConsumerOffset(
                        StreamId.of("missing"), TopicId.of(TOPIC), Optional.of(0L), Consumer.of(1L), BigInteger.ZERO));
        assertServerError(ServerError.TOPIC_ID_NOT_FOUND, () -> root().consumerOffsets()
                .storeConsumerOffset(
                        StreamId.of(STREAM), TopicId.of("missing"), Optional.of(0L), Consumer.of(1L), BigInteger.ZERO));
        assertServerError(ServerError.PARTITION_NOT_FOUND, () -> offset(Optional.of(3L), Consumer.of(1L)));
        // a missing stream or topic is an empty answer when reading
        assertThat(root().consumerOffsets()
                        .getConsumerOffset(StreamId.of("missing"), TopicId.of(TOPIC), Optional.of(0L), Consumer.of(1L)))
                .isEmpty();
        assertThat(root().consumerOffsets()
                        .getConsumerOffset(
                                StreamId.of(STREAM), TopicId.of("missing"), Optional.of(0L), Consumer.of(1L)))
                .isEmpty();
    }

    private void store(Optional<Long> partition, Consumer consumer, long offset) {
        root().consumerOffsets()
                .storeConsumerOffset(
                        StreamId.of(STREAM), TopicId.of(TOPIC), partition, consumer, BigInteger.valueOf(offset));
    }

    private Optional<ConsumerOffsetInfo> offset(Optional<Long> partition, Consumer consumer) {
        return root().consumerOffsets().getConsumerOffset(StreamId.of(STREAM), TopicId.of(TOPIC), partition, consumer);
    }

    private long stored(Optional<Long> partition, Consumer consumer) {
        return offset(partition, consumer).orElseThrow().storedOffset().longValueExact();
    }
}
