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

import java.util.Arrays;
import java.util.Objects;

/**
 * A user-header value as it travels: its kind and its little-endian bytes.
 *
 * @param kind the kind
 * @param value the encoded value
 */
public record IggyHeaderValue(IggyHeaderKind kind, byte[] value) {

    public IggyHeaderValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IggyHeaderValue that && kind == that.kind && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return kind + Arrays.toString(value);
    }
}
