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

import java.nio.file.Path;

/**
 * What a broker is started with.
 *
 * @param rootUsername the root user (id 0), created at first start
 * @param rootPassword the root user's password
 * @param memoryLimitBytes the bound on message bytes kept on the heap; a send past it fails with TopicFull (3009)
 * @param dataDirectory where streams, topics, messages, offsets and users are kept across restarts; null for
 *     memory only
 * @param rebalancingTimeoutMicros how long a partition waits for the group to commit before it moves anyway
 */
public record BrokerConfig(
        String rootUsername,
        String rootPassword,
        long memoryLimitBytes,
        Path dataDirectory,
        long rebalancingTimeoutMicros) {

    public static final String DEFAULT_ROOT_USERNAME = "iggy";
    public static final String DEFAULT_ROOT_PASSWORD = "iggy";
    public static final long DEFAULT_REBALANCING_TIMEOUT_MICROS = 30_000_000L;

    /** A quarter of the maximum heap: room for the tests or the application sharing the JVM. */
    public static long defaultMemoryLimit() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    public static BrokerConfig defaults() {
        return new BrokerConfig(
                DEFAULT_ROOT_USERNAME,
                DEFAULT_ROOT_PASSWORD,
                defaultMemoryLimit(),
                null,
                DEFAULT_REBALANCING_TIMEOUT_MICROS);
    }
}
