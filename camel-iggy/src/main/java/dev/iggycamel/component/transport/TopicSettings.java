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
package dev.iggycamel.component.transport;

/**
 * How to create a topic that does not exist yet.
 *
 * @param partitions the number of partitions
 * @param gzip whether the topic is marked gzip-compressed
 * @param messageExpiryMicros message expiry in microseconds, 0 for the server's default
 * @param maxTopicSize the topic's size bound in bytes, 0 for the server's default
 * @param replicationFactor the replication factor, 0 for the server's default
 */
public record TopicSettings(
        int partitions, boolean gzip, long messageExpiryMicros, long maxTopicSize, int replicationFactor) {}
