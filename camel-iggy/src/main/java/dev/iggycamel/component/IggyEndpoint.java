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

import dev.iggycamel.component.transport.IggyConnectionSettings;
import dev.iggycamel.component.transport.IggyTransport;
import dev.iggycamel.component.transport.TopicAddress;
import dev.iggycamel.component.transport.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Send messages to, and consume messages from, an Apache Iggy stream and topic.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "iggy",
        title = "Iggy",
        syntax = "iggy:stream/topic",
        category = {Category.MESSAGING},
        headersClass = IggyConstants.class)
@ManagedResource(description = "Iggy endpoint")
public class IggyEndpoint extends DefaultEndpoint implements EndpointServiceLocation, HeaderFilterStrategyAware {

    @UriParam
    private IggyConfiguration configuration;

    @UriParam(label = "advanced", description = "Filters which Camel headers become Iggy user headers and back.")
    private HeaderFilterStrategy headerFilterStrategy = new IggyHeaderFilterStrategy();

    private final IggyStatistics statistics = new IggyStatistics();
    private final List<IggyConsumer> consumers = new CopyOnWriteArrayList<>();
    private IggySender sender;
    private int senderUsers;
    private Path trustedCertificate;

    public IggyEndpoint(String uri, IggyComponent component, IggyConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public IggyComponent getComponent() {
        return (IggyComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return new IggyProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        IggyConsumer consumer = new IggyConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public IggyConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(IggyConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    /** Counters of this endpoint's producers and consumers. */
    public IggyStatistics getStatistics() {
        return statistics;
    }

    /** The running consumers of this endpoint, for health checks and the dev console. */
    public List<IggyConsumer> getConsumers() {
        return consumers;
    }

    /** The shared sender of this endpoint's producers, or null when none runs. */
    public synchronized IggySender getSender() {
        return sender;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getHost() + ":" + configuration.getPort();
    }

    @Override
    public String getServiceProtocol() {
        return "iggy";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return Map.of("stream", configuration.getStream(), "topic", configuration.getTopic());
    }

    @ManagedAttribute(description = "Messages sent and acknowledged by the server")
    public long getMessagesSent() {
        return statistics.messagesSent();
    }

    @ManagedAttribute(description = "Send frames acknowledged by the server")
    public long getFramesSent() {
        return statistics.framesSent();
    }

    @ManagedAttribute(description = "Payload bytes sent and acknowledged")
    public long getBytesSent() {
        return statistics.bytesSent();
    }

    @ManagedAttribute(description = "Send frames the server refused or that failed")
    public long getSendErrors() {
        return statistics.sendErrors();
    }

    @ManagedAttribute(description = "Messages polled")
    public long getMessagesPolled() {
        return statistics.messagesPolled();
    }

    @ManagedAttribute(description = "Offsets stored on the server")
    public long getOffsetsCommitted() {
        return statistics.offsetsCommitted();
    }

    @ManagedAttribute(description = "Consumed exchanges that failed")
    public long getProcessingErrors() {
        return statistics.processingErrors();
    }

    @ManagedAttribute(description = "Times a consumer reconnected")
    public long getReconnects() {
        return statistics.reconnects();
    }

    /** The topic of the endpoint URI. */
    public TopicAddress address() {
        return new TopicAddress(configuration.getStream(), configuration.getTopic());
    }

    /** How to create the topic when it is missing and allowed, or null. */
    public TopicSettings topicSettings() {
        if (!configuration.isAutoCreateTopic()) {
            return null;
        }
        return new TopicSettings(
                configuration.getPartitions(),
                "gzip".equalsIgnoreCase(configuration.getCompression()),
                configuration.getMessageExpiry() * 1000,
                configuration.getMaxTopicSize(),
                configuration.getReplicationFactor());
    }

    /** How to connect and log in, with the given number of TCP connections. */
    public synchronized IggyConnectionSettings connectionSettings(int connections) {
        IggyConfiguration c = configuration;
        SSLContextParameters ssl = c.getSslContextParameters();
        if (ssl == null && getComponent().isUseGlobalSslContextParameters()) {
            ssl = getComponent().retrieveGlobalSslContextParameters();
        }
        boolean tls = c.isTls() || c.getTlsCertificate() != null || ssl != null;
        Path trusted = null;
        if (c.getTlsCertificate() != null) {
            trusted = Path.of(c.getTlsCertificate());
        } else if (ssl != null) {
            if (trustedCertificate == null) {
                trustedCertificate = IggyTrustedCertificates.export(ssl, getCamelContext());
            }
            trusted = trustedCertificate;
        }
        String username = c.getUsername();
        String password = c.getPassword();
        if (c.getPersonalAccessToken() == null && username == null && password == null) {
            // the server's default root user, as Iggy's own tools and the embedded server use it
            username = "iggy";
            password = "iggy";
        }
        return new IggyConnectionSettings(
                c.getHost(),
                c.getPort(),
                username,
                password,
                c.getPersonalAccessToken(),
                tls,
                trusted,
                Duration.ofMillis(c.getConnectTimeout()),
                connections);
    }

    IggyTransport transport() {
        return getComponent().transportFor(configuration);
    }

    /** The sender shared by this endpoint's producers, started by the first producer and stopped by the last. */
    synchronized IggySender acquireSender() throws Exception {
        if (sender == null) {
            sender = new IggySender(this);
            sender.start();
        }
        senderUsers++;
        return sender;
    }

    synchronized void releaseSender() {
        if (--senderUsers == 0 && sender != null) {
            sender.stop();
            sender = null;
        }
    }
}
