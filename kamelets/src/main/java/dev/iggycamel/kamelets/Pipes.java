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
package dev.iggycamel.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Loads Camel K {@code Pipe} manifests into a Camel context: camel-yaml-dsl turns each into a route that references
 * its Kamelets, which camel-kamelet instantiates from the classpath ({@code kamelets/}).
 *
 * <p>Pipe files hold plain values that work on one machine (Iggy on localhost:8090, a target server on its default
 * port). Overrides {@code <kamelet>.<property>=value} replace or add a property of every source, step or sink that
 * references that Kamelet, which is how tests point a pipe at their servers without changing the file.
 */
public final class Pipes {

    private Pipes() {}

    /** Adds the routes of the pipe files to the context; the context decides when they start. */
    public static void load(CamelContext context, Map<String, String> overrides, Path... pipes) throws Exception {
        for (Path pipe : pipes) {
            String yaml = withOverrides(pipe, overrides == null ? Map.of() : overrides);
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.fromString(pipe.getFileName().toString(), yaml));
        }
    }

    /** The pipe file's YAML with the overrides applied to the properties of the Kamelets they name. */
    static String withOverrides(Path pipe, Map<String, String> overrides) throws IOException {
        if (!Files.isRegularFile(pipe)) {
            throw new IllegalArgumentException("No pipe file at " + pipe.toAbsolutePath());
        }
        String text = Files.readString(pipe);
        if (overrides.isEmpty()) {
            return text;
        }
        Map<String, Object> doc = map(new Load(LoadSettings.builder().build()).loadFromString(text));
        Map<String, Object> spec = map(doc.get("spec"));
        List<Object> endpoints = new ArrayList<>();
        endpoints.add(spec.get("source"));
        if (spec.get("steps") instanceof List<?> steps) {
            endpoints.addAll(steps);
        }
        endpoints.add(spec.get("sink"));
        for (Object endpoint : endpoints) {
            Map<String, Object> node = map(endpoint);
            Object name = map(node.get("ref")).get("name");
            if (name == null) {
                continue;
            }
            String prefix = name + ".";
            Map<String, Object> properties = new LinkedHashMap<>(map(node.get("properties")));
            overrides.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    properties.put(key.substring(prefix.length()), value);
                }
            });
            node.put("properties", properties);
        }
        return new Dump(DumpSettings.builder().build()).dumpToString(doc);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }
}
