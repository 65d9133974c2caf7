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

import dev.iggycamel.component.transport.TopicAddress;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends exchanges to Iggy without blocking a Camel thread on I/O: each exchange goes to the endpoint's
 * {@link IggySender}, which batches concurrent exchanges into send frames and completes each exchange when the
 * frame carrying it is acknowledged.
 */
public class IggyProducer extends DefaultAsyncProducer {

    private final IggyEndpoint endpoint;
    private IggyOutboundConverter converter;
    private IggySender sender;
    private IggyProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public IggyProducer(IggyEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        converter = new IggyOutboundConverter(endpoint);
        sender = endpoint.acquireSender();
        if (endpoint.getComponent().isHealthCheckProducerEnabled()) {
            healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(
                    endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
            if (healthCheckRepository != null) {
                healthCheck = new IggyProducerHealthCheck(this, endpoint.getId());
                healthCheckRepository.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (sender != null) {
            endpoint.releaseSender();
            sender = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            TopicAddress address = target(exchange);
            return sender.send(
                    exchange, address, converter.partitioning(exchange), converter.messages(exchange), callback);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /** The endpoint's topic, or the one the override headers name (the headers are removed). */
    private TopicAddress target(Exchange exchange) {
        Message in = exchange.getMessage();
        Object stream = in.removeHeader(IggyConstants.OVERRIDE_STREAM);
        Object topic = in.removeHeader(IggyConstants.OVERRIDE_TOPIC);
        TopicAddress address = endpoint.address();
        if (stream == null && topic == null) {
            return address;
        }
        return new TopicAddress(
                stream != null ? stream.toString() : address.stream(),
                topic != null ? topic.toString() : address.topic());
    }

    /** The sender this producer uses (shared by the endpoint's producers). */
    public IggySender getSender() {
        return sender;
    }
}
