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
 * What the server says about a topic.
 *
 * @param streamId the stream's numeric id
 * @param streamName the stream's name
 * @param topicId the topic's numeric id
 * @param topicName the topic's name
 * @param partitions the number of partitions
 */
public record TopicInfo(long streamId, String streamName, long topicId, String topicName, int partitions) {}
