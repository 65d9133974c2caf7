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
package dev.iggycamel.component;

import org.apache.camel.spi.Metadata;

/** The headers an {@code iggy:} endpoint reads (producer) and sets (consumer). */
public final class IggyConstants {

    @Metadata(
            label = "consumer",
            description = "The stream the message was consumed from, as given in the endpoint URI.",
            javaType = "String")
    public static final String STREAM = "CamelIggyStream";

    @Metadata(
            label = "consumer",
            description = "The topic the message was consumed from, as given in the endpoint URI.",
            javaType = "String")
    public static final String TOPIC = "CamelIggyTopic";

    @Metadata(
            description = "Consumer: the partition the message was consumed from. Producer: the partition to send"
                    + " the exchange to (0-based), which wins over every other partitioning.",
            javaType = "Long")
    public static final String PARTITION_ID = "CamelIggyPartitionId";

    @Metadata(
            label = "producer",
            description = "The messages key the server hashes to choose the partition (XXH32 modulo the partition"
                    + " count), so that messages with one key stay in order on one partition. A String (UTF-8) or"
                    + " byte[] of 1 to 255 bytes; wins over the partitionKey option.",
            javaType = "String")
    public static final String PARTITION_KEY = "CamelIggyPartitionKey";

    @Metadata(label = "consumer", description = "The message's offset in its partition.", javaType = "Long")
    public static final String OFFSET = "CamelIggyOffset";

    @Metadata(
            description = "Consumer: the message's 128-bit id. Producer: the id to send, as a java.util.UUID, a"
                    + " BigInteger, a Long or their string forms; the server assigns a random UUID when absent.",
            javaType = "java.util.UUID")
    public static final String MESSAGE_ID = "CamelIggyMessageId";

    @Metadata(
            label = "consumer",
            description = "When the server stored the message, in microseconds since the epoch.",
            javaType = "Long")
    public static final String TIMESTAMP = "CamelIggyTimestamp";

    @Metadata(
            description = "The producer's timestamp, in microseconds since the epoch (0 when the producer set none)."
                    + " Producer: the value to send.",
            javaType = "Long")
    public static final String ORIGIN_TIMESTAMP = "CamelIggyOriginTimestamp";

    @Metadata(
            label = "consumer",
            description = "The consumer group the message was consumed in, when the endpoint has one.",
            javaType = "String")
    public static final String CONSUMER_GROUP = "CamelIggyConsumerGroup";

    @Metadata(
            label = "consumer",
            description = "With commitMode=manual: call commit() to store this message's offset.",
            javaType = "dev.iggycamel.component.IggyManualCommit")
    public static final String MANUAL_COMMIT = "CamelIggyManualCommit";

    @Metadata(
            label = "producer",
            description = "Send this exchange to another stream than the endpoint's (created when missing and"
                    + " allowed, once). Removed from the exchange when read.",
            javaType = "String")
    public static final String OVERRIDE_STREAM = "CamelIggyOverrideStream";

    @Metadata(
            label = "producer",
            description = "Send this exchange to another topic than the endpoint's (created when missing and"
                    + " allowed, once). Removed from the exchange when read.",
            javaType = "String")
    public static final String OVERRIDE_TOPIC = "CamelIggyOverrideTopic";

    @Metadata(
            label = "consumer",
            description = "With batching=true: how many messages the exchange's list body holds.",
            javaType = "Integer")
    public static final String BATCH_SIZE = "CamelIggyBatchSize";

    private IggyConstants() {}
}
