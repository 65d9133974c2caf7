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
package dev.iggycamel.benchmarks.harness;

/**
 * One measurement of one scenario in one round.
 *
 * @param messages messages the scenario moved in the timed window
 * @param payloadBytes their payload bytes
 * @param delivered messages found where they should be afterwards (stored on the server, or consumed in order)
 * @param failures exchanges or requests that failed
 */
record Sample(
        String scenario,
        int round,
        long messages,
        long payloadBytes,
        Meter.Reading reading,
        long delivered,
        long failures) {

    double messagesPerSecond() {
        return messages * 1e9 / reading.nanos();
    }

    double megabytesPerSecond() {
        return payloadBytes * 1e9 / reading.nanos() / 1_000_000d;
    }

    double cpuNanosPerMessage() {
        return (double) reading.cpuNanos() / messages;
    }

    double allocatedBytesPerMessage() {
        return (double) reading.allocatedBytes() / messages;
    }

    /** Messages missing afterwards (0 when everything arrived). */
    long lost() {
        return messages - delivered;
    }
}
