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
 * Readiness of an Iggy consumer: DOWN, with the reason, while any of its poll tasks is not connected (or not in its
 * group) or its last attempt failed; UP once every task polls again.
 */
public class IggyConsumerHealthCheck extends AbstractHealthCheck {

    private final IggyConsumer consumer;
    private final String routeId;

    public IggyConsumerHealthCheck(IggyConsumer consumer, String routeId) {
        super("camel", "consumer:iggy-" + routeId);
        this.consumer = consumer;
        this.routeId = routeId;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        IggyEndpoint endpoint = consumer.getEndpoint();
        IggyConfiguration configuration = endpoint.getConfiguration();
        builder.detail("route.id", routeId);
        builder.detail("server", endpoint.getServiceUrl());
        builder.detail("stream", configuration.getStream());
        builder.detail("topic", configuration.getTopic());
        if (configuration.getConsumerGroup() != null) {
            builder.detail("consumer.group", configuration.getConsumerGroup());
        } else {
            builder.detail("consumer.name", configuration.getConsumerName());
        }
        for (IggyPollTask task : consumer.getTasks()) {
            if (!task.isConnected() || task.state() != IggyPollTask.State.POLLING) {
                Throwable error = task.lastError();
                String reason = "Iggy consumer " + task.index() + " of " + endpoint.address() + " at "
                        + endpoint.getServiceUrl() + " is "
                        + task.state().name().toLowerCase()
                        + (task.isConnected() ? "" : ", not connected")
                        + (error != null ? ": " + error.getMessage() : "");
                builder.message(reason);
                if (error != null) {
                    builder.error(error);
                }
                builder.down();
                return;
            }
        }
        builder.up();
    }
}
