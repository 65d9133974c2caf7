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
            String yaml = asRoute(pipe, overrides == null ? Map.of() : overrides);
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.fromString(pipe.getFileName().toString(), yaml));
        }
    }

    /**
     * The pipe as a Camel YAML route, with the overrides applied: source, steps and sink become {@code kamelet:}
     * endpoints whose properties are endpoint {@code parameters}. (camel-yaml-dsl 4.17 loads {@code kind: Pipe}
     * itself, but URL-encodes the property values into the Kamelet URI, where camel-kamelet takes them raw: a URL or
     * an SQL statement would arrive encoded.) Data types apply as in that loader: {@code spec.source.dataTypes.out}
     * transforms the message after the source, {@code spec.sink.dataTypes.in} before the sink.
     */
    static String asRoute(Path pipe, Map<String, String> overrides) throws IOException {
        if (!Files.isRegularFile(pipe)) {
            throw new IllegalArgumentException("No pipe file at " + pipe.toAbsolutePath());
        }
        Map<String, Object> doc = map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(pipe)));
        Map<String, Object> spec = map(doc.get("spec"));
        Map<String, Object> from = endpoint(pipe, "source", spec.get("source"), overrides);
        List<Object> steps = new ArrayList<>();
        // data types as camel-yaml-dsl's own Pipe loader applies them: the source's output type right after the
        // source, the sink's input type right before the sink (a transformer such as text-plain)
        String sourceOut = dataType(map(spec.get("source")), "out");
        if (sourceOut != null) {
            steps.add(Map.of("transformDataType", Map.of("toType", sourceOut)));
        }
        if (spec.get("steps") instanceof List<?> list) {
            for (Object step : list) {
                steps.add(Map.of("to", endpoint(pipe, "step", step, overrides)));
            }
        }
        String sinkIn = dataType(map(spec.get("sink")), "in");
        if (sinkIn != null) {
            steps.add(Map.of("transformDataType", Map.of("toType", sinkIn)));
        }
        steps.add(Map.of("to", endpoint(pipe, "sink", spec.get("sink"), overrides)));
        from.put("steps", steps);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("id", map(doc.get("metadata")).get("name"));
        route.put("from", from);
        return new Dump(DumpSettings.builder().build()).dumpToString(List.of(Map.of("route", route)));
    }

    private static Map<String, Object> endpoint(Path pipe, String role, Object node, Map<String, String> overrides) {
        Map<String, Object> endpoint = map(node);
        Map<String, Object> ref = map(endpoint.get("ref"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        map(endpoint.get("properties")).forEach((key, value) -> parameters.put(key, String.valueOf(value)));
        String uri;
        if (ref.get("name") != null) {
            String name = ref.get("name").toString();
            uri = "kamelet:" + name;
            overrides.forEach((key, value) -> {
                if (key.startsWith(name + ".")) {
                    parameters.put(key.substring(name.length() + 1), value);
                }
            });
        } else if (endpoint.get("uri") != null) {
            uri = endpoint.get("uri").toString();
        } else {
            throw new IllegalArgumentException(pipe + ": the " + role + " has neither ref nor uri");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("uri", uri);
        if (!parameters.isEmpty()) {
            result.put("parameters", parameters);
        }
        return result;
    }

    /** {@code dataTypes.<direction>} of a source or sink as a data type name, {@code [scheme:]format}; or null. */
    private static String dataType(Map<String, Object> endpoint, String direction) {
        Map<String, Object> type = map(map(endpoint.get("dataTypes")).get(direction));
        Object format = type.get("format");
        if (format == null) {
            return null;
        }
        Object scheme = type.get("scheme");
        return scheme == null ? format.toString() : scheme + ":" + format;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }
}
