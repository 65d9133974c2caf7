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
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code iggy} dev console: each endpoint with its server, counters, producer queue and, per consumer task,
 * its state, last error and per-partition committed offset and lag.
 */
@DevConsole(name = "iggy", displayName = "Iggy", description = "Apache Iggy endpoints, connections, offsets and lag")
public class IggyDevConsole extends AbstractDevConsole {

    public IggyDevConsole() {
        super("camel", "iggy", "Iggy", "Apache Iggy endpoints, connections, offsets and lag");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Endpoint candidate : getCamelContext().getEndpoints()) {
            if (!(candidate instanceof IggyEndpoint endpoint)) {
                continue;
            }
            IggyStatistics stats = endpoint.getStatistics();
            text.append(String.format(
                    "Endpoint: %s%n    Server: %s%n    Sent: %d messages in %d frames (%d bytes), %d failed frames%n"
                            + "    Polled: %d messages in %d polls, %d commits, %d failed exchanges, %d reconnects%n",
                    endpoint.getEndpointUri(),
                    endpoint.getServiceUrl(),
                    stats.messagesSent(),
                    stats.framesSent(),
                    stats.bytesSent(),
                    stats.sendErrors(),
                    stats.messagesPolled(),
                    stats.polls(),
                    stats.offsetsCommitted(),
                    stats.processingErrors(),
                    stats.reconnects()));
            IggySender sender = endpoint.getSender();
            if (sender != null) {
                text.append(String.format(
                        "    Producer: %d frame(s) in flight, %d byte(s) queued%s%n",
                        sender.inFlight(),
                        sender.queuedBytes(),
                        sender.lastError() != null
                                ? ", last error: " + sender.lastError().getMessage()
                                : ""));
            }
            for (IggyConsumer consumer : endpoint.getConsumers()) {
                for (IggyPollTask task : consumer.getTasks()) {
                    text.append(String.format(
                            "    Consumer %d (route %s): %s%s%n",
                            task.index(),
                            consumer.getRouteId(),
                            task.state(),
                            task.lastError() != null
                                    ? ", last error: " + task.lastError().getMessage()
                                    : ""));
                    for (IggyPartitionProgress partition : task.progress().values()) {
                        text.append(String.format(
                                "        Partition %d: current offset %d, polled %d, committed %d, lag %d%n",
                                partition.partitionId(),
                                partition.currentOffset(),
                                partition.polledOffset(),
                                partition.committedOffset(),
                                partition.lag()));
                    }
                }
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray endpoints = new JsonArray();
        for (Endpoint candidate : getCamelContext().getEndpoints()) {
            if (!(candidate instanceof IggyEndpoint endpoint)) {
                continue;
            }
            IggyStatistics stats = endpoint.getStatistics();
            JsonObject json = new JsonObject();
            json.put("uri", endpoint.getEndpointUri());
            json.put("server", endpoint.getServiceUrl());
            json.put("messagesSent", stats.messagesSent());
            json.put("framesSent", stats.framesSent());
            json.put("bytesSent", stats.bytesSent());
            json.put("sendErrors", stats.sendErrors());
            json.put("messagesPolled", stats.messagesPolled());
            json.put("polls", stats.polls());
            json.put("offsetsCommitted", stats.offsetsCommitted());
            json.put("processingErrors", stats.processingErrors());
            json.put("reconnects", stats.reconnects());
            IggySender sender = endpoint.getSender();
            if (sender != null) {
                json.put("inFlight", sender.inFlight());
                json.put("queuedBytes", sender.queuedBytes());
            }
            JsonArray consumers = new JsonArray();
            for (IggyConsumer consumer : endpoint.getConsumers()) {
                for (IggyPollTask task : consumer.getTasks()) {
                    JsonObject taskJson = new JsonObject();
                    taskJson.put("routeId", consumer.getRouteId());
                    taskJson.put("index", task.index());
                    taskJson.put("state", task.state().name());
                    taskJson.put("connected", task.isConnected());
                    taskJson.put("lastPollAt", task.lastPollAt());
                    if (task.lastError() != null) {
                        taskJson.put("lastError", task.lastError().getMessage());
                    }
                    JsonArray partitions = new JsonArray();
                    for (IggyPartitionProgress partition : task.progress().values()) {
                        JsonObject partitionJson = new JsonObject();
                        partitionJson.put("partitionId", partition.partitionId());
                        partitionJson.put("currentOffset", partition.currentOffset());
                        partitionJson.put("polledOffset", partition.polledOffset());
                        partitionJson.put("committedOffset", partition.committedOffset());
                        partitionJson.put("lag", partition.lag());
                        partitions.add(partitionJson);
                    }
                    taskJson.put("partitions", partitions);
                    consumers.add(taskJson);
                }
            }
            json.put("consumers", consumers);
            endpoints.add(json);
        }
        root.put("endpoints", endpoints);
        return root;
    }
}
