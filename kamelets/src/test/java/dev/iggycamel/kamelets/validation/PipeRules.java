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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every pipe follows: a Camel K {@code Pipe} that {@code kubectl apply}, Camel JBang and the project's
 * runner all accept unchanged, binding existing Kamelets with properties they declare, with plain values that work
 * on one machine (tests and users override them per Kamelet property, see {@code Pipes}).
 */
final class PipeRules {

    private static final String DNS_1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    private PipeRules() {}

    static void validate(Path file, Violations v) throws Exception {
        Map<String, Object> doc = ResourceHeadRule.validate(file, "Pipe", ".pipe.yaml", v);
        String name = Yaml.text(doc, "metadata", "name");
        v.check(
                name != null && name.matches(DNS_1123) && name.length() <= 63,
                file,
                "pipe-name",
                "metadata.name must be a Kubernetes name (lowercase letters, digits, '-', at most 63): " + name);

        List<String> refs = new ArrayList<>();
        for (Map<String, Object> endpoint : endpoints(doc)) {
            Map<String, Object> ref = Yaml.map(endpoint.get("ref"));
            if (ref.isEmpty()) {
                v.check(endpoint.get("uri") != null, file, "endpoint", "every source, step and sink needs ref or uri");
                continue;
            }
            String kamelet = String.valueOf(ref.get("name"));
            refs.add(kamelet);
            v.check("Kamelet".equals(ref.get("kind")), file, "ref-kind", kamelet + ": ref.kind must be Kamelet");
            v.check(
                    ResourceHeadRule.API_VERSION.equals(ref.get("apiVersion")),
                    file,
                    "ref-api-version",
                    kamelet + ": ref.apiVersion must be " + ResourceHeadRule.API_VERSION);
            Map<String, Object> definition = KameletFiles.kamelet(kamelet);
            if (definition == null) {
                v.add(file, "ref-exists", "no Kamelet " + kamelet + " in this project or camel-kamelets");
                continue;
            }
            Map<String, Object> declared = Yaml.map(Yaml.at(definition, "spec", "definition", "properties"));
            Map<String, Object> given = Yaml.map(endpoint.get("properties"));
            for (String property : given.keySet()) {
                v.check(
                        declared.containsKey(property),
                        file,
                        "property-declared",
                        kamelet + " has no property " + property);
            }
            for (Object required : Yaml.list(Yaml.at(definition, "spec", "definition", "required"))) {
                Object defaultValue = Yaml.at(declared, String.valueOf(required), "default");
                v.check(
                        given.containsKey(String.valueOf(required)) || defaultValue != null,
                        file,
                        "property-required",
                        kamelet + " requires the property " + required);
            }
            for (String placeholder : TemplateScan.placeholders(given)) {
                // camel-yaml-dsl URL-encodes pipe properties into the Kamelet URI, so a placeholder never resolves
                v.add(file, "plain-values", "{{" + placeholder + "}}: pipe properties must be plain values");
            }
        }
        v.check(
                refs.stream().anyMatch(ref -> ref.startsWith("iggy-")),
                file,
                "iggy-pipe",
                "a pipe of this catalog moves data in or out of Iggy: it must use iggy-source or iggy-sink");
    }

    /** The source, the steps and the sink of a pipe. */
    static List<Map<String, Object>> endpoints(Map<String, Object> doc) {
        List<Map<String, Object>> endpoints = new ArrayList<>();
        endpoints.add(Yaml.map(Yaml.at(doc, "spec", "source")));
        for (Object step : Yaml.list(Yaml.at(doc, "spec", "steps"))) {
            endpoints.add(Yaml.map(step));
        }
        endpoints.add(Yaml.map(Yaml.at(doc, "spec", "sink")));
        return endpoints;
    }

    /** The Kamelets a pipe references, in order. */
    static List<String> kamelets(Map<String, Object> doc) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> endpoint : endpoints(doc)) {
            Object name = Yaml.at(endpoint, "ref", "name");
            if (name != null) {
                names.add(name.toString());
            }
        }
        return names;
    }

    /** What running the pipe brings: the dependencies of its Kamelets plus spec.integration.dependencies. */
    static Set<String> dependencies(Map<String, Object> doc) throws Exception {
        Set<String> dependencies = new LinkedHashSet<>();
        for (String kamelet : kamelets(doc)) {
            Map<String, Object> definition = KameletFiles.kamelet(kamelet);
            if (definition != null) {
                Yaml.list(Yaml.at(definition, "spec", "dependencies")).forEach(d -> dependencies.add(d.toString()));
            }
        }
        Yaml.list(Yaml.at(doc, "spec", "integration", "dependencies")).forEach(d -> dependencies.add(d.toString()));
        return dependencies;
    }
}
