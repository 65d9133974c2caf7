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
package dev.iggycamel.embedded.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.embedded.broker.Views.GroupView;
import dev.iggycamel.embedded.broker.Views.MemberView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 0.8.0 server's consumer-group assignment, which the conformance suite can only check loosely (a real server
 * may be another 0.8.x): a cooperative join hands each idle member at most one partition (apache/iggy#3334, fixed
 * after 0.8.0), a polled partition moves only once the group committed what it polled, and a leave rebalances fully.
 */
class ConsumerGroupRebalanceTest {

    private static final Identifier STREAM = Identifier.named("s");
    private static final Identifier TOPIC = Identifier.named("t");
    private static final Identifier GROUP = Identifier.named("g");

    private Broker broker;
    private ClientSession admin;

    @BeforeEach
    void createTopicWithFourPartitionsAndAGroup() {
        broker = new Broker(BrokerConfig.defaults());
        admin = login();
        broker.streams().createStream(admin, "s");
        broker.streams().createTopic(admin, STREAM, 4, 1, 0, 0, 0, "t");
        broker.groups().createGroup(admin, STREAM, TOPIC, "g");
        for (int partition = 0; partition < 4; partition++) {
            send(partition);
        }
    }

    @Test
    void aSecondMemberGetsOnePartitionOfFourAsOnTheZeroEightServer() {
        ClientSession first = login();
        ClientSession second = login();
        join(first);
        assertThat(members()).containsExactly(List.of(0, 1, 2, 3));

        join(second);

        assertThat(members()).containsExactly(List.of(0, 1, 2), List.of(3));
    }

    @Test
    void aPolledPartitionMovesOnlyAfterTheGroupCommittedIt() {
        ClientSession first = login();
        ClientSession second = login();
        ClientSession third = login();
        join(first);
        join(second);
        // first holds 0, 1, 2; it polls partition 2 without committing
        assertThat(poll(first, 2, false)).isEqualTo(1);

        join(third);

        assertThat(members())
                .as("partition 2 is promised to the newcomer but stays with its owner until committed")
                .containsExactly(List.of(0, 1, 2), List.of(3), List.of());
        assertThat(poll(third, -1, false)).as("the newcomer has nothing yet").isZero();

        broker.messages().storeOffset(first, MessageOperations.CONSUMER_GROUP, GROUP, STREAM, TOPIC, 2, 0);

        assertThat(members()).containsExactly(List.of(0, 1), List.of(3), List.of(2));
        assertThat(poll(third, -1, false))
                .as("the committed message is not delivered again")
                .isZero();
        send(2);
        assertThat(poll(third, -1, false)).isEqualTo(1);
    }

    @Test
    void leavingRebalancesRoundRobinOverTheRemainingMembers() {
        ClientSession first = login();
        ClientSession second = login();
        ClientSession third = login();
        join(first);
        join(second);
        join(third);

        broker.groups().leave(second, STREAM, TOPIC, GROUP);

        assertThat(members()).containsExactly(List.of(0, 2), List.of(1, 3));
    }

    @Test
    void aClosedConnectionLeavesItsGroups() {
        ClientSession first = login();
        ClientSession second = login();
        join(first);
        join(second);

        broker.disconnect(first);

        assertThat(members()).containsExactly(List.of(0, 1, 2, 3));
    }

    private ClientSession login() {
        ClientSession session = broker.connect("127.0.0.1:" + (40000 + broker.sessions.size()));
        broker.users().login(session, "iggy", "iggy");
        return session;
    }

    private void join(ClientSession session) {
        broker.groups().join(session, STREAM, TOPIC, GROUP);
    }

    private List<List<Integer>> members() {
        GroupView group = broker.groups().getGroup(admin, STREAM, TOPIC, GROUP).orElseThrow();
        return group.members().stream().map(MemberView::partitions).toList();
    }

    private void send(int partition) {
        ByteBuf indexes = Unpooled.buffer().writeIntLE(0).writeIntLE(64).writeLongLE(0);
        ByteBuf messages =
                Unpooled.buffer().writeZero(48).writeIntLE(0).writeIntLE(0).writeLongLE(0);
        byte[] partitionId = {(byte) partition, 0, 0, 0};
        broker.messages()
                .send(
                        admin,
                        STREAM,
                        TOPIC,
                        MessageOperations.PARTITIONING_PARTITION_ID,
                        partitionId,
                        1,
                        indexes,
                        messages,
                        false);
    }

    /** Polls as the session's group membership; returns how many messages came back. */
    private int poll(ClientSession session, long partition, boolean autoCommit) {
        ByteBuf response = broker.messages()
                .poll(
                        session,
                        MessageOperations.CONSUMER_GROUP,
                        GROUP,
                        STREAM,
                        TOPIC,
                        partition,
                        MessageOperations.STRATEGY_NEXT,
                        0,
                        10,
                        autoCommit,
                        UnpooledByteBufAllocator.DEFAULT);
        try {
            return response.getIntLE(12);
        } finally {
            response.release();
        }
    }
}
