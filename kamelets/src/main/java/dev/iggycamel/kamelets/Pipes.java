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
     * an SQL statement would arrive encoded.)
     */
    static String asRoute(Path pipe, Map<String, String> overrides) throws IOException {
        if (!Files.isRegularFile(pipe)) {
            throw new IllegalArgumentException("No pipe file at " + pipe.toAbsolutePath());
        }
        Map<String, Object> doc = map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(pipe)));
        Map<String, Object> spec = map(doc.get("spec"));
        Map<String, Object> from = endpoint(pipe, "source", spec.get("source"), overrides);
        List<Object> steps = new ArrayList<>();
        dataType(spec.get("source"), "out", steps);
        if (spec.get("steps") instanceof List<?> list) {
            for (Object step : list) {
                dataType(step, "in", steps);
                steps.add(Map.of("to", endpoint(pipe, "step", step, overrides)));
                dataType(step, "out", steps);
            }
        }
        dataType(spec.get("sink"), "in", steps);
        steps.add(Map.of("to", endpoint(pipe, "sink", spec.get("sink"), overrides)));
        from.put("steps", steps);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("id", map(doc.get("metadata")).get("name"));
        route.put("from", from);
        return new Dump(DumpSettings.builder().build()).dumpToString(List.of(Map.of("route", route)));
    }

    /**
     * A {@code dataTypes.in|out.format} (with an optional {@code scheme}) of a pipe endpoint becomes a transform to
     * that data type, as Camel K applies it: after a source, before a sink.
     */
    private static void dataType(Object node, String direction, List<Object> steps) {
        Map<String, Object> dataType = map(map(map(node).get("dataTypes")).get(direction));
        Object format = dataType.get("format");
        if (format != null) {
            Object scheme = dataType.get("scheme");
            String type = scheme != null ? scheme + ":" + format : format.toString();
            steps.add(Map.of("transform", Map.of("toType", type)));
        }
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }
}
