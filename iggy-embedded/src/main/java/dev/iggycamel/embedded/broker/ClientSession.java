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

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One client connection. Iggy 0.8 binds the login and consumer-group memberships to the connection, so a client
 * with a pool of five connections is five sessions.
 */
public final class ClientSession {

    /** The user id of a connection that has not logged in. */
    public static final int NO_USER = -1;

    /** A consumer group this connection is a member of. */
    record Membership(int streamId, int topicId, int groupId) {}

    private final int clientId;
    private final String address;
    private volatile int userId = NO_USER;
    private volatile boolean orphaned;
    /** In join order, which GET_ME and GET_CLIENT report (the server appends to a list). */
    final Set<Membership> memberships = new CopyOnWriteArraySet<>();

    ClientSession(int clientId, String address) {
        this.clientId = clientId;
        this.address = address;
    }

    public int clientId() {
        return clientId;
    }

    /** The peer address as "ip:port". */
    public String address() {
        return address;
    }

    public int userId() {
        return userId;
    }

    public boolean isAuthenticated() {
        return userId != NO_USER;
    }

    void login(int userId) {
        this.userId = userId;
    }

    void logout() {
        this.userId = NO_USER;
    }

    /** Its user was deleted: the connection stays, but the server no longer knows it as a client. */
    void orphan() {
        this.orphaned = true;
    }

    public boolean isOrphaned() {
        return orphaned;
    }
}
