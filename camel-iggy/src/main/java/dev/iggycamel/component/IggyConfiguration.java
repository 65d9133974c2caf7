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

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of an {@code iggy:stream/topic} endpoint. The component holds one for the settings its endpoints
 * share (connection, credentials, TLS) and copies it for each endpoint. Every default lives in one constant, used
 * by both the annotation and the field.
 */
@UriParams
public class IggyConfiguration implements Cloneable {

    static final String DEFAULT_HOST = "localhost";
    static final int DEFAULT_PORT = 8090;
    static final long DEFAULT_CONNECT_TIMEOUT = 5000;
    static final long DEFAULT_BACKOFF = 200;
    static final long DEFAULT_BACKOFF_MAX = 30000;
    static final int DEFAULT_PARTITIONS = 1;
    static final String DEFAULT_COMPRESSION = "none";
    static final int DEFAULT_BATCH_MAX_MESSAGES = 1000;
    static final int DEFAULT_BATCH_MAX_BYTES = 1048576;
    static final int DEFAULT_MAX_IN_FLIGHT = 4;
    static final int DEFAULT_POLL_BATCH_SIZE = 100;
    static final long DEFAULT_POLL_INTERVAL = 100;
    static final int DEFAULT_CONSUMERS_COUNT = 1;
    static final long DEFAULT_SHUTDOWN_TIMEOUT = 30000;
    static final String DEFAULT_TRANSPORT_TYPE = "native";

    @UriPath(description = "The stream, by name or numeric id.")
    @Metadata(required = true)
    private String stream;

    @UriPath(description = "The topic, by name or numeric id.")
    @Metadata(required = true)
    private String topic;

    @UriParam(defaultValue = DEFAULT_HOST)
    private String host = DEFAULT_HOST;

    @UriParam(defaultValue = "" + DEFAULT_PORT)
    private int port = DEFAULT_PORT;

    @UriParam(label = "security", secret = true)
    private String username;

    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "security", secret = true)
    private String personalAccessToken;

    @UriParam(label = "security")
    private boolean tls;

    @UriParam(label = "security")
    private String tlsCertificate;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_CONNECT_TIMEOUT, javaType = "java.time.Duration")
    private long connectTimeout = DEFAULT_CONNECT_TIMEOUT;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_BACKOFF, javaType = "java.time.Duration")
    private long backoff = DEFAULT_BACKOFF;

    @UriParam(label = "advanced", defaultValue = "" + DEFAULT_BACKOFF_MAX, javaType = "java.time.Duration")
    private long backoffMax = DEFAULT_BACKOFF_MAX;

    @UriParam(label = "advanced", defaultValue = DEFAULT_TRANSPORT_TYPE, enums = "native,sdk")
    private String transportType = DEFAULT_TRANSPORT_TYPE;

    @UriParam(defaultValue = "true")
    private boolean autoCreateStream = true;

    @UriParam(defaultValue = "true")
    private boolean autoCreateTopic = true;

    @UriParam(defaultValue = "" + DEFAULT_PARTITIONS)
    private int partitions = DEFAULT_PARTITIONS;

    @UriParam(label = "advanced", defaultValue = DEFAULT_COMPRESSION, enums = "none,gzip")
    private String compression = DEFAULT_COMPRESSION;

    @UriParam(label = "advanced", javaType = "java.time.Duration")
    private long messageExpiry;

    @UriParam(label = "advanced")
    private long maxTopicSize;

    @UriParam(label = "advanced")
    private int replicationFactor;

    @UriParam(label = "producer", defaultValue = "balanced")
    private IggyPartitioning partitioning = IggyPartitioning.balanced;

    @UriParam(label = "producer")
    private Long partitionId;

    @UriParam(label = "producer")
    private String partitionKey;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_BATCH_MAX_MESSAGES)
    private int batchMaxMessages = DEFAULT_BATCH_MAX_MESSAGES;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_BATCH_MAX_BYTES)
    private int batchMaxBytes = DEFAULT_BATCH_MAX_BYTES;

    @UriParam(label = "producer", javaType = "java.time.Duration")
    private long lingerMs;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_MAX_IN_FLIGHT)
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

    @UriParam(label = "producer", defaultValue = "fail")
    private IggyHeaderPolicy headerPolicy = IggyHeaderPolicy.fail;

    @UriParam(label = "consumer")
    private String consumerGroup;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean autoCreateConsumerGroup = true;

    @UriParam(label = "consumer")
    private String consumerName;

    @UriParam(label = "consumer")
    private String consumerPartitions;

    @UriParam(label = "consumer", defaultValue = "next")
    private IggyPollingStrategy pollingStrategy = IggyPollingStrategy.next;

    @UriParam(label = "consumer")
    private long startOffset;

    @UriParam(label = "consumer")
    private long startTimestamp;

    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_POLL_BATCH_SIZE)
    private int pollBatchSize = DEFAULT_POLL_BATCH_SIZE;

    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_POLL_INTERVAL, javaType = "java.time.Duration")
    private long pollIntervalMs = DEFAULT_POLL_INTERVAL;

    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_CONSUMERS_COUNT)
    private int consumersCount = DEFAULT_CONSUMERS_COUNT;

    @UriParam(label = "consumer", defaultValue = "afterProcessing")
    private IggyCommitMode commitMode = IggyCommitMode.afterProcessing;

    @UriParam(label = "consumer")
    private boolean breakOnFirstError;

    @UriParam(label = "consumer")
    private boolean batching;

    @UriParam(label = "consumer", defaultValue = "" + DEFAULT_SHUTDOWN_TIMEOUT, javaType = "java.time.Duration")
    private long shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

    /** A copy for an endpoint, so that its own options never change the component's. */
    public IggyConfiguration copy() {
        try {
            return (IggyConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getStream() {
        return stream;
    }

    /** The stream, by name or numeric id (all digits). */
    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getTopic() {
        return topic;
    }

    /** The topic, by name or numeric id (all digits). */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getHost() {
        return host;
    }

    /** The host of the Iggy server. */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /** The TCP port of the Iggy server. */
    public void setPort(int port) {
        this.port = port;
    }

    public String getUsername() {
        return username;
    }

    /** The user to log in as (with password), when no personal access token is set. */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /** The user's password. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getPersonalAccessToken() {
        return personalAccessToken;
    }

    /** A personal access token to log in with; when set, username and password are not used. */
    public void setPersonalAccessToken(String personalAccessToken) {
        this.personalAccessToken = personalAccessToken;
    }

    public boolean isTls() {
        return tls;
    }

    /**
     * Connect with TLS. Implied by tlsCertificate and sslContextParameters; on its own the JVM's default trust
     * store decides which server certificates are trusted.
     */
    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public String getTlsCertificate() {
        return tlsCertificate;
    }

    /** A PEM file with the certificate (or CA) to trust for the server's TLS certificate; implies TLS. */
    public void setTlsCertificate(String tlsCertificate) {
        this.tlsCertificate = tlsCertificate;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Camel SSL configuration; implies TLS. Its trust material (the trust managers' key store) decides which server
     * certificates are trusted.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long opening a connection to the server may take, in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getBackoff() {
        return backoff;
    }

    /**
     * The first delay, in milliseconds, before a consumer reconnects after losing its connection or polls again after
     * a failed exchange with breakOnFirstError; it doubles on every failure in a row, up to backoffMax.
     */
    public void setBackoff(long backoff) {
        this.backoff = backoff;
    }

    public long getBackoffMax() {
        return backoffMax;
    }

    /** The longest delay between reconnection attempts or retries, in milliseconds. */
    public void setBackoffMax(long backoffMax) {
        this.backoffMax = backoffMax;
    }

    public boolean isAutoCreateStream() {
        return autoCreateStream;
    }

    /**
     * Create the stream at start if it does not exist (streams given by name only). When false, a missing stream
     * fails the route's start with a message naming it.
     */
    public void setAutoCreateStream(boolean autoCreateStream) {
        this.autoCreateStream = autoCreateStream;
    }

    public boolean isAutoCreateTopic() {
        return autoCreateTopic;
    }

    /**
     * Create the topic at start if it does not exist (topics given by name only), with partitions, compression,
     * messageExpiry, maxTopicSize and replicationFactor.
     */
    public void setAutoCreateTopic(boolean autoCreateTopic) {
        this.autoCreateTopic = autoCreateTopic;
    }

    public int getPartitions() {
        return partitions;
    }

    /** The number of partitions of a topic the endpoint creates (0 to 1000). */
    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public String getTransportType() {
        return transportType;
    }

    /**
     * How the endpoint speaks Iggy's TCP protocol: native (the component's own client: exchanges encoded straight
     * into one send frame, polled messages decoded without per-field objects) or sdk (the Iggy Java SDK 0.8.0 client).
     * Not used when the component is given a transport.
     */
    public void setTransportType(String transportType) {
        this.transportType = transportType;
    }

    public String getCompression() {
        return compression;
    }

    /** The compression a created topic is marked with: none or gzip. */
    public void setCompression(String compression) {
        this.compression = compression;
    }

    public long getMessageExpiry() {
        return messageExpiry;
    }

    /** How long a created topic keeps messages, in milliseconds; 0 for the server's default (no expiry). */
    public void setMessageExpiry(long messageExpiry) {
        this.messageExpiry = messageExpiry;
    }

    public long getMaxTopicSize() {
        return maxTopicSize;
    }

    /** The size bound of a created topic, in bytes; 0 for the server's default (unlimited). */
    public void setMaxTopicSize(long maxTopicSize) {
        this.maxTopicSize = maxTopicSize;
    }

    public int getReplicationFactor() {
        return replicationFactor;
    }

    /** The replication factor of a created topic; 0 for the server's default. */
    public void setReplicationFactor(int replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public IggyPartitioning getPartitioning() {
        return partitioning;
    }

    /**
     * How messages are spread over partitions when neither the CamelIggyPartitionId nor the CamelIggyPartitionKey
     * header says: balanced (the server's round robin), partitionId (the partitionId option) or messagesKey (the
     * partitionKey option). Setting partitionId or partitionKey implies the matching mode.
     */
    public void setPartitioning(IggyPartitioning partitioning) {
        this.partitioning = partitioning;
    }

    public Long getPartitionId() {
        return partitionId;
    }

    /** The partition to send to (0-based); implies partitioning=partitionId. */
    public void setPartitionId(Long partitionId) {
        this.partitionId = partitionId;
    }

    public String getPartitionKey() {
        return partitionKey;
    }

    /**
     * The messages key the server hashes to pick the partition; a Camel simple expression such as
     * ${header.device} is evaluated per exchange. Implies partitioning=messagesKey.
     */
    public void setPartitionKey(String partitionKey) {
        this.partitionKey = partitionKey;
    }

    public int getBatchMaxMessages() {
        return batchMaxMessages;
    }

    /** The most messages in one send frame. */
    public void setBatchMaxMessages(int batchMaxMessages) {
        this.batchMaxMessages = batchMaxMessages;
    }

    public int getBatchMaxBytes() {
        return batchMaxBytes;
    }

    /** The most bytes in one send frame (a larger single message still goes, alone). */
    public void setBatchMaxBytes(int batchMaxBytes) {
        this.batchMaxBytes = batchMaxBytes;
    }

    public long getLingerMs() {
        return lingerMs;
    }

    /**
     * How long a send frame waits for more messages before it goes, in milliseconds. 0 sends whatever is queued as
     * soon as a frame can be in flight, which batches naturally under load.
     */
    public void setLingerMs(long lingerMs) {
        this.lingerMs = lingerMs;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    /** The most send frames awaiting the server's acknowledgement at once (each on its own connection). */
    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public IggyHeaderPolicy getHeaderPolicy() {
        return headerPolicy;
    }

    /**
     * What to do with a Camel header that cannot become a typed Iggy user header (a type other than String,
     * Boolean, Byte, Short, Integer, Long, Float, Double, byte[], or a key or value over 255 bytes): fail the
     * exchange (naming the header), skip it, or send its string form.
     */
    public void setHeaderPolicy(IggyHeaderPolicy headerPolicy) {
        this.headerPolicy = headerPolicy;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    /**
     * The consumer group to consume in, by name or numeric id. The server spreads the topic's partitions over the
     * group's members, so several routes or Camel instances share the topic.
     */
    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public boolean isAutoCreateConsumerGroup() {
        return autoCreateConsumerGroup;
    }

    /** Create the consumer group if it does not exist. */
    public void setAutoCreateConsumerGroup(boolean autoCreateConsumerGroup) {
        this.autoCreateConsumerGroup = autoCreateConsumerGroup;
    }

    public String getConsumerName() {
        return consumerName;
    }

    /**
     * Consume without a group, as this single consumer (name or numeric id), which owns the stored offsets. Reads
     * consumerPartitions, or every partition.
     */
    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }

    public String getConsumerPartitions() {
        return consumerPartitions;
    }

    /** The partitions a consumer without a group reads, comma separated (for example 0,2); all when empty. */
    public void setConsumerPartitions(String consumerPartitions) {
        this.consumerPartitions = consumerPartitions;
    }

    public IggyPollingStrategy getPollingStrategy() {
        return pollingStrategy;
    }

    /**
     * Where the consumer starts on each partition when the route starts: next (after the stored offset, the
     * default), first, last (the newest pollBatchSize messages), offset (startOffset) or timestamp (startTimestamp).
     */
    public void setPollingStrategy(IggyPollingStrategy pollingStrategy) {
        this.pollingStrategy = pollingStrategy;
    }

    public long getStartOffset() {
        return startOffset;
    }

    /** The offset to start from with pollingStrategy=offset. */
    public void setStartOffset(long startOffset) {
        this.startOffset = startOffset;
    }

    public long getStartTimestamp() {
        return startTimestamp;
    }

    /** The time to start from with pollingStrategy=timestamp, in milliseconds since the epoch. */
    public void setStartTimestamp(long startTimestamp) {
        this.startTimestamp = startTimestamp;
    }

    public int getPollBatchSize() {
        return pollBatchSize;
    }

    /**
     * The most messages a poll task holds at once. Where the next poll may go out while a batch is processed
     * (commitMode=onPoll in a group polling from next, or a consumer without a group, except with manual commits), each poll asks for
     * half of it, so that the server works on the next batch while the route processes this one; otherwise each
     * poll asks for all of it.
     */
    public void setPollBatchSize(int pollBatchSize) {
        this.pollBatchSize = pollBatchSize;
    }

    public long getPollIntervalMs() {
        return pollIntervalMs;
    }

    /** How long a consumer waits before polling again after a poll that returned nothing, in milliseconds. */
    public void setPollIntervalMs(long pollIntervalMs) {
        this.pollIntervalMs = pollIntervalMs;
    }

    public int getConsumersCount() {
        return consumersCount;
    }

    /**
     * How many poll tasks the consumer runs, each with its own connection: in a consumer group each is a member, so
     * the server gives each its own partitions; without a group they share consumerPartitions.
     */
    public void setConsumersCount(int consumersCount) {
        this.consumersCount = consumersCount;
    }

    public IggyCommitMode getCommitMode() {
        return commitMode;
    }

    /**
     * When offsets are stored on the server: afterProcessing (at-least-once: only past exchanges that completed, in
     * order), onPoll (the server commits when it returns the messages: at-most-once, fastest), or manual (the route
     * calls commit() on the CamelIggyManualCommit header).
     */
    public void setCommitMode(IggyCommitMode commitMode) {
        this.commitMode = commitMode;
    }

    public boolean isBreakOnFirstError() {
        return breakOnFirstError;
    }

    /**
     * When an exchange fails: false (the default) leaves it to the route's error handler and goes on; true stops the
     * partition there and polls it again from the last committed offset after a backoff, so the failed message comes
     * again.
     */
    public void setBreakOnFirstError(boolean breakOnFirstError) {
        this.breakOnFirstError = breakOnFirstError;
    }

    public boolean isBatching() {
        return batching;
    }

    /**
     * One exchange per poll, whose body is the list of polled messages as exchanges (each with its headers and
     * body); the commit covers the whole list.
     */
    public void setBatching(boolean batching) {
        this.batching = batching;
    }

    public long getShutdownTimeout() {
        return shutdownTimeout;
    }

    /** How long stopping a consumer waits for in-flight exchanges before it commits and leaves, in milliseconds. */
    public void setShutdownTimeout(long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }
}
