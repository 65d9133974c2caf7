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
package dev.iggycamel.examples.quickstart;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/**
 * The bean {@code stats}: counts what the sending route got acknowledged and what the consuming route received,
 * reading by reading, so that the summary can tell lost and duplicated readings apart.
 */
public final class Stats {

    private final int expected;
    private final AtomicLong sent = new AtomicLong();
    private final BitSet seen;
    private long received;
    private long duplicates;
    private long corrupt;
    private final Map<Long, Long> perPartition = new TreeMap<>();

    public Stats(int expected) {
        this.expected = expected;
        this.seen = new BitSet(expected);
    }

    /** Called after the iggy: producer completed the exchange, i.e. after Iggy acknowledged its message. */
    public void sent() {
        sent.incrementAndGet();
    }

    /** Called for every consumed message: checks that the payload is the reading its {@code seq} header names. */
    public void received(Exchange exchange) {
        Long seq = exchange.getMessage().getHeader("seq", Long.class);
        Long partition = exchange.getMessage().getHeader("CamelIggyPartitionId", Long.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        boolean intact = seq != null
                && seq >= 0
                && seq < expected
                && body != null
                && new String(body, StandardCharsets.UTF_8).equals(Readings.json(seq, Readings.meter(seq)));
        synchronized (this) {
            received++;
            if (!intact) {
                corrupt++;
                return;
            }
            if (seen.get(seq.intValue())) {
                duplicates++;
            }
            seen.set(seq.intValue());
            if (partition != null) {
                perPartition.merge(partition, 1L, Long::sum);
            }
        }
    }

    public long sentCount() {
        return sent.get();
    }

    /** Distinct readings received intact. */
    public synchronized int uniqueCount() {
        return seen.cardinality();
    }

    public synchronized Summary summary(String dsl, String server, double seconds) {
        long lost = sent.get() - seen.cardinality();
        return new Summary(
                dsl,
                server,
                expected,
                sent.get(),
                received,
                seen.cardinality(),
                duplicates,
                corrupt,
                lost,
                new TreeMap<>(perPartition),
                seconds);
    }
}
