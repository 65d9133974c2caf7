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

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * What a quickstart run did: readings sent (acknowledged by Iggy), received (all deliveries), distinct readings
 * received, duplicates (redeliveries), corrupt payloads, lost (sent but never received) and the spread over
 * partitions.
 */
public record Summary(
        String dsl,
        String server,
        int requested,
        long sent,
        long received,
        long unique,
        long duplicates,
        long corrupt,
        long lost,
        Map<Long, Long> perPartition,
        double seconds) {

    /** True when every reading was sent, and every one arrived intact. */
    public boolean complete() {
        return sent == requested && lost == 0 && corrupt == 0 && unique == sent;
    }

    void print(PrintStream out) {
        out.println("Summary (" + dsl + " DSL, " + server + ")");
        out.printf(Locale.ROOT, "  sent:       %,d%n", sent);
        out.printf(Locale.ROOT, "  received:   %,d (%,d duplicates, %,d corrupt)%n", received, duplicates, corrupt);
        out.printf(Locale.ROOT, "  lost:       %,d%n", lost);
        out.printf(Locale.ROOT, "  partitions: %s%n", perPartition);
        out.printf(Locale.ROOT, "  took:       %.2f s (%,.0f msg/s end to end)%n", seconds, sent / seconds);
    }
}
