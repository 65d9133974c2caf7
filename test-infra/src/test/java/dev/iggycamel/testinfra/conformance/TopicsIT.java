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
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigInteger;
import java.util.Optional;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.partition.Partition;
import org.apache.iggy.topic.CompressionAlgorithm;
import org.apache.iggy.topic.Topic;
import org.apache.iggy.topic.TopicDetails;
import org.junit.jupiter.api.Test;

/** Topics: CREATE_TOPIC, GET_TOPIC, GET_TOPICS, UPDATE_TOPIC and DELETE_TOPIC. */
class TopicsIT extends SharedServerBase {

    private static final BigInteger TWO_GIB = BigInteger.valueOf(2L * 1024 * 1024 * 1024);

    @Test
    void createdTopicHasTheServerDefaults() {
        createStream(STREAM);
        long before = System.currentTimeMillis();

        TopicDetails topic = createTopic(STREAM, TOPIC, 3);

        assertThat(topic.id()).isZero();
        assertThat(topic.name()).isEqualTo(TOPIC);
        assertThat(topic.partitionsCount()).isEqualTo(3);
        assertThat(topic.partitions()).extracting(Partition::id).containsExactly(0L, 1L, 2L);
        assertThat(topic.partitions()).allSatisfy(partition -> {
            assertThat(partition.currentOffset()).isEqualTo(BigInteger.ZERO);
            assertThat(partition.messagesCount()).isEqualTo(BigInteger.ZERO);
        });
        // 0 asks for the server's defaults: no expiry, unlimited size, replication factor 1
        assertThat(topic.messageExpiry()).isEqualTo(U64_MAX);
        assertThat(topic.maxTopicSize()).isEqualTo(U64_MAX);
        assertThat(topic.replicationFactor()).isEqualTo((short) 1);
        assertThat(topic.compressionAlgorithm()).isEqualTo(CompressionAlgorithm.None);
        assertThat(topic.size()).isEqualTo("0");
        assertThat(topic.messagesCount()).isEqualTo(BigInteger.ZERO);
        assertMicrosBetween(topic.createdAt(), before, System.currentTimeMillis());
    }

    @Test
    void createTopicKeepsExplicitSettings() {
        createStream(STREAM);

        TopicDetails topic = root().topics()
                .createTopic(
                        StreamId.of(STREAM),
                        2L,
                        CompressionAlgorithm.Gzip,
                        BigInteger.valueOf(5_000),
                        TWO_GIB,
                        Optional.of((short) 3),
                        TOPIC);

        assertThat(topic.compressionAlgorithm()).isEqualTo(CompressionAlgorithm.Gzip);
        assertThat(topic.messageExpiry()).isEqualTo(BigInteger.valueOf(5_000));
        assertThat(topic.maxTopicSize()).isEqualTo(TWO_GIB);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        TopicDetails read =
                root().topics().getTopic(StreamId.of(STREAM), TopicId.of(TOPIC)).orElseThrow();
        assertThat(read.compressionAlgorithm()).isEqualTo(CompressionAlgorithm.Gzip);
        assertThat(read.messageExpiry()).isEqualTo(BigInteger.valueOf(5_000));
        assertThat(read.maxTopicSize()).isEqualTo(TWO_GIB);
        assertThat(read.replicationFactor()).isEqualTo((short) 3);
        assertThat(read.partitions()).extracting(Partition::id).containsExactly(0L, 1L);
    }

    @Test
    void topicsAreFoundByIdAndNameAndListedInIdOrder() {
        createStreamAndTopic(1);
        createTopic(STREAM, "second", 4);

        assertThat(root().topics().getTopic(0L, 1L)).map(TopicDetails::name).contains("second");
        assertThat(root().topics().getTopic(StreamId.of(STREAM), TopicId.of("second")))
                .map(TopicDetails::partitionsCount)
                .contains(4L);
        assertThat(root().topics().getTopics(StreamId.of(STREAM)))
                .extracting(Topic::id, Topic::name, Topic::partitionsCount)
                .containsExactly(tuple(0L, TOPIC, 1L), tuple(1L, "second", 4L));
    }

    @Test
    void missingTopicsAreEmptyAnswers() {
        createStreamAndTopic(1);

        assertThat(root().topics().getTopic(0L, 5L)).isEmpty();
        assertThat(root().topics().getTopic(StreamId.of(STREAM), TopicId.of("missing")))
                .isEmpty();
        assertThat(root().topics().getTopic(StreamId.of("missing"), TopicId.of(TOPIC)))
                .isEmpty();
        assertThat(root().topics().getTopics(StreamId.of("missing"))).isEmpty();
    }

    @Test
    void freedTopicIdsAreReusedWithinTheStream() {
        createStreamAndTopic(1);
        createTopic(STREAM, "second", 1);
        createTopic(STREAM, "third", 1);
        root().topics().deleteTopic(StreamId.of(STREAM), TopicId.of(TOPIC));

        assertThat(createTopic(STREAM, "fourth", 1).id()).isZero();
        // ids are per stream: another stream's first topic is 0 too
        createStream("other");
        assertThat(createTopic("other", TOPIC, 1).id()).isZero();
    }

    @Test
    void createTopicChecksItsArguments() {
        createStreamAndTopic(1);

        assertServerError(ServerError.TOPIC_NAME_ALREADY_EXISTS, () -> createTopic(STREAM, TOPIC, 1));
        assertServerError(ServerError.STREAM_ID_NOT_FOUND, () -> createTopic("missing", TOPIC, 1));
        assertServerError(ServerError.TOO_MANY_PARTITIONS, () -> createTopic(STREAM, "huge", 1001));
        // a custom size must hold at least one 1 GiB segment
        assertServerError(ServerError.INVALID_TOPIC_SIZE, () -> root().topics()
                .createTopic(
                        StreamId.of(STREAM),
                        1L,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.valueOf(1024 * 1024),
                        Optional.empty(),
                        "small"));
        // the order of the checks: partition count, then the stream, then the size, then the name
        assertServerError(ServerError.TOO_MANY_PARTITIONS, () -> createTopic("missing", TOPIC, 1001));
        assertServerError(ServerError.INVALID_TOPIC_SIZE, () -> root().topics()
                .createTopic(
                        StreamId.of(STREAM),
                        1L,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ONE,
                        Optional.empty(),
                        TOPIC));
        assertThat(createTopic(STREAM, "no-partitions", 0).partitions()).isEmpty();
        assertThat(createTopic(STREAM, "Conformance-Topic", 1).id()).isEqualTo(2L);
    }

    @Test
    void updateTopicStoresWhatItIsGiven() {
        createStreamAndTopic(2);

        root().topics()
                .updateTopic(
                        StreamId.of(STREAM),
                        TopicId.of(TOPIC),
                        CompressionAlgorithm.Gzip,
                        BigInteger.valueOf(5_000),
                        BigInteger.ZERO,
                        Optional.of((short) 2),
                        "renamed");

        TopicDetails topic = root().topics().getTopic(0L, 0L).orElseThrow();
        assertThat(topic.name()).isEqualTo("renamed");
        assertThat(topic.compressionAlgorithm()).isEqualTo(CompressionAlgorithm.Gzip);
        assertThat(topic.messageExpiry()).isEqualTo(BigInteger.valueOf(5_000));
        // unlike create, update does not resolve 0 to the server default
        assertThat(topic.maxTopicSize()).isEqualTo(BigInteger.ZERO);
        assertThat(topic.replicationFactor()).isEqualTo((short) 2);
        assertThat(topic.partitionsCount()).isEqualTo(2);
        // nor does it apply the create-time minimum size
        root().topics()
                .updateTopic(
                        StreamId.of(STREAM),
                        TopicId.of("renamed"),
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ONE,
                        Optional.empty(),
                        "renamed");
        assertThat(root().topics().getTopic(0L, 0L).orElseThrow().maxTopicSize())
                .isEqualTo(BigInteger.ONE);
        assertThat(root().topics().getTopic(StreamId.of(STREAM), TopicId.of(TOPIC)))
                .isEmpty();
    }

    @Test
    void updateTopicRefusesMissingTopicsAndTakenNames() {
        createStreamAndTopic(1);
        createTopic(STREAM, "second", 1);

        assertServerError(ServerError.TOPIC_ID_NOT_FOUND, () -> update(StreamId.of(STREAM), TopicId.of(9L), "x"));
        assertServerError(
                ServerError.STREAM_ID_NOT_FOUND, () -> update(StreamId.of("missing"), TopicId.of(TOPIC), "x"));
        assertServerError(
                ServerError.TOPIC_NAME_ALREADY_EXISTS, () -> update(StreamId.of(STREAM), TopicId.of(TOPIC), "second"));
        update(StreamId.of(STREAM), TopicId.of(TOPIC), TOPIC);
        assertThat(root().topics().getTopic(0L, 0L)).map(TopicDetails::name).contains(TOPIC);
    }

    @Test
    void deleteTopicRemovesIt() {
        createStreamAndTopic(1);
        createTopic(STREAM, "second", 1);

        root().topics().deleteTopic(0L, 0L);

        assertThat(root().topics().getTopic(0L, 0L)).isEmpty();
        assertThat(root().topics().getTopics(0L)).extracting(Topic::name).containsExactly("second");
        assertThat(root().streams().getStream(0L).orElseThrow().topicsCount()).isEqualTo(1);
        assertServerError(ServerError.TOPIC_ID_NOT_FOUND, () -> root().topics().deleteTopic(0L, 0L));
        assertServerError(ServerError.STREAM_ID_NOT_FOUND, () -> root().topics().deleteTopic(3L, 0L));
    }

    @Test
    void topicDetailsReflectAppendedMessages() {
        createStreamAndTopic(3);
        sendTo(0L, numbered("p0-", 3));
        sendTo(2L, numbered("p2-", 1));

        TopicDetails topic = root().topics().getTopic(0L, 0L).orElseThrow();

        assertThat(topic.messagesCount()).isEqualTo(BigInteger.valueOf(4));
        assertThat(Long.parseLong(topic.size())).isPositive();
        assertThat(topic.partitions())
                .extracting(Partition::id, Partition::currentOffset, Partition::messagesCount)
                .containsExactly(
                        tuple(0L, BigInteger.valueOf(2), BigInteger.valueOf(3)),
                        tuple(1L, BigInteger.ZERO, BigInteger.ZERO),
                        tuple(2L, BigInteger.ZERO, BigInteger.ONE));
        long partitionsSize = topic.partitions().stream()
                .mapToLong(partition -> Long.parseLong(partition.size()))
                .sum();
        assertThat(Long.parseLong(topic.size())).isEqualTo(partitionsSize);
        assertThat(root().topics().getTopics(0L)).singleElement().satisfies(listed -> assertThat(listed.messagesCount())
                .isEqualTo(BigInteger.valueOf(4)));
    }

    private void update(StreamId stream, TopicId topic, String name) {
        root().topics()
                .updateTopic(
                        stream,
                        topic,
                        CompressionAlgorithm.None,
                        BigInteger.ZERO,
                        BigInteger.ZERO,
                        Optional.empty(),
                        name);
    }
}
