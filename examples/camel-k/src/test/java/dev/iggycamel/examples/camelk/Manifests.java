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
package dev.iggycamel.examples.camelk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads the example's Kubernetes manifests (and shipped Kamelets) as plain YAML documents. */
final class Manifests {

    static final Path DIR = Path.of(System.getProperty("camelk.dir", "."));

    private Manifests() {}

    static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    static List<Path> pipes() throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve("pipes"))) {
            return files.filter(f -> f.toString().endsWith(".pipe.yaml"))
                    .sorted()
                    .toList();
        }
    }

    /** The Kamelet of that name as shipped on the classpath (our jar or the camel-kamelets catalog), or null. */
    static Map<String, Object> kamelet(String name) throws IOException {
        try (InputStream in =
                Manifests.class.getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            if (in == null) {
                return null;
            }
            return map(new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** The value at a path of keys ("spec", "template", ...), or null. */
    static Object at(Map<String, Object> node, String... path) {
        Object value = node;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }
}
