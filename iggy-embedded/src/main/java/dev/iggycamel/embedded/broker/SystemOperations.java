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
package dev.iggycamel.embedded.broker;

import dev.iggycamel.embedded.broker.ClientSession.Membership;
import dev.iggycamel.embedded.broker.Views.ClientView;
import dev.iggycamel.embedded.broker.Views.GroupRef;
import dev.iggycamel.embedded.broker.Views.StatsView;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Server statistics and the list of client connections. */
public final class SystemOperations {

    /** The server version this broker imitates, and its packed form (major * 10^6 + minor * 10^3 + patch). */
    public static final String SERVER_VERSION = "0.8.0";

    public static final int SERVER_SEMVER = 8000;

    static final int TRANSPORT_TCP = 1;

    private final Broker broker;

    SystemOperations(Broker broker) {
        this.broker = broker;
    }

    public StatsView stats(ClientSession session) {
        broker.authorizer.readServers(session);
        return broker.read(() -> {
            int topics = 0;
            int partitions = 0;
            int groups = 0;
            long messages = 0;
            long bytes = 0;
            for (StreamState stream : broker.streams.values()) {
                topics += stream.topics.size();
                for (TopicState topic : stream.topics.values()) {
                    partitions += topic.partitions.size();
                    groups += topic.groups.size();
                    messages += topic.messagesCount();
                    bytes += topic.sizeBytes();
                }
            }
            Runtime runtime = Runtime.getRuntime();
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            float processCpu = 0;
            float totalCpu = 0;
            long totalMemory = runtime.maxMemory();
            long availableMemory = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                processCpu = (float) Math.max(0, sun.getProcessCpuLoad() * 100);
                totalCpu = (float) Math.max(0, sun.getCpuLoad() * 100);
                totalMemory = sun.getTotalMemorySize();
                availableMemory = sun.getFreeMemorySize();
            }
            File disk = broker.config.dataDirectory() != null
                    ? broker.config.dataDirectory().toFile()
                    : new File(System.getProperty("java.io.tmpdir"));
            long now = Clock.nowMicros();
            return new StatsView(
                    ProcessHandle.current().pid(),
                    processCpu,
                    totalCpu,
                    runtime.totalMemory() - runtime.freeMemory(),
                    totalMemory,
                    availableMemory,
                    now - broker.startedAt,
                    broker.startedAt,
                    broker.readBytes.sum(),
                    broker.writtenBytes.sum(),
                    bytes,
                    broker.streams.size(),
                    topics,
                    partitions,
                    partitions,
                    messages,
                    liveClients(),
                    groups,
                    hostname(),
                    System.getProperty("os.name", "unknown"),
                    System.getProperty("os.version", "unknown"),
                    System.getProperty("os.version", "unknown"),
                    SERVER_VERSION,
                    SERVER_SEMVER,
                    Thread.activeCount(),
                    disk.getUsableSpace(),
                    disk.getTotalSpace());
        });
    }

    public ClientView me(ClientSession session) {
        broker.authorizer.authenticated(session);
        broker.requireLiveClient(session, ErrorCode.CLIENT_NOT_FOUND);
        return view(session);
    }

    /** Empty when no such client is connected; client id 0 is invalid (101). */
    public Optional<ClientView> client(ClientSession session, long clientId) {
        broker.authorizer.readServers(session);
        if (clientId == 0) {
            throw new BrokerException(ErrorCode.INVALID_CLIENT_ID, "client id 0 is invalid");
        }
        ClientSession other = clientId > Integer.MAX_VALUE ? null : broker.sessions.get((int) clientId);
        return Optional.ofNullable(other).filter(c -> !c.isOrphaned()).map(SystemOperations::view);
    }

    public List<ClientView> clients(ClientSession session) {
        broker.authorizer.readServers(session);
        List<ClientView> views = new ArrayList<>();
        for (ClientSession other : broker.sessions.values()) {
            if (!other.isOrphaned()) {
                views.add(view(other));
            }
        }
        views.sort((a, b) -> Integer.compare(a.clientId(), b.clientId()));
        return views;
    }

    private int liveClients() {
        int count = 0;
        for (ClientSession session : broker.sessions.values()) {
            if (!session.isOrphaned()) {
                count++;
            }
        }
        return count;
    }

    static ClientView view(ClientSession session) {
        List<GroupRef> groups = new ArrayList<>();
        for (Membership membership : session.memberships) {
            groups.add(new GroupRef(membership.streamId(), membership.topicId(), membership.groupId()));
        }
        return new ClientView(session.clientId(), session.userId(), TRANSPORT_TCP, session.address(), groups);
    }

    private static String hostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isEmpty() ? "localhost" : name;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
