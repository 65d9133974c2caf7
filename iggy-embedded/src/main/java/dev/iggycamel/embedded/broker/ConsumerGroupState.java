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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer group: its partitions and its members, one per client connection. Assignment follows the server:
 * a cooperative rebalance on join (idle members take unassigned partitions, then each idle member is promised one
 * excess partition of a busy member, which moves once the group committed what it polled there), and a full
 * round-robin rebalance on leave, disconnect or a change in the partition count. Guarded by the broker's metadata
 * lock, except the poll counter which is atomic.
 */
final class ConsumerGroupState {

    /** A partition a member is giving up, to move to an idle member once the group's offsets allow it. */
    record PendingRevocation(int partitionId, int targetSlot, int targetMemberId, long createdAtMicros) {}

    static final class Member {
        final int memberId;
        final int clientId;
        final List<Integer> partitions = new ArrayList<>();
        final List<PendingRevocation> pendingRevocations = new ArrayList<>();
        final AtomicInteger partitionIndex = new AtomicInteger();

        Member(int memberId, int clientId) {
            this.memberId = memberId;
            this.clientId = clientId;
        }

        boolean isRevoking(int partitionId) {
            for (PendingRevocation revocation : pendingRevocations) {
                if (revocation.partitionId() == partitionId) {
                    return true;
                }
            }
            return false;
        }

        /** Partitions this member may poll without naming one: its own minus those being revoked. */
        List<Integer> pollablePartitions() {
            if (pendingRevocations.isEmpty()) {
                return partitions;
            }
            List<Integer> pollable = new ArrayList<>(partitions.size());
            for (Integer partition : partitions) {
                if (!isRevoking(partition)) {
                    pollable.add(partition);
                }
            }
            return pollable;
        }
    }

    final TopicState topic;
    final int id;
    String name;
    final List<Integer> partitions = new ArrayList<>();
    /** Members by slot, iterated in slot order like the server's slab. */
    final TreeMap<Integer, Member> members = new TreeMap<>();

    private final SlabIds memberSlots = new SlabIds();

    ConsumerGroupState(TopicState topic, int id, String name, int partitionsCount) {
        this.topic = topic;
        this.id = id;
        this.name = name;
        resetPartitions(partitionsCount);
    }

    Member memberOf(int clientId) {
        for (Member member : members.values()) {
            if (member.clientId == clientId) {
                return member;
            }
        }
        return null;
    }

    int slotOf(Member member) {
        for (Map.Entry<Integer, Member> entry : members.entrySet()) {
            if (entry.getValue() == member) {
                return entry.getKey();
            }
        }
        return -1;
    }

    /** Adds the client as a member (no-op if it is one) and rebalances cooperatively. Returns true if added. */
    boolean join(int clientId) {
        if (memberOf(clientId) != null) {
            return false;
        }
        int memberId = 0;
        for (Member member : members.values()) {
            memberId = Math.max(memberId, member.memberId + 1);
        }
        members.put(memberSlots.allocate(), new Member(memberId, clientId));
        rebalanceCooperatively();
        return true;
    }

    /** Removes the client's membership and rebalances fully. Returns false if it was no member. */
    boolean leave(int clientId) {
        Member member = memberOf(clientId);
        if (member == null) {
            return false;
        }
        int slot = slotOf(member);
        members.remove(slot);
        memberSlots.release(slot);
        rebalanceFully();
        return true;
    }

    void resetPartitions(int partitionsCount) {
        partitions.clear();
        for (int i = 0; i < partitionsCount; i++) {
            partitions.add(i);
        }
    }

    /** Clears every assignment and deals partitions round robin over the members, in slot order. */
    void rebalanceFully() {
        if (members.isEmpty()) {
            return;
        }
        List<Member> ordered = new ArrayList<>(members.values());
        for (Member member : ordered) {
            member.partitions.clear();
            member.pendingRevocations.clear();
        }
        for (int i = 0; i < partitions.size(); i++) {
            ordered.get(i % ordered.size()).partitions.add(partitions.get(i));
        }
    }

    private void rebalanceCooperatively() {
        int memberCount = members.size();
        if (memberCount == 0 || partitions.isEmpty()) {
            return;
        }
        Set<Integer> assigned = new HashSet<>();
        for (Member member : members.values()) {
            assigned.addAll(member.partitions);
        }
        List<Integer> unassigned = new ArrayList<>();
        for (Integer partition : partitions) {
            if (!assigned.contains(partition)) {
                unassigned.add(partition);
            }
        }
        if (!unassigned.isEmpty()) {
            List<Member> idle = new ArrayList<>();
            for (Member member : members.values()) {
                if (member.partitions.isEmpty()) {
                    idle.add(member);
                }
            }
            if (!idle.isEmpty()) {
                for (int i = 0; i < unassigned.size(); i++) {
                    idle.get(i % idle.size()).partitions.add(unassigned.get(i));
                }
            }
        }

        int fairShare = partitions.size() / memberCount;
        int withRemainder = partitions.size() % memberCount;
        Set<Integer> targets = new HashSet<>();
        for (Member member : members.values()) {
            for (PendingRevocation revocation : member.pendingRevocations) {
                targets.add(revocation.targetSlot());
            }
        }
        List<Integer> idleSlots = new ArrayList<>();
        for (Map.Entry<Integer, Member> entry : members.entrySet()) {
            if (entry.getValue().partitions.isEmpty() && !targets.contains(entry.getKey())) {
                idleSlots.add(entry.getKey());
            }
        }
        if (idleSlots.isEmpty()) {
            return;
        }
        // each idle member is the target of at most one revoked partition per join (the server's
        // idle_slab_ids.remove(0)): a newcomer gets one partition now, not its fair share, and excess beyond the
        // idle members stays where it is
        long now = Clock.nowMicros();
        for (Map.Entry<Integer, Member> entry : members.entrySet()) {
            if (idleSlots.isEmpty()) {
                break;
            }
            Member member = entry.getValue();
            List<Integer> keep = member.pollablePartitions();
            int effective = keep.size();
            int maxAllowed = withRemainder > 0 ? fairShare + 1 : fairShare;
            if (effective <= maxAllowed) {
                if (effective > fairShare) {
                    withRemainder = Math.max(0, withRemainder - 1);
                }
                continue;
            }
            int excessCount = effective - maxAllowed;
            if (withRemainder > 0 && effective > fairShare) {
                withRemainder--;
            }
            List<Integer> revocable = new ArrayList<>(keep);
            for (int i = revocable.size() - 1, taken = 0; i >= 0 && taken < excessCount; i--, taken++) {
                if (idleSlots.isEmpty()) {
                    break;
                }
                int targetSlot = idleSlots.remove(0);
                member.pendingRevocations.add(
                        new PendingRevocation(revocable.get(i), targetSlot, members.get(targetSlot).memberId, now));
            }
        }
    }

    /**
     * Moves every pending partition whose move is safe: never polled by the group, or its committed offset reached
     * the last polled one, or the revocation is older than the rebalancing timeout.
     */
    void completeRevocations(TopicState topic, long timeoutMicros) {
        long now = Clock.nowMicros();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<Integer, Member> entry : members.entrySet()) {
                Member member = entry.getValue();
                for (PendingRevocation revocation : List.copyOf(member.pendingRevocations)) {
                    if (canComplete(topic, revocation, now, timeoutMicros)) {
                        complete(member, revocation);
                        progress = true;
                    }
                }
            }
        }
    }

    private boolean canComplete(TopicState topic, PendingRevocation revocation, long now, long timeoutMicros) {
        if (now - revocation.createdAtMicros() >= timeoutMicros) {
            return true;
        }
        if (revocation.partitionId() >= topic.partitions.size()) {
            return false;
        }
        PartitionState partition = topic.partitions.get(revocation.partitionId());
        Long polled = partition.lastPolledByGroup.get(id);
        if (polled == null) {
            return true;
        }
        Long committed = partition.groupOffsets.get(id);
        return committed != null && committed >= polled;
    }

    private void complete(Member source, PendingRevocation revocation) {
        if (!source.pendingRevocations.remove(revocation)) {
            return; // an earlier full rebalance already settled it
        }
        source.partitions.remove(Integer.valueOf(revocation.partitionId()));
        Member target = members.get(revocation.targetSlot());
        if (target == null || target.memberId != revocation.targetMemberId()) {
            rebalanceFully();
            return;
        }
        target.partitions.add(revocation.partitionId());
    }
}
