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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;

/**
 * The rules every Kamelet of this project follows: the conventions of apache/camel-kamelets (its validator's rules),
 * plus dependencies that resolve and cover what the template uses.
 */
final class KameletRules {

    static final String PROVIDER = "camel-iggy";
    private static final Set<String> SUPPORT_LEVELS = Set.of("Stable", "Preview", "Experimental");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "object", "array");
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|token|apikey|accesskey|secretkey|privatekey)$");
    private static final Pattern TITLE_WORD = Pattern.compile("[A-Z0-9][A-Za-z0-9\\-/().]*|[a-z]{1,3}");
    private static final String PASSWORD_DESCRIPTOR = "urn:alm:descriptor:com.tectonic.ui:password";
    private static final String CREDENTIALS_DESCRIPTOR = "urn:camel:group:credentials";
    private static final String CHECKBOX_DESCRIPTOR = "urn:alm:descriptor:com.tectonic.ui:checkbox";

    private final CamelContext context;
    private final String projectVersion;
    private final Set<String> upstreamNames;

    KameletRules(CamelContext context, String projectVersion, Set<String> upstreamNames) {
        this.context = context;
        this.projectVersion = projectVersion;
        this.upstreamNames = upstreamNames;
    }

    void validate(Path file, Violations v) throws Exception {
        Map<String, Object> doc = ResourceHeadRule.validate(file, "Kamelet", ".kamelet.yaml", v);
        String name = Yaml.text(doc, "metadata", "name");
        if (name == null) {
            return;
        }
        String kind = name.endsWith("-source") ? "source" : name.endsWith("-sink") ? "sink" : "action";
        v.check(
                name.endsWith("-source") || name.endsWith("-sink") || name.endsWith("-action"),
                file,
                "name-suffix",
                "the name must end in -source, -sink or -action");
        v.check(!upstreamNames.contains(name), file, "name-clash", "camel-kamelets already ships a Kamelet " + name);
        v.check(
                kind.equals(Yaml.text(doc, "metadata", "labels", "camel.apache.org/kamelet.type")),
                file,
                "type-label",
                "label camel.apache.org/kamelet.type must be " + kind);

        Map<String, Object> annotations = Yaml.map(Yaml.at(doc, "metadata", "annotations"));
        v.check(
                SUPPORT_LEVELS.contains(annotations.get("camel.apache.org/kamelet.support.level")),
                file,
                "support-level",
                "annotation camel.apache.org/kamelet.support.level must be one of " + SUPPORT_LEVELS);
        v.check(
                projectVersion.equals(annotations.get("camel.apache.org/catalog.version")),
                file,
                "catalog-version",
                "annotation camel.apache.org/catalog.version must be the project version " + projectVersion);
        v.check(
                String.valueOf(annotations.get("camel.apache.org/kamelet.icon"))
                        .startsWith("data:image/svg+xml;base64,"),
                file,
                "icon",
                "annotation camel.apache.org/kamelet.icon must be an SVG data URI");
        v.check(
                PROVIDER.equals(annotations.get("camel.apache.org/provider")),
                file,
                "provider",
                "annotation camel.apache.org/provider must be " + PROVIDER);
        for (String annotation : List.of("camel.apache.org/kamelet.group", "camel.apache.org/kamelet.namespace")) {
            v.check(
                    annotations.get(annotation) != null,
                    file,
                    "annotations",
                    "annotation " + annotation + " is missing");
        }

        Map<String, Object> definition = Yaml.map(Yaml.at(doc, "spec", "definition"));
        String title = String.valueOf(definition.get("title"));
        String suffix = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        v.check(title.endsWith(suffix), file, "title", "spec.definition.title must end in " + suffix + ": " + title);
        v.check(definition.get("description") != null, file, "description", "spec.definition.description is missing");
        v.check(
                "object".equals(definition.get("type")),
                file,
                "definition-type",
                "spec.definition.type must be object");

        Map<String, Object> properties = Yaml.map(definition.get("properties"));
        for (Object required : Yaml.list(definition.get("required"))) {
            v.check(
                    properties.containsKey(String.valueOf(required)),
                    file,
                    "required-declared",
                    "required property " + required + " is not declared");
        }
        properties.forEach((property, value) -> validateProperty(file, property, Yaml.map(value), v));

        Object template = Yaml.at(doc, "spec", "template");
        v.check(template != null, file, "template", "spec.template is missing");
        Set<String> used = TemplateScan.placeholders(template);
        used.removeAll(TemplateScan.beanNames(template));
        for (String placeholder : used) {
            v.check(
                    properties.containsKey(placeholder),
                    file,
                    "placeholder-declared",
                    "{{" + placeholder + "}} is used in the template but not declared as a property");
        }
        for (String property : properties.keySet()) {
            v.check(
                    used.contains(property),
                    file,
                    "property-used",
                    "property " + property + " is declared but the template never uses it");
        }
        String source = Yaml.text(doc, "spec", "template", "from", "uri");
        if (kind.equals("source")) {
            // at the top level, or inside an EIP such as split (upstream earthquake-source does so)
            v.check(
                    TemplateScan.sendsTo(Yaml.at(doc, "spec", "template", "from", "steps"), "kamelet:sink"),
                    file,
                    "source-template",
                    "a source template must end its steps with to: kamelet:sink");
        } else {
            v.check(
                    "kamelet:source".equals(source),
                    file,
                    "sink-template",
                    "a " + kind + " template must start from kamelet:source");
        }

        List<String> dependencies = new ArrayList<>();
        for (Object entry : Yaml.list(Yaml.at(doc, "spec", "dependencies"))) {
            dependencies.add(String.valueOf(entry));
        }
        validateDependencies(file, dependencies, template, v);
        validateDataTypes(file, doc, dependencies, v);
    }

    private void validateProperty(Path file, String property, Map<String, Object> spec, Violations v) {
        String title = String.valueOf(spec.get("title"));
        v.check(spec.get("title") != null, file, "property-title", "property " + property + " has no title");
        v.check(
                !title.matches("(The|A|An) .*")
                        && List.of(title.split(" ")).stream()
                                .allMatch(word -> TITLE_WORD.matcher(word).matches()),
                file,
                "property-title",
                "title of " + property + " must capitalize each word and not start with The/A/An: " + title);
        v.check(
                spec.get("description") != null,
                file,
                "property-description",
                "property " + property + " has no description");
        v.check(
                TYPES.contains(String.valueOf(spec.get("type"))),
                file,
                "property-type",
                "property " + property + " must have a type among " + TYPES);
        List<Object> descriptors = Yaml.list(spec.get("x-descriptors"));
        boolean secret = "password".equals(spec.get("format"));
        if (SECRET_NAME.matcher(property).matches()) {
            v.check(secret, file, "secret-format", "property " + property + " looks secret: it needs format: password");
        }
        if (secret) {
            v.check(
                    descriptors.contains(PASSWORD_DESCRIPTOR) && descriptors.contains(CREDENTIALS_DESCRIPTOR),
                    file,
                    "secret-descriptors",
                    "secret property " + property + " needs the x-descriptors " + PASSWORD_DESCRIPTOR + " and "
                            + CREDENTIALS_DESCRIPTOR);
        }
        if ("boolean".equals(spec.get("type"))) {
            v.check(
                    descriptors.contains(CHECKBOX_DESCRIPTOR),
                    file,
                    "boolean-descriptor",
                    "boolean property " + property + " needs the x-descriptor " + CHECKBOX_DESCRIPTOR);
        }
        Object defaultValue = spec.get("default");
        if (defaultValue != null) {
            boolean typed =
                    switch (String.valueOf(spec.get("type"))) {
                        case "integer" -> defaultValue instanceof Integer || defaultValue instanceof Long;
                        case "number" -> defaultValue instanceof Number;
                        case "boolean" -> defaultValue instanceof Boolean;
                        default -> true;
                    };
            v.check(typed, file, "default-type", "default of " + property + " does not match its type");
        }
        List<Object> allowed = Yaml.list(spec.get("enum"));
        if (!allowed.isEmpty() && defaultValue != null) {
            v.check(
                    allowed.contains(defaultValue),
                    file,
                    "default-enum",
                    "default of " + property + " is not one of its enum values " + allowed);
        }
    }

    private void validateDependencies(Path file, List<String> dependencies, Object template, Violations v)
            throws Exception {
        v.check(
                dependencies.contains("camel:kamelet"),
                file,
                "dependencies",
                "spec.dependencies must list camel:kamelet");
        for (String dependency : dependencies) {
            String problem = Dependencies.unresolved(dependency, projectVersion);
            v.check(problem == null, file, "dependency-resolves", dependency + " " + problem);
        }
        for (String artifact : Dependencies.artifactsUsedBy(context, template, file, v)) {
            v.check(
                    dependencies.stream().anyMatch(dependency -> ClasspathArtifacts.covers(dependency, artifact)),
                    file,
                    "dependency-declared",
                    "the template uses " + artifact + " but spec.dependencies does not declare it");
        }
    }

    private void validateDataTypes(Path file, Map<String, Object> doc, List<String> dependencies, Violations v)
            throws Exception {
        for (String direction : List.of("in", "out")) {
            Map<String, Object> types = Yaml.map(Yaml.at(doc, "spec", "dataTypes", direction, "types"));
            Object defaultType = Yaml.at(doc, "spec", "dataTypes", direction, "default");
            if (defaultType != null) {
                v.check(
                        types.containsKey(defaultType.toString()),
                        file,
                        "data-types",
                        "dataTypes." + direction + ".default " + defaultType + " is not among its types");
            }
            for (Map.Entry<String, Object> type : types.entrySet()) {
                String format = Yaml.text(Yaml.map(type.getValue()), "format");
                String artifact = format == null ? null : Dependencies.transformerArtifact(format);
                v.check(
                        artifact != null,
                        file,
                        "data-type-format",
                        "dataTypes." + direction + "." + type.getKey() + " format " + format
                                + " has no data type transformer on the classpath");
                v.check(
                        artifact == null || dependencies.stream().anyMatch(d -> ClasspathArtifacts.covers(d, artifact)),
                        file,
                        "dependency-declared",
                        "the data type " + format + " comes from " + artifact
                                + " but spec.dependencies does not declare it");
            }
        }
    }
}
