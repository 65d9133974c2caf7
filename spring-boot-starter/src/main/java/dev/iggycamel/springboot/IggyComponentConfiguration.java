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
package dev.iggycamel.springboot;

import dev.iggycamel.component.IggyCommitMode;
import dev.iggycamel.component.IggyConfiguration;
import dev.iggycamel.component.IggyHeaderPolicy;
import dev.iggycamel.component.IggyPartitioning;
import dev.iggycamel.component.IggyPollingStrategy;
import dev.iggycamel.component.transport.IggyTransport;
import java.time.Duration;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.iggy.*} properties: one per option of the {@code iggy} component (its {@code iggy.json}
 * metadata), copied onto the component Camel creates. A property left unset keeps the component's own default, so a
 * {@code configuration} bean given here is not overwritten by defaults. {@code SpringConfigurationMetadataTest} fails
 * when an option of the component has no property here, or the types disagree.
 */
@ConfigurationProperties(prefix = "camel.component.iggy")
public class IggyComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Create the stream at start if it does not exist (streams given by name only). When false, a missing stream
     * fails the route's start with a message naming it.
     */
    private Boolean autoCreateStream;

    /**
     * Create the topic at start if it does not exist (topics given by name only), with partitions, compression,
     * messageExpiry, maxTopicSize and replicationFactor.
     */
    private Boolean autoCreateTopic;

    /**
     * The shared configuration: the options its endpoints start from. The value is a reference to a bean of type
     * IggyConfiguration (#beanName).
     */
    private IggyConfiguration configuration;

    /**
     * The host of the Iggy server.
     */
    private String host;

    /**
     * The number of partitions of a topic the endpoint creates (0 to 1000).
     */
    private Integer partitions;

    /**
     * The TCP port of the Iggy server.
     */
    private Integer port;

    /**
     * Create the consumer group if it does not exist.
     */
    private Boolean autoCreateConsumerGroup;

    /**
     * One exchange per poll, whose body is the list of polled messages as exchanges (each with its headers and
     * body); the commit covers the whole list.
     */
    private Boolean batching;

    /**
     * When an exchange fails: false (the default) leaves it to the route's error handler and goes on; true stops the
     * partition there and polls it again from the last committed offset after a backoff, so the failed message comes
     * again.
     */
    private Boolean breakOnFirstError;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * When offsets are stored on the server: afterProcessing (at-least-once: only past exchanges that completed, in
     * order), onPoll (the server commits when it returns the messages: at-most-once, fastest), or manual (the route
     * calls commit() on the CamelIggyManualCommit header).
     */
    private IggyCommitMode commitMode;

    /**
     * The consumer group to consume in, by name or numeric id. The server spreads the topic's partitions over the
     * group's members, so several routes or Camel instances share the topic.
     */
    private String consumerGroup;

    /**
     * Consume without a group, as this single consumer (name or numeric id), which owns the stored offsets. Reads
     * consumerPartitions, or every partition.
     */
    private String consumerName;

    /**
     * The partitions a consumer without a group reads, comma separated (for example 0,2); all when empty.
     */
    private String consumerPartitions;

    /**
     * How many poll tasks the consumer runs, each with its own connection: in a consumer group each is a member, so
     * the server gives each its own partitions; without a group they share consumerPartitions.
     */
    private Integer consumersCount;

    /**
     * The most messages one poll returns.
     */
    private Integer pollBatchSize;

    /**
     * Where the consumer starts on each partition when the route starts: next (after the stored offset, the
     * default), first, last (the newest pollBatchSize messages), offset (startOffset) or timestamp (startTimestamp).
     */
    private IggyPollingStrategy pollingStrategy;

    /**
     * How long a consumer waits before polling again after a poll that returned nothing, in milliseconds. Accepts a
     * duration such as 500ms or 5s; a bare number is milliseconds.
     */
    private Duration pollIntervalMs;

    /**
     * How long stopping a consumer waits for in-flight exchanges before it commits and leaves, in milliseconds.
     * Accepts a duration such as 500ms or 5s; a bare number is milliseconds.
     */
    private Duration shutdownTimeout;

    /**
     * The offset to start from with pollingStrategy=offset.
     */
    private Long startOffset;

    /**
     * The time to start from with pollingStrategy=timestamp, in milliseconds since the epoch.
     */
    private Long startTimestamp;

    /**
     * The most bytes in one send frame (a larger single message still goes, alone).
     */
    private Integer batchMaxBytes;

    /**
     * The most messages in one send frame.
     */
    private Integer batchMaxMessages;

    /**
     * What to do with a Camel header that cannot become a typed Iggy user header (a type other than String, Boolean,
     * Byte, Short, Integer, Long, Float, Double, byte, or a key or value over 255 bytes): fail the exchange (naming
     * the header), skip it, or send its string form.
     */
    private IggyHeaderPolicy headerPolicy;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * How long a send frame waits for more messages before it goes, in milliseconds. 0 sends whatever is queued as
     * soon as a frame can be in flight, which batches naturally under load. Accepts a duration such as 500ms or 5s;
     * a bare number is milliseconds.
     */
    private Duration lingerMs;

    /**
     * The most send frames awaiting the server's acknowledgement at once (each on its own connection).
     */
    private Integer maxInFlight;

    /**
     * The partition to send to (0-based); implies partitioning=partitionId.
     */
    private Long partitionId;

    /**
     * How messages are spread over partitions when neither the CamelIggyPartitionId nor the CamelIggyPartitionKey
     * header says: balanced (the server's round robin), partitionId (the partitionId option) or messagesKey (the
     * partitionKey option). Setting partitionId or partitionKey implies the matching mode.
     */
    private IggyPartitioning partitioning;

    /**
     * The messages key the server hashes to pick the partition; a Camel simple expression such as ${header.device}
     * is evaluated per exchange. Implies partitioning=messagesKey.
     */
    private String partitionKey;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * The first delay, in milliseconds, before a consumer reconnects after losing its connection or polls again
     * after a failed exchange with breakOnFirstError; it doubles on every failure in a row, up to backoffMax.
     * Accepts a duration such as 500ms or 5s; a bare number is milliseconds.
     */
    private Duration backoff;

    /**
     * The longest delay between reconnection attempts or retries, in milliseconds. Accepts a duration such as 500ms
     * or 5s; a bare number is milliseconds.
     */
    private Duration backoffMax;

    /**
     * The compression a created topic is marked with: none or gzip.
     */
    private String compression;

    /**
     * How the endpoint speaks Iggy's TCP protocol: native (the component's own client: exchanges encoded straight
     * into one send frame, polled messages decoded without per-field objects) or sdk (the Iggy Java SDK 0.8.0 client).
     * Not used when the component is given a transport.
     */
    private String transportType;

    /**
     * How long opening a connection to the server may take, in milliseconds. Accepts a duration such as 500ms or 5s;
     * a bare number is milliseconds.
     */
    private Duration connectTimeout;

    /**
     * The size bound of a created topic, in bytes; 0 for the server's default (unlimited).
     */
    private Long maxTopicSize;

    /**
     * How long a created topic keeps messages, in milliseconds; 0 for the server's default (no expiry). Accepts a
     * duration such as 500ms or 5s; a bare number is milliseconds.
     */
    private Duration messageExpiry;

    /**
     * The replication factor of a created topic; 0 for the server's default.
     */
    private Integer replicationFactor;

    /**
     * How the component talks to Iggy; by default the Iggy Java SDK 0.8 over TCP. The value is a reference to a bean
     * of type IggyTransport (#beanName).
     */
    private IggyTransport transport;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * The user's password.
     */
    private String password;

    /**
     * A personal access token to log in with; when set, username and password are not used.
     */
    private String personalAccessToken;

    /**
     * Camel SSL configuration; implies TLS. Its trust material (the trust managers' key store) decides which server
     * certificates are trusted. The value is a reference to a bean of type SSLContextParameters (#beanName).
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Connect with TLS. Implied by tlsCertificate and sslContextParameters; on its own the JVM's default trust store
     * decides which server certificates are trusted.
     */
    private Boolean tls;

    /**
     * A PEM file with the certificate (or CA) to trust for the server's TLS certificate; implies TLS.
     */
    private String tlsCertificate;

    /**
     * Use the global SSL context parameters when an endpoint configures none.
     */
    private Boolean useGlobalSslContextParameters;

    /**
     * The user to log in as (with password), when no personal access token is set.
     */
    private String username;

    public Boolean getAutoCreateStream() {
        return autoCreateStream;
    }

    public void setAutoCreateStream(Boolean autoCreateStream) {
        this.autoCreateStream = autoCreateStream;
    }

    public Boolean getAutoCreateTopic() {
        return autoCreateTopic;
    }

    public void setAutoCreateTopic(Boolean autoCreateTopic) {
        this.autoCreateTopic = autoCreateTopic;
    }

    public IggyConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(IggyConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPartitions() {
        return partitions;
    }

    public void setPartitions(Integer partitions) {
        this.partitions = partitions;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Boolean getAutoCreateConsumerGroup() {
        return autoCreateConsumerGroup;
    }

    public void setAutoCreateConsumerGroup(Boolean autoCreateConsumerGroup) {
        this.autoCreateConsumerGroup = autoCreateConsumerGroup;
    }

    public Boolean getBatching() {
        return batching;
    }

    public void setBatching(Boolean batching) {
        this.batching = batching;
    }

    public Boolean getBreakOnFirstError() {
        return breakOnFirstError;
    }

    public void setBreakOnFirstError(Boolean breakOnFirstError) {
        this.breakOnFirstError = breakOnFirstError;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public IggyCommitMode getCommitMode() {
        return commitMode;
    }

    public void setCommitMode(IggyCommitMode commitMode) {
        this.commitMode = commitMode;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getConsumerName() {
        return consumerName;
    }

    public void setConsumerName(String consumerName) {
        this.consumerName = consumerName;
    }

    public String getConsumerPartitions() {
        return consumerPartitions;
    }

    public void setConsumerPartitions(String consumerPartitions) {
        this.consumerPartitions = consumerPartitions;
    }

    public Integer getConsumersCount() {
        return consumersCount;
    }

    public void setConsumersCount(Integer consumersCount) {
        this.consumersCount = consumersCount;
    }

    public Integer getPollBatchSize() {
        return pollBatchSize;
    }

    public void setPollBatchSize(Integer pollBatchSize) {
        this.pollBatchSize = pollBatchSize;
    }

    public IggyPollingStrategy getPollingStrategy() {
        return pollingStrategy;
    }

    public void setPollingStrategy(IggyPollingStrategy pollingStrategy) {
        this.pollingStrategy = pollingStrategy;
    }

    public Duration getPollIntervalMs() {
        return pollIntervalMs;
    }

    public void setPollIntervalMs(Duration pollIntervalMs) {
        this.pollIntervalMs = pollIntervalMs;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Long getStartOffset() {
        return startOffset;
    }

    public void setStartOffset(Long startOffset) {
        this.startOffset = startOffset;
    }

    public Long getStartTimestamp() {
        return startTimestamp;
    }

    public void setStartTimestamp(Long startTimestamp) {
        this.startTimestamp = startTimestamp;
    }

    public Integer getBatchMaxBytes() {
        return batchMaxBytes;
    }

    public void setBatchMaxBytes(Integer batchMaxBytes) {
        this.batchMaxBytes = batchMaxBytes;
    }

    public Integer getBatchMaxMessages() {
        return batchMaxMessages;
    }

    public void setBatchMaxMessages(Integer batchMaxMessages) {
        this.batchMaxMessages = batchMaxMessages;
    }

    public IggyHeaderPolicy getHeaderPolicy() {
        return headerPolicy;
    }

    public void setHeaderPolicy(IggyHeaderPolicy headerPolicy) {
        this.headerPolicy = headerPolicy;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Duration getLingerMs() {
        return lingerMs;
    }

    public void setLingerMs(Duration lingerMs) {
        this.lingerMs = lingerMs;
    }

    public Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public Long getPartitionId() {
        return partitionId;
    }

    public void setPartitionId(Long partitionId) {
        this.partitionId = partitionId;
    }

    public IggyPartitioning getPartitioning() {
        return partitioning;
    }

    public void setPartitioning(IggyPartitioning partitioning) {
        this.partitioning = partitioning;
    }

    public String getPartitionKey() {
        return partitionKey;
    }

    public void setPartitionKey(String partitionKey) {
        this.partitionKey = partitionKey;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getBackoff() {
        return backoff;
    }

    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }

    public Duration getBackoffMax() {
        return backoffMax;
    }

    public void setBackoffMax(Duration backoffMax) {
        this.backoffMax = backoffMax;
    }

    public String getCompression() {
        return compression;
    }

    public void setCompression(String compression) {
        this.compression = compression;
    }

    public String getTransportType() {
        return transportType;
    }

    public void setTransportType(String transportType) {
        this.transportType = transportType;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Long getMaxTopicSize() {
        return maxTopicSize;
    }

    public void setMaxTopicSize(Long maxTopicSize) {
        this.maxTopicSize = maxTopicSize;
    }

    public Duration getMessageExpiry() {
        return messageExpiry;
    }

    public void setMessageExpiry(Duration messageExpiry) {
        this.messageExpiry = messageExpiry;
    }

    public Integer getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(Integer replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public IggyTransport getTransport() {
        return transport;
    }

    public void setTransport(IggyTransport transport) {
        this.transport = transport;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPersonalAccessToken() {
        return personalAccessToken;
    }

    public void setPersonalAccessToken(String personalAccessToken) {
        this.personalAccessToken = personalAccessToken;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }

    public String getTlsCertificate() {
        return tlsCertificate;
    }

    public void setTlsCertificate(String tlsCertificate) {
        this.tlsCertificate = tlsCertificate;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
