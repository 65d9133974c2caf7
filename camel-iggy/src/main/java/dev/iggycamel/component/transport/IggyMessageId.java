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
package dev.iggycamel.component.transport;

import java.math.BigInteger;
import java.util.UUID;

/**
 * A 128-bit message id, as the u128 {@code high << 64 | low}. A UUID maps to its most and least significant
 * halves, which is how both the server and the Java SDK store UUIDs.
 *
 * @param high the upper 64 bits
 * @param low the lower 64 bits
 */
public record IggyMessageId(long high, long low) {

    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

    public static IggyMessageId of(UUID uuid) {
        return new IggyMessageId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    /** A non-negative number below 2^128. */
    public static IggyMessageId of(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(U128_LIMIT) >= 0) {
            throw new IllegalArgumentException("a message id is a u128, got " + value);
        }
        return new IggyMessageId(value.shiftRight(64).longValue(), value.longValue());
    }

    public boolean isZero() {
        return high == 0 && low == 0;
    }

    public UUID toUuid() {
        return new UUID(high, low);
    }

    public BigInteger toBigInteger() {
        return new BigInteger(Long.toUnsignedString(high)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
    }
}
