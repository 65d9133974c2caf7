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

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.util.TimeUtils;

/**
 * Checks an endpoint's options when the endpoint is created, so that a bad value fails the endpoint's resolution
 * with a message naming the option rather than failing later at run time.
 */
final class IggyConfigurationValidator {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    /** The number options of IggyConfiguration, by lower-case name. */
    private static final Map<String, NumberOption> NUMBER_OPTIONS = numberOptions();

    private IggyConfigurationValidator() {}

    static void validate(IggyConfiguration c) {
        checkName("stream", c.getStream());
        checkName("topic", c.getTopic());
        require(c.getHost() != null && !c.getHost().isBlank(), "host", "must not be empty");
        require(c.getPort() > 0 && c.getPort() <= 65535, "port", "must be 1-65535, got " + c.getPort());
        require(c.getConnectTimeout() > 0, "connectTimeout", "must be positive, got " + c.getConnectTimeout());
        require(c.getBackoff() > 0, "backoff", "must be positive, got " + c.getBackoff());
        require(
                c.getBackoffMax() >= c.getBackoff(),
                "backoffMax",
                "must be at least backoff (" + c.getBackoff() + "), got " + c.getBackoffMax());
        require(
                c.getPartitions() >= 0 && c.getPartitions() <= 1000,
                "partitions",
                "must be 0-1000, got " + c.getPartitions());
        require(
                "none".equalsIgnoreCase(c.getCompression()) || "gzip".equalsIgnoreCase(c.getCompression()),
                "compression",
                "must be none or gzip, got " + c.getCompression());
        require(
                "native".equals(c.getTransportType()) || "sdk".equals(c.getTransportType()),
                "transportType",
                "must be native or sdk, got " + c.getTransportType());
        require(c.getMessageExpiry() >= 0, "messageExpiry", "must not be negative");
        require(c.getMaxTopicSize() >= 0, "maxTopicSize", "must not be negative");
        require(
                c.getReplicationFactor() >= 0 && c.getReplicationFactor() <= 255,
                "replicationFactor",
                "must be 0-255, got " + c.getReplicationFactor());
        if (c.getPersonalAccessToken() == null) {
            // with a token, username and password (perhaps inherited from the component) are not used
            require(
                    (c.getUsername() == null) == (c.getPassword() == null),
                    c.getUsername() == null ? "username" : "password",
                    "is missing: username and password go together");
        }

        require(c.getBatchMaxMessages() > 0, "batchMaxMessages", "must be positive, got " + c.getBatchMaxMessages());
        require(c.getBatchMaxBytes() > 0, "batchMaxBytes", "must be positive, got " + c.getBatchMaxBytes());
        require(c.getLingerMs() >= 0, "lingerMs", "must not be negative, got " + c.getLingerMs());
        require(c.getMaxInFlight() > 0, "maxInFlight", "must be positive, got " + c.getMaxInFlight());
        if (c.getPartitionId() != null) {
            require(
                    c.getPartitionId() >= 0 && c.getPartitionId() <= 0xFFFF_FFFFL,
                    "partitionId",
                    "must be a partition number (0 or more), got " + c.getPartitionId());
            require(
                    c.getPartitionKey() == null,
                    "partitionId",
                    "and partitionKey both choose the partition; set one of them");
            require(
                    c.getPartitioning() != IggyPartitioning.messagesKey,
                    "partitionId",
                    "contradicts partitioning=messagesKey");
        }
        if (c.getPartitionKey() != null) {
            require(!c.getPartitionKey().isEmpty(), "partitionKey", "must not be empty");
            require(
                    c.getPartitioning() != IggyPartitioning.partitionId,
                    "partitionKey",
                    "contradicts partitioning=partitionId");
        }
        require(
                c.getPartitioning() != IggyPartitioning.partitionId || c.getPartitionId() != null,
                "partitioning",
                "is partitionId but the partitionId option is not set");
        require(
                c.getPartitioning() != IggyPartitioning.messagesKey || c.getPartitionKey() != null,
                "partitioning",
                "is messagesKey but the partitionKey option is not set");

        require(c.getPollBatchSize() > 0, "pollBatchSize", "must be positive, got " + c.getPollBatchSize());
        require(c.getPollIntervalMs() >= 0, "pollIntervalMs", "must not be negative, got " + c.getPollIntervalMs());
        require(c.getConsumersCount() > 0, "consumersCount", "must be positive, got " + c.getConsumersCount());
        require(c.getShutdownTimeout() >= 0, "shutdownTimeout", "must not be negative");
        require(
                c.getConsumerGroup() == null || c.getConsumerName() == null,
                "consumerGroup",
                "and consumerName are two ways to consume (shared in a group, or alone); set one of them");
        if (c.getConsumerPartitions() != null) {
            require(
                    c.getConsumerGroup() == null,
                    "consumerPartitions",
                    "is for a consumer without a group (consumerName); in a group the server assigns partitions");
            IggyConsumer.parsePartitions(c.getConsumerPartitions());
        }
        require(
                c.getPollingStrategy() != IggyPollingStrategy.offset || c.getStartOffset() >= 0,
                "startOffset",
                "must not be negative");
        require(
                c.getPollingStrategy() != IggyPollingStrategy.timestamp || c.getStartTimestamp() > 0,
                "startTimestamp",
                "must be set (milliseconds since the epoch) with pollingStrategy=timestamp");
        require(
                !(c.isBatching() && c.getCommitMode() == IggyCommitMode.manual),
                "batching",
                "cannot go with commitMode=manual: a batch is committed as a whole");
    }

    private static void checkName(String option, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        require(bytes > 0 && bytes <= 255, option, "must be 1-255 bytes, got " + bytes);
        require(
                value.chars().allMatch(ch -> ch < 128),
                option,
                "must be ASCII: the Iggy Java SDK 0.8 sends non-ASCII names with a wrong length");
    }

    private static void require(boolean condition, String option, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Invalid Iggy option " + option + ": " + problem);
        }
    }

    /**
     * Camel binds a number option through its duration parser, which reads text it does not understand as 0: without
     * this check partitionId=abc would send to partition 0, and batchMaxMessages=abc would fail as "got 0".
     */
    static void checkNumbers(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            NumberOption option = NUMBER_OPTIONS.get(parameter.getKey().toLowerCase(Locale.ROOT));
            if (option == null
                    || !(parameter.getValue() instanceof String text)
                    || EndpointHelper.isReferenceParameter(text)) {
                continue;
            }
            String value = text.trim();
            boolean valid =
                    WHOLE_NUMBER.matcher(value).matches() ? option.fits(value) : option.duration() && isDuration(value);
            if (!valid) {
                throw new IllegalArgumentException("Invalid Iggy option " + parameter.getKey() + ": "
                        + (option.duration() ? "not milliseconds or a duration such as 5s" : "not a whole number")
                        + (option.intSized() ? " up to " + Integer.MAX_VALUE : "") + ", got " + text);
            }
        }
    }

    private static boolean isDuration(String value) {
        try {
            // only a zero duration (0s, 0ms) may legitimately come back as zero
            return !TimeUtils.toDuration(value).isZero() || value.matches("0+[a-z]+");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, NumberOption> numberOptions() {
        Map<String, NumberOption> options = new HashMap<>();
        for (Field field : IggyConfiguration.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            Class<?> type = field.getType();
            if (param != null
                    && (type == int.class || type == long.class || type == Integer.class || type == Long.class)) {
                options.put(
                        field.getName().toLowerCase(Locale.ROOT),
                        new NumberOption(
                                "java.time.Duration".equals(param.javaType()),
                                type == int.class || type == Integer.class));
            }
        }
        return options;
    }

    /** A number option: whether it takes a duration such as 5s, and whether it is an int. */
    private record NumberOption(boolean duration, boolean intSized) {

        boolean fits(String wholeNumber) {
            try {
                long number = Long.parseLong(wholeNumber);
                return !intSized || (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
