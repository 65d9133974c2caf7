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

import java.util.LinkedHashMap;
import java.util.Map;

/** A user, its password hash and its personal access tokens. Guarded by the broker's metadata lock. */
final class UserState {

    static final int ACTIVE = 1;
    static final int INACTIVE = 2;

    final int id;
    final long createdAt;
    String username;
    byte[] passwordHash;
    int status;
    /** Null when the user has no permissions. */
    Permissions permissions;
    /** Tokens by name, in creation order. */
    final Map<String, PersonalAccessToken> tokens = new LinkedHashMap<>();

    UserState(int id, String username, byte[] passwordHash, int status, Permissions permissions, long createdAt) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.status = status;
        this.permissions = permissions;
        this.createdAt = createdAt;
    }

    /**
     * A personal access token. Only the hash of the raw token is kept.
     *
     * @param expiryAt expiry in microseconds since the epoch, 0 when the token never expires
     */
    record PersonalAccessToken(String name, String tokenHash, long expiryAt) {
        boolean isExpired(long nowMicros) {
            return expiryAt != 0 && Long.compareUnsigned(expiryAt, nowMicros) <= 0;
        }
    }
}
