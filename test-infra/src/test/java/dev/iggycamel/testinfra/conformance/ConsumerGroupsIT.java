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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.iggy.client.blocking.tcp.IggyTcpClient;
import org.apache.iggy.consumergroup.Consumer;
import org.apache.iggy.consumergroup.ConsumerGroup;
import org.apache.iggy.consumergroup.ConsumerGroupDetails;
import org.apache.iggy.consumergroup.ConsumerGroupMember;
import org.apache.iggy.exception.IggyResourceNotFoundException;
import org.apache.iggy.identifier.ConsumerId;
import org.apache.iggy.identifier.StreamId;
import org.apache.iggy.identifier.TopicId;
import org.apache.iggy.message.PolledMessages;
import org.apache.iggy.message.PollingStrategy;
import org.apache.iggy.system.ConsumerGroupInfo;
import org.junit.jupiter.api.Test;

/**
 * Consumer groups: CREATE, GET, GET (list), DELETE, JOIN and LEAVE, and polling as a group. Membership belongs to a
 * connection, so members are clients with a connection pool of one. How the server splits partitions on a join
 * (cooperatively or all at once) and in which order a member lists them is not asserted: only that the members'
 * partitions are disjoint, cover the topic and leave no member idle.
 */
class ConsumerGroupsIT extends SharedServerBase {

    @Test
    void createdGroupCoversTheTopicsPartitions() {
        createStreamAndTopic(3);

        ConsumerGroupDetails group = createGroup(GROUP);

        assertThat(group.id()).isZero();
        assertThat(group.name()).isEqualTo(GROUP);
        assertThat(group.partitionsCount()).isEqualTo(3);
        assertThat(group.membersCount()).isZero();
        assertThat(group.members()).isEmpty();
        assertThat(root().consumerGroups().getConsumerGroup(0L, 0L, 0L)).contains(group);
        assertThat(root().consumerGroups()
                        .getConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP)))
                .contains(group);
    }

    @Test
    void groupsAreListedInIdOrder() {
        createStreamAndTopic(2);
        createGroup("first");
        createGroup("second");

        assertThat(root().consumerGroups().getConsumerGroups(0L, 0L))
                .extracting(ConsumerGroup::id, ConsumerGroup::name, ConsumerGroup::partitionsCount)
                .containsExactly(tuple(0L, "first", 2L), tuple(1L, "second", 2L));
        assertThat(root().consumerGroups().getConsumerGroups(StreamId.of(STREAM), TopicId.of("missing")))
                .isEmpty();
    }

    @Test
    void groupNamesAreUniquePerTopicAndIdsAreReused() {
        createStreamAndTopic(1);
        createTopic(STREAM, "second", 1);
        createGroup("first");
        createGroup("second");

        assertServerError(ServerError.CONSUMER_GROUP_NAME_ALREADY_EXISTS, () -> createGroup("first"));
        assertThat(root().consumerGroups()
                        .createConsumerGroup(StreamId.of(STREAM), TopicId.of("second"), "first")
                        .id())
                .isZero();
        root().consumerGroups().deleteConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of("first"));
        assertThat(createGroup("third").id()).isZero();
    }

    @Test
    void groupsOfWhatDoesNotExist() {
        createStreamAndTopic(1);

        assertThat(root().consumerGroups().getConsumerGroup(0L, 0L, 3L)).isEmpty();
        assertThat(root().consumerGroups()
                        .getConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of("missing")))
                .isEmpty();
        assertServerError(ServerError.TOPIC_ID_NOT_FOUND, () -> root().consumerGroups()
                .createConsumerGroup(StreamId.of(STREAM), TopicId.of("missing"), GROUP));
        assertServerError(ServerError.STREAM_ID_NOT_FOUND, () -> root().consumerGroups()
                .createConsumerGroup(StreamId.of("missing"), TopicId.of(TOPIC), GROUP));
        assertServerError(ServerError.CONSUMER_GROUP_ID_NOT_FOUND, () -> root().consumerGroups()
                .deleteConsumerGroup(0L, 0L, 3L));
        assertServerError(ServerError.CONSUMER_GROUP_ID_NOT_FOUND, () -> root().consumerGroups()
                .joinConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of("missing")));
    }

    @Test
    void joinIsIdempotentAndLeaveRemovesTheMember() {
        createStreamAndTopic(3);
        createGroup(GROUP);
        IggyTcpClient member = rootClient(1);

        join(member);
        join(member);

        ConsumerGroupDetails group = group();
        assertThat(group.membersCount()).isEqualTo(1);
        assertThat(group.members()).singleElement().satisfies(only -> {
            assertThat(only.id()).isZero();
            assertThat(only.partitionsCount()).isEqualTo(3);
            assertThat(only.partitions()).containsExactlyInAnyOrder(0L, 1L, 2L);
        });

        leave(member);

        assertThat(group().membersCount()).isZero();
        assertThat(group().members()).isEmpty();
        IggyResourceNotFoundException notMember = (IggyResourceNotFoundException)
                assertServerError(ServerError.CONSUMER_GROUP_MEMBER_NOT_FOUND, () -> leave(member));
        assertThat(notMember.getRawErrorCode()).isEqualTo(5006);
    }

    @Test
    void twoConnectionsSplitThePartitions() {
        createStreamAndTopic(4);
        createGroup(GROUP);
        for (long partition = 0; partition < 4; partition++) {
            sendTo(partition, messages("p" + partition + "-a", "p" + partition + "-b"));
        }
        IggyTcpClient first = rootClient(1);
        IggyTcpClient second = rootClient(1);

        join(first);
        join(second);

        ConsumerGroupDetails group = group();
        assertThat(group.membersCount()).isEqualTo(2);
        assertThat(group.members()).extracting(ConsumerGroupMember::id).containsExactlyInAnyOrder(0L, 1L);
        assertDisjointAndCovering(group, 4);

        // each member, polling without a partition, reads only its own partitions
        Set<Long> firstPartitions = new HashSet<>();
        Set<Long> secondPartitions = new HashSet<>();
        List<String> read = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            read.addAll(pollAsGroup(first, firstPartitions));
            read.addAll(pollAsGroup(second, secondPartitions));
        }
        assertThat(read).containsExactlyInAnyOrder("p0-a", "p0-b", "p1-a", "p1-b", "p2-a", "p2-b", "p3-a", "p3-b");
        assertThat(firstPartitions).isNotEmpty().doesNotContainAnyElementsOf(secondPartitions);
        assertThat(secondPartitions).isNotEmpty();
        ConsumerGroupDetails after = group();
        assertDisjointAndCovering(after, 4);
        assertThat(after.members())
                .extracting(member -> Set.copyOf(member.partitions()))
                .containsExactlyInAnyOrder(firstPartitions, secondPartitions);
    }

    @Test
    void membershipBelongsToTheConnection() {
        createStreamAndTopic(2);
        createGroup(GROUP);
        sendTo(0L, messages("m"));
        IggyTcpClient member = rootClient(1);
        IggyTcpClient sameUserOtherConnection = rootClient(1);
        join(member);

        assertServerError(
                ServerError.CONSUMER_GROUP_MEMBER_NOT_FOUND,
                () -> poll(sameUserOtherConnection, null, group(GROUP), PollingStrategy.next(), 10, false));
        assertServerError(ServerError.CONSUMER_GROUP_MEMBER_NOT_FOUND, () -> leave(sameUserOtherConnection));
        assertThat(poll(member, 0L, group(GROUP), PollingStrategy.next(), 10, false)
                        .messages())
                .hasSize(1);
    }

    @Test
    void soleMemberPollsItsPartitionsInTurnAndCommitsForTheGroup() {
        createStreamAndTopic(3);
        ConsumerGroupDetails created = createGroup(GROUP);
        for (long partition = 0; partition < 3; partition++) {
            sendTo(partition, messages("only-" + partition));
        }
        IggyTcpClient member = rootClient(1);
        join(member);

        Set<Long> partitions = new HashSet<>();
        List<String> read = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            read.addAll(pollAsGroup(member, partitions));
        }

        assertThat(partitions).containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(read).containsExactlyInAnyOrder("only-0", "only-1", "only-2");
        for (int i = 0; i < 3; i++) {
            assertThat(pollAsGroup(member, new HashSet<>())).isEmpty();
        }
        for (long partition = 0; partition < 3; partition++) {
            assertThat(root().consumerOffsets()
                            .getConsumerOffset(
                                    StreamId.of(STREAM),
                                    TopicId.of(TOPIC),
                                    Optional.of(partition),
                                    Consumer.group(created.id()))
                            .orElseThrow()
                            .storedOffset())
                    .isEqualTo(BigInteger.ZERO);
        }
    }

    @Test
    void groupOffsetsOutliveTheMemberThatCommittedThem() {
        createStreamAndTopic(1);
        createGroup(GROUP);
        sendTo(0L, numbered("m", 6));
        IggyTcpClient first = rootClient(1);
        join(first);
        assertThat(payloads(poll(first, 0L, group(GROUP), PollingStrategy.next(), 4, true)))
                .containsExactly("m0", "m1", "m2", "m3");
        leave(first);

        IggyTcpClient second = rootClient(1);
        join(second);

        assertThat(payloads(poll(second, 0L, group(GROUP), PollingStrategy.next(), 4, true)))
                .containsExactly("m4", "m5");
    }

    @Test
    void closedConnectionLeavesTheGroup() {
        createStreamAndTopic(4);
        createGroup(GROUP);
        IggyTcpClient staying = rootClient(1);
        IggyTcpClient leaving = rootClient(1);
        join(staying);
        join(leaving);
        assertThat(group().membersCount()).isEqualTo(2);

        CreatedResources.closeInBackground(leaving);

        eventually("the closed connection's member is gone", () -> group().membersCount() == 1);
        assertThat(group().members()).singleElement().satisfies(member -> assertThat(member.partitions())
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L));
    }

    @Test
    void deletingAGroupDropsItsMembersAndOffsets() {
        createStreamAndTopic(1);
        createGroup(GROUP);
        sendTo(0L, numbered("m", 3));
        IggyTcpClient member = rootClient(1);
        join(member);
        poll(member, 0L, group(GROUP), PollingStrategy.next(), 2, true);

        root().consumerGroups().deleteConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));

        assertThat(member.system().getMe().consumerGroups()).isEmpty();
        assertThat(root().consumerGroups().getConsumerGroups(0L, 0L)).isEmpty();
        ConsumerGroupDetails recreated = createGroup(GROUP);
        assertThat(recreated.id()).isZero();
        assertThat(recreated.membersCount()).isZero();
        assertThat(root().consumerOffsets()
                        .getConsumerOffset(
                                StreamId.of(STREAM),
                                TopicId.of(TOPIC),
                                Optional.of(0L),
                                Consumer.group(recreated.id())))
                .isEmpty();
        assertServerError(
                ServerError.CONSUMER_GROUP_MEMBER_NOT_FOUND,
                () -> poll(member, 0L, group(GROUP), PollingStrategy.next(), 2, true));
    }

    @Test
    void membersOnlyReadTheirOwnPartitions() {
        createStreamAndTopic(2);
        createGroup(GROUP);
        sendTo(0L, messages("zero"));
        sendTo(1L, messages("one"));
        IggyTcpClient first = rootClient(1);
        IggyTcpClient second = rootClient(1);
        join(first);
        join(second);
        assertDisjointAndCovering(group(), 2);
        // members are listed by member id, which says nothing of the connection: ask as first which is its own
        Set<Long> firstPartitions = new HashSet<>();
        pollAsGroup(first, firstPartitions);
        assertThat(firstPartitions).hasSize(1);
        long notFirsts = 1 - firstPartitions.iterator().next();

        // a partition of another member, named explicitly, reads as empty; storing an offset there is refused
        assertThat(poll(first, notFirsts, group(GROUP), PollingStrategy.first(), 10, false)
                        .messages())
                .isEmpty();
        assertServerError(ServerError.NOT_RESOLVED_CONSUMER, () -> first.consumerOffsets()
                .storeConsumerOffset(
                        StreamId.of(STREAM), TopicId.of(TOPIC), Optional.of(notFirsts), group(GROUP), BigInteger.ZERO));
    }

    @Test
    void memberWithoutPartitionsReadsNothing() {
        createStreamAndTopic(2);
        createGroup(GROUP);
        sendTo(0L, messages("zero"));
        sendTo(1L, messages("one"));
        IggyTcpClient first = rootClient(1);
        IggyTcpClient second = rootClient(1);
        IggyTcpClient third = rootClient(1);
        join(first);
        join(second);

        join(third);

        ConsumerGroupDetails group = group();
        assertThat(group.membersCount()).isEqualTo(3);
        assertThat(group.members())
                .extracting(ConsumerGroupMember::partitionsCount)
                .containsExactlyInAnyOrder(1L, 1L, 0L);
        assertThat(poll(third, null, group(GROUP), PollingStrategy.first(), 10, false)
                        .messages())
                .isEmpty();
        assertServerError(ServerError.NOT_RESOLVED_CONSUMER, () -> third.consumerOffsets()
                .storeConsumerOffset(
                        StreamId.of(STREAM), TopicId.of(TOPIC), Optional.empty(), group(GROUP), BigInteger.ZERO));
    }

    @Test
    void getMeListsGroupsInJoinOrder() {
        createStreamAndTopic(1);
        createTopic(STREAM, "second", 1);
        for (String name : List.of("g0", "g1", "g2", "g3")) {
            createGroup(name);
            root().consumerGroups().createConsumerGroup(StreamId.of(STREAM), TopicId.of("second"), name);
        }
        IggyTcpClient member = rootClient(1);
        List<ConsumerGroupInfo> joined = new ArrayList<>();
        for (String name : List.of("g3", "g1", "g2", "g0")) {
            for (long topic : List.of(1L, 0L)) {
                member.consumerGroups().joinConsumerGroup(StreamId.of(STREAM), TopicId.of(topic), ConsumerId.of(name));
                joined.add(new ConsumerGroupInfo(0L, topic, Long.parseLong(name.substring(1))));
            }
        }

        assertThat(member.system().getMe().consumerGroups()).containsExactlyElementsOf(joined);

        member.consumerGroups().leaveConsumerGroup(StreamId.of(STREAM), TopicId.of(0L), ConsumerId.of("g1"));
        joined.remove(new ConsumerGroupInfo(0L, 0L, 1L));
        assertThat(member.system().getMe().consumerGroups()).containsExactlyElementsOf(joined);
    }

    @Test
    void deletingTheTopicEndsItsMemberships() {
        createStreamAndTopic(1);
        createGroup(GROUP);
        IggyTcpClient member = rootClient(1);
        join(member);
        assertThat(member.system().getMe().consumerGroups()).hasSize(1);

        root().topics().deleteTopic(StreamId.of(STREAM), TopicId.of(TOPIC));

        assertThat(member.system().getMe().consumerGroups()).isEmpty();
    }

    private ConsumerGroupDetails createGroup(String name) {
        return root().consumerGroups().createConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), name);
    }

    private ConsumerGroupDetails group() {
        return root().consumerGroups()
                .getConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP))
                .orElseThrow();
    }

    private static Consumer group(String name) {
        return Consumer.group(ConsumerId.of(name));
    }

    private static void join(IggyTcpClient client) {
        client.consumerGroups().joinConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));
    }

    private static void leave(IggyTcpClient client) {
        client.consumerGroups().leaveConsumerGroup(StreamId.of(STREAM), TopicId.of(TOPIC), ConsumerId.of(GROUP));
    }

    /** One group poll without a partition (the server picks one of the member's), committing what it returns. */
    private static List<String> pollAsGroup(IggyTcpClient client, Set<Long> partitionsSeen) {
        PolledMessages polled = poll(client, null, group(GROUP), PollingStrategy.next(), 10, true);
        if (!polled.messages().isEmpty()) {
            partitionsSeen.add(polled.partitionId());
        }
        return payloads(polled);
    }

    private static void assertDisjointAndCovering(ConsumerGroupDetails group, int partitions) {
        List<Long> all = new ArrayList<>();
        for (ConsumerGroupMember member : group.members()) {
            assertThat(member.partitions())
                    .as("member %d's partitions", member.id())
                    .isNotEmpty();
            assertThat(member.partitionsCount()).isEqualTo(member.partitions().size());
            all.addAll(member.partitions());
        }
        List<Long> expected = new ArrayList<>();
        for (long partition = 0; partition < partitions; partition++) {
            expected.add(partition);
        }
        assertThat(all).as("the members' partitions").containsExactlyInAnyOrderElementsOf(expected);
    }
}
