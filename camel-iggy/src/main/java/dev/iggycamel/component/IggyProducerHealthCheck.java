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

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of an Iggy producer: DOWN, with the reason, when the endpoint's sender has no connection or its last
 * send failed and the server does not answer a ping now; UP otherwise.
 */
public class IggyProducerHealthCheck extends AbstractHealthCheck {

    private static final long PING_TIMEOUT_MILLIS = 2000;

    private final IggyProducer producer;

    public IggyProducerHealthCheck(IggyProducer producer, String id) {
        super("camel", "producer:iggy-" + id);
        this.producer = producer;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        IggyEndpoint endpoint = (IggyEndpoint) producer.getEndpoint();
        builder.detail("server", endpoint.getServiceUrl());
        builder.detail("stream", endpoint.getConfiguration().getStream());
        builder.detail("topic", endpoint.getConfiguration().getTopic());
        IggySender sender = producer.getSender();
        if (sender == null) {
            builder.message("The Iggy producer of " + endpoint.address() + " is not started")
                    .down();
            return;
        }
        try {
            sender.ping(PING_TIMEOUT_MILLIS);
            builder.up();
        } catch (Exception e) {
            builder.message("The Iggy server at " + endpoint.getServiceUrl() + " does not answer the producer of "
                            + endpoint.address() + ": " + e.getMessage())
                    .error(e)
                    .down();
        }
    }
}
