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

/** The kinds of an Iggy user-header value, with their wire codes. */
public enum IggyHeaderKind {
    RAW(1),
    STRING(2),
    BOOL(3),
    INT8(4),
    INT16(5),
    INT32(6),
    INT64(7),
    INT128(8),
    UINT8(9),
    UINT16(10),
    UINT32(11),
    UINT64(12),
    UINT128(13),
    FLOAT32(14),
    FLOAT64(15);

    private static final IggyHeaderKind[] BY_CODE = new IggyHeaderKind[16];

    static {
        for (IggyHeaderKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;

    IggyHeaderKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind for a wire code, or null for an unknown one. */
    public static IggyHeaderKind of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
