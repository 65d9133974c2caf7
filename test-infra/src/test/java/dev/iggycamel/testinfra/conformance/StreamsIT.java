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
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.Partitioning;
import org.apache.iggy.stream.StreamBase;
import org.apache.iggy.stream.StreamDetails;
import org.apache.iggy.topic.Topic;
import org.junit.jupiter.api.Test;

/** Streams: CREATE_STREAM, GET_STREAM, GET_STREAMS, UPDATE_STREAM and DELETE_STREAM. */
class StreamsIT extends SharedServerBase {

    @Test
    void createdStreamIsEmptyAndGetsIdZero() {
        long before = System.currentTimeMillis();

        StreamDetails stream = createStream("orders");

        assertThat(stream.id()).isZero();
        assertThat(stream.name()).isEqualTo("orders");
        assertThat(stream.topicsCount()).isZero();
        assertThat(stream.topics()).isEmpty();
        assertThat(stream.size()).isEqualTo("0");
        assertThat(stream.messagesCount()).isEqualTo(BigInteger.ZERO);
        assertMicrosBetween(stream.createdAt(), before, System.currentTimeMillis());
    }

    @Test
    void streamsAreFoundByIdAndByName() {
        StreamDetails created = createStream("orders");

        assertThat(root().streams().getStream(0L)).contains(created);
        assertThat(root().streams().getStream(StreamId.of("orders"))).contains(created);
    }

    @Test
    void missingStreamsAreEmptyAnswers() {
        createStream("orders");

        assertThat(root().streams().getStream(1L)).isEmpty();
        assertThat(root().streams().getStream(StreamId.of("Orders"))).isEmpty();
        assertThat(root().streams().getStream(StreamId.of("missing"))).isEmpty();
    }

    @Test
    void streamsAreListedInIdOrder() {
        createStream("first");
        createStream("second");
        createStream("third");

        assertThat(root().streams().getStreams())
                .extracting(StreamBase::id, StreamBase::name, StreamBase::topicsCount)
                .containsExactly(tuple(0L, "first", 0L), tuple(1L, "second", 0L), tuple(2L, "third", 0L));
    }

    @Test
    void freedStreamIdsAreReused() {
        createStream("first");
        createStream("second");
        createStream("third");
        root().streams().deleteStream(1L);

        assertThat(createStream("fourth").id()).isEqualTo(1L);
        assertThat(createStream("fifth").id()).isEqualTo(3L);
    }

    @Test
    void streamNamesAreUniqueAndCaseSensitive() {
        createStream("orders");

        assertServerError(ServerError.STREAM_NAME_ALREADY_EXISTS, () -> createStream("orders"));
        assertThat(createStream("Orders").id()).isEqualTo(1L);
    }

    @Test
    void updateStreamRenamesIt() {
        createStream("orders");
        createStream("invoices");
        created.stream("sales");

        root().streams().updateStream(StreamId.of("orders"), "sales");

        assertThat(root().streams().getStream(0L)).map(StreamDetails::name).contains("sales");
        assertThat(root().streams().getStream(StreamId.of("orders"))).isEmpty();
        // renaming to its own name is fine, to another stream's name is not
        root().streams().updateStream(0L, "sales");
        assertServerError(
                ServerError.STREAM_NAME_ALREADY_EXISTS, () -> root().streams().updateStream(0L, "invoices"));
        assertServerError(
                ServerError.STREAM_ID_NOT_FOUND, () -> root().streams().updateStream(7L, "ghost"));
        assertServerError(
                ServerError.STREAM_ID_NOT_FOUND, () -> root().streams().updateStream(StreamId.of("ghost"), "ghost"));
    }

    @Test
    void deleteStreamRemovesItAndItsTopics() {
        createStreamAndTopic(2);

        root().streams().deleteStream(StreamId.of(STREAM));

        assertThat(root().streams().getStream(StreamId.of(STREAM))).isEmpty();
        assertThat(root().streams().getStreams()).isEmpty();
        assertThat(root().topics().getTopics(StreamId.of(STREAM))).isEmpty();
        assertServerError(
                ServerError.STREAM_ID_NOT_FOUND, () -> root().streams().deleteStream(StreamId.of(STREAM)));
        assertServerError(
                ServerError.STREAM_ID_NOT_FOUND, () -> root().streams().deleteStream(0L));
    }

    @Test
    void streamDetailsAddUpItsTopics() {
        createStreamAndTopic(1);
        createTopic(STREAM, "second", 2);
        sendTo(0L, numbered("a", 3));
        root().messages()
                .sendMessages(
                        StreamId.of(STREAM), TopicId.of("second"), Partitioning.partitionId(1L), numbered("b", 2));

        StreamDetails stream = root().streams().getStream(StreamId.of(STREAM)).orElseThrow();

        assertThat(stream.topicsCount()).isEqualTo(2);
        assertThat(stream.messagesCount()).isEqualTo(BigInteger.valueOf(5));
        assertThat(stream.topics())
                .extracting(Topic::id, Topic::name, Topic::partitionsCount, Topic::messagesCount)
                .containsExactly(
                        tuple(0L, TOPIC, 1L, BigInteger.valueOf(3)), tuple(1L, "second", 2L, BigInteger.valueOf(2)));
        long topicsSize = stream.topics().stream()
                .mapToLong(topic -> Long.parseLong(topic.size()))
                .sum();
        assertThat(Long.parseLong(stream.size())).isPositive().isEqualTo(topicsSize);
        assertThat(root().streams().getStreams()).singleElement().satisfies(base -> {
            assertThat(base.messagesCount()).isEqualTo(BigInteger.valueOf(5));
            assertThat(base.size()).isEqualTo(stream.size());
        });
    }
}
