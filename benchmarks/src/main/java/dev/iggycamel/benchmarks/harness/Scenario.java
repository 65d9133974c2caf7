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
 * One way of moving messages, measured once per round on a fresh topic: setup and verification are not timed, the
 * transfer is ({@link Meter}).
 */
abstract class Scenario {

    private final String id;
    private final String description;
    private final int payloadSize;
    private final long messages;

    Scenario(String id, String description, int payloadSize, long messages) {
        this.id = id;
        this.description = description;
        this.payloadSize = payloadSize;
        this.messages = messages;
    }

    /** A short name, also the Camel route id and part of the topic name. */
    String id() {
        return id;
    }

    String description() {
        return description;
    }

    int payloadSize() {
        return payloadSize;
    }

    /** Messages moved per run. */
    long messages() {
        return messages;
    }

    /** Runs once: a fresh topic, the timed transfer, the check of what arrived, the topic deleted. */
    abstract Sample run(BenchEnvironment env, int round) throws Exception;

    /** Releases what the scenario keeps across rounds (clients, routes). */
    void close() throws Exception {}
}
