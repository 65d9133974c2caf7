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
package dev.iggycamel.kamelets.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Kamelet template or a pipe uses: property placeholders, endpoint schemes, bean classes. */
final class TemplateScan {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.\\-]+)(:[^}]*)?}}");
    private static final Set<String> ENDPOINT_KEYS =
            Set.of("uri", "to", "toD", "wireTap", "enrich", "pollEnrich", "from", "deadLetterUri");

    private TemplateScan() {}

    /** Names used as {@code {{name}}}, {@code {{?name}}} or {@code {{name:default}}} anywhere in the value. */
    static Set<String> placeholders(Object value) {
        Set<String> names = new LinkedHashSet<>();
        collectStrings(value, text -> {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }

    /** The URI schemes of the endpoints a template sends to or consumes from. */
    static Set<String> schemes(Object template) {
        return schemes(template, Map.of());
    }

    /**
     * The URI schemes of the endpoints a template uses once its placeholders take these values (a Kamelet such as
     * http-sink takes its whole endpoint URI from a property).
     */
    static Set<String> schemes(Object template, Map<String, Object> values) {
        Set<String> schemes = new LinkedHashSet<>();
        // beans are not endpoints: a bean property named uri (spring-rabbitmq's connection factory) is not a scheme
        Object routes = template;
        if (template instanceof Map<?, ?> map && map.containsKey("beans")) {
            Map<Object, Object> withoutBeans = new java.util.LinkedHashMap<>(map);
            withoutBeans.remove("beans");
            routes = withoutBeans;
        }
        walk(routes, (key, value) -> {
            if (ENDPOINT_KEYS.contains(key) && value instanceof String text) {
                String uri = PLACEHOLDER.matcher(text).replaceAll(match -> {
                    Object replacement = values.get(match.group(1));
                    return Matcher.quoteReplacement(replacement == null ? match.group() : replacement.toString());
                });
                if (uri.contains(":") && !uri.startsWith("{{")) {
                    schemes.add(uri.substring(0, uri.indexOf(':')));
                }
            }
        });
        return schemes;
    }

    /** Whether the steps send to the URI with a {@code to} step, at any depth. */
    static boolean sendsTo(Object steps, String uri) {
        boolean[] found = {false};
        walk(steps, (key, value) -> {
            if ("to".equals(key) && (uri.equals(value) || value instanceof Map<?, ?> to && uri.equals(to.get("uri")))) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** The classes of {@code #class:} beans. */
    static Set<String> beanClasses(Object template) {
        Set<String> classes = new LinkedHashSet<>();
        for (Object bean : Yaml.list(Yaml.map(template).get("beans"))) {
            Object type = Yaml.map(bean).get("type");
            if (type instanceof String text && text.startsWith("#class:")) {
                classes.add(text.substring("#class:".length()));
            }
        }
        return classes;
    }

    /**
     * The beans of a template that are Camel components ({@code #class:} of a class annotated
     * {@code @org.apache.camel.spi.annotations.Component}), by bean name, with the component's scheme: the vendor SQL
     * Kamelets send to {@code {{local-sql-postgres-sink}}:...}, a private {@code sql} component.
     */
    static Map<String, Object> componentBeans(Object template) {
        Map<String, Object> schemes = new java.util.LinkedHashMap<>();
        for (Object bean : Yaml.list(Yaml.map(template).get("beans"))) {
            Object name = Yaml.map(bean).get("name");
            Object type = Yaml.map(bean).get("type");
            if (name != null && type instanceof String text && text.startsWith("#class:")) {
                try {
                    org.apache.camel.spi.annotations.Component component = Class.forName(
                                    text.substring("#class:".length()))
                            .getAnnotation(org.apache.camel.spi.annotations.Component.class);
                    if (component != null) {
                        schemes.put(
                                name.toString(), component.value().split(",")[0].trim());
                    }
                } catch (ClassNotFoundException e) {
                    // reported by the Kamelet rules (bean-class)
                }
            }
        }
        return schemes;
    }

    /** The names of the beans a template declares (they may be used as placeholders too). */
    static Set<String> beanNames(Object template) {
        Set<String> names = new LinkedHashSet<>();
        for (Object bean : Yaml.list(Yaml.map(template).get("beans"))) {
            Object name = Yaml.map(bean).get("name");
            if (name != null) {
                names.add(name.toString());
            }
        }
        return names;
    }

    private interface KeyValueVisitor {
        void visit(String key, Object value);
    }

    private static void walk(Object node, KeyValueVisitor visitor) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                visitor.visit(String.valueOf(key), value);
                walk(value, visitor);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, visitor));
        }
    }

    private static void collectStrings(Object node, java.util.function.Consumer<String> sink) {
        if (node instanceof String text) {
            sink.accept(text);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectStrings(value, sink));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStrings(item, sink));
        }
    }
}
