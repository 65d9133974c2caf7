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

import dev.iggycamel.component.transport.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's lifecycle: at start it provisions the topic and group and connects its {@code consumersCount}
 * poll tasks (so bad credentials or a missing stream fail the route's start, naming them), then runs them; at stop
 * it lets them finish their batch, commit and leave within {@code shutdownTimeout}.
 */
public class IggyConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(IggyConsumer.class);

    private final IggyEndpoint endpoint;
    private final IggyConfiguration configuration;
    private final List<IggyPollTask> tasks = new ArrayList<>();
    private ExecutorService executor;

    public IggyConsumer(IggyEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public IggyEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getConsumerGroup() == null && configuration.getConsumerName() == null) {
            throw new IllegalArgumentException("An Iggy consumer of " + endpoint.address() + " needs consumerGroup"
                    + " (partitions shared by the group's members) or consumerName (a single consumer)");
        }
        TopicInfo topic = provision();
        List<List<Long>> assignments = assignments(topic);
        for (int i = 0; i < configuration.getConsumersCount(); i++) {
            IggyPollTask task = new IggyPollTask(this, i, assignments == null ? null : assignments.get(i));
            tasks.add(task);
        }
        try {
            for (IggyPollTask task : tasks) {
                task.connect();
            }
        } catch (Exception e) {
            for (IggyPollTask task : tasks) {
                task.abandon();
            }
            tasks.clear();
            throw e;
        }
        executor = endpoint.getCamelContext()
                .getExecutorServiceManager()
                .newFixedThreadPool(this, "IggyConsumer[" + endpoint.address() + "]", tasks.size());
        for (IggyPollTask task : tasks) {
            executor.submit(task);
        }
        endpoint.getConsumers().add(this);
        registerHealthCheck();
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getConsumers().remove(this);
        stopTasks(configuration.getShutdownTimeout());
        if (executor != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        tasks.clear();
        super.doStop();
    }

    /** The running poll tasks, for health checks and the dev console. */
    public List<IggyPollTask> getTasks() {
        return List.copyOf(tasks);
    }

    private void stopTasks(long timeoutMillis) throws InterruptedException {
        for (IggyPollTask task : tasks) {
            task.stop();
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (IggyPollTask task : tasks) {
            long left = Math.max(1, deadline - System.currentTimeMillis());
            if (executor != null && !task.awaitStopped(left)) {
                LOG.warn(
                        "Iggy consumer {} of {} did not finish within shutdownTimeout ({} ms)",
                        task.index(),
                        endpoint.address(),
                        timeoutMillis);
            }
        }
    }

    /** Looks up (or creates) the topic and the group, once, over a connection of its own. */
    private TopicInfo provision() throws Exception {
        long timeout = configuration.getConnectTimeout() * 2;
        var connection = IggyFutures.await(endpoint.transport().connect(endpoint.connectionSettings(1)), timeout);
        try {
            TopicInfo topic = IggyFutures.await(
                    connection.ensureTopic(
                            endpoint.address(), configuration.isAutoCreateStream(), endpoint.topicSettings()),
                    timeout);
            if (configuration.getConsumerGroup() != null) {
                IggyFutures.await(
                        connection.ensureGroup(
                                endpoint.address(),
                                configuration.getConsumerGroup(),
                                configuration.isAutoCreateConsumerGroup()),
                        timeout);
            }
            return topic;
        } finally {
            connection.close();
        }
    }

    /** Without a group: the partitions each task reads (consumerPartitions, or all), dealt round robin. */
    private List<List<Long>> assignments(TopicInfo topic) {
        if (configuration.getConsumerGroup() != null) {
            return null;
        }
        List<Long> partitions = configuration.getConsumerPartitions() != null
                ? parsePartitions(configuration.getConsumerPartitions())
                : new ArrayList<>();
        if (configuration.getConsumerPartitions() == null) {
            for (long p = 0; p < topic.partitions(); p++) {
                partitions.add(p);
            }
        }
        for (long partition : partitions) {
            if (partition >= topic.partitions()) {
                throw new IllegalArgumentException("Invalid Iggy option consumerPartitions: partition " + partition
                        + " does not exist in " + endpoint.address() + ", which has " + topic.partitions());
            }
        }
        List<List<Long>> assignments = new ArrayList<>();
        for (int i = 0; i < configuration.getConsumersCount(); i++) {
            assignments.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            assignments.get(i % assignments.size()).add(partitions.get(i));
        }
        if (partitions.size() < configuration.getConsumersCount()) {
            LOG.warn(
                    "{} consumers for {} partition(s) of {}: {} of them will stay idle",
                    configuration.getConsumersCount(),
                    partitions.size(),
                    endpoint.address(),
                    configuration.getConsumersCount() - partitions.size());
        }
        return assignments;
    }

    /** "0,2, 5" as partition ids. */
    static List<Long> parsePartitions(String text) {
        List<Long> partitions = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                long partition = Long.parseLong(trimmed);
                if (partition < 0) {
                    throw new NumberFormatException();
                }
                partitions.add(partition);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid Iggy option consumerPartitions: " + trimmed
                        + " is not a partition number (use a list such as 0,2)");
            }
        }
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("Invalid Iggy option consumerPartitions: no partition in " + text);
        }
        return partitions;
    }

    /** Exposes this consumer's readiness to Camel's consumers health-check repository, when health checks run. */
    private void registerHealthCheck() {
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "consumers", HealthCheckRepository.class);
        if (repository != null) {
            IggyConsumerHealthCheck check = new IggyConsumerHealthCheck(this, getRouteId());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }
}
