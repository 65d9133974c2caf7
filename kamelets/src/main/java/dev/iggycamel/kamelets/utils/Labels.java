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
package dev.iggycamel.kamelets.utils;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels given to a Kamelet as {@code name=value,name=value} (blank entries ignored), in their order. */
public final class Labels {

    private Labels() {}

    /** The labels; none for null or blank text; an entry without a name before '=' is refused. */
    public static Map<String, String> parse(String labels) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (labels == null) {
            return parsed;
        }
        for (String pair : labels.split(",")) {
            if (!pair.isBlank()) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("labels must be name=value,...: " + labels);
                }
                parsed.put(
                        pair.substring(0, equals).trim(),
                        pair.substring(equals + 1).trim());
            }
        }
        return parsed;
    }
}
