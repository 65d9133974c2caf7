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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.iggycamel.embedded.EmbeddedIggyServer;
import dev.iggycamel.kamelets.Pipes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * L0 and L1 for every Kamelet and pipe: the rules hold (L0), and each loads through camel-yaml-dsl and camel-kamelet
 * into routes whose endpoints resolve, using only what the files declare (L1). A broken file fails the build with a
 * message naming the file and the rule.
 */
class CatalogValidationTest {

    private static CamelContext lookup;
    private static EmbeddedIggyServer iggy;
    private static KameletRules kameletRules;

    @BeforeAll
    static void lookupContext() throws Exception {
        iggy = EmbeddedIggyServer.builder().port(0).build().start();
        lookup = new DefaultCamelContext();
        lookup.start();
        kameletRules = new KameletRules(lookup, KameletFiles.projectVersion(), KameletFiles.upstreamKameletNames());
    }

    @AfterAll
    static void stopLookup() {
        lookup.stop();
        iggy.close();
    }

    @TestFactory
    Stream<DynamicTest> kameletsFollowTheRules() throws Exception {
        return followTheRules(KameletFiles.ourKamelets(), kameletRules::validate, "Kamelet");
    }

    @TestFactory
    Stream<DynamicTest> pipesFollowTheRules() throws Exception {
        return followTheRules(KameletFiles.pipes(), PipeRules::validate, "Pipe");
    }

    /** The rules a file must follow, reporting what it breaks. */
    private interface Rules {
        void validate(Path file, Violations v) throws Exception;
    }

    /** One test per file: no rule broken. */
    private static Stream<DynamicTest> followTheRules(List<Path> files, Rules rules, String what) {
        return files.stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                    Violations v = new Violations();
                    rules.validate(file, v);
                    assertTrue(v.list().isEmpty(), () -> what + " rules broken:\n" + v);
                }));
    }

    @TestFactory
    Stream<DynamicTest> kameletsLoadIntoRoutes() throws Exception {
        return KameletFiles.ourKamelets().stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                    Map<String, Object> doc = Yaml.load(file);
                    String name = Yaml.text(doc, "metadata", "name");
                    String uri = "kamelet:" + name + "?" + requiredParameters(doc) + "&port=" + iggy.port();
                    try (CamelContext context = new DefaultCamelContext()) {
                        context.setAutoStartup(false);
                        context.addRoutes(new RouteBuilder() {
                            @Override
                            public void configure() {
                                if (name.endsWith("-source")) {
                                    from(uri).routeId("l1").to("log:l1?level=OFF");
                                } else {
                                    from("direct:l1").routeId("l1").to(uri);
                                }
                            }
                        });
                        context.start();
                        assertThat(context.getRoutes()).as("routes of %s", name).hasSizeGreaterThanOrEqualTo(2);
                        assertThat(schemes(context))
                                .as("endpoints of %s", name)
                                .containsAll(TemplateScan.schemes(Yaml.at(doc, "spec", "template")));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> pipesLoadIntoRoutesWithTheirDeclaredDependencies() throws Exception {
        return KameletFiles.pipes().stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                    Map<String, Object> doc = Yaml.load(file);
                    Set<String> dependencies = PipeRules.dependencies(doc);
                    String port = Integer.toString(iggy.port());
                    try (DefaultCamelContext context = new DefaultCamelContext()) {
                        context.setAutoStartup(false);
                        Pipes.load(context, Map.of("iggy-source.port", port, "iggy-sink.port", port), file);
                        // init builds the routes and creates (so validates) every endpoint; it starts none of them:
                        // starting would contact the target system (aws2-s3 checks its bucket when it starts)
                        context.init();
                        assertThat(context.getRouteDefinitions())
                                .as("routes of %s (the pipe and one per Kamelet)", file.getFileName())
                                .hasSize(1 + PipeRules.kamelets(doc).size());
                        List<String> uncovered = new ArrayList<>();
                        for (Endpoint endpoint : context.getEndpoints()) {
                            Class<?> type = endpoint.getComponent() != null
                                    ? endpoint.getComponent().getClass()
                                    : endpoint.getClass();
                            String artifact = ClasspathArtifacts.artifactOf(type);
                            if (artifact != null
                                    && dependencies.stream().noneMatch(d -> ClasspathArtifacts.covers(d, artifact))) {
                                uncovered.add(endpoint.getEndpointBaseUri() + " needs " + artifact);
                            }
                        }
                        assertTrue(
                                uncovered.isEmpty(),
                                () -> file.getFileName()
                                        + ": [dependency-declared] endpoints whose artifact no Kamelet or"
                                        + " spec.integration.dependencies declares: " + uncovered);
                    }
                }));
    }

    /**
     * A context whose producers start lazily, so that building and starting the routes creates and configures every
     * endpoint without contacting a target system; consumers do start (Iggy's against the embedded server).
     */
    private static CamelContext lazyContext() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getGlobalEndpointConfiguration().setLazyStartProducer(true);
        return context;
    }

    private static Set<String> schemes(CamelContext context) {
        Set<String> schemes = new java.util.TreeSet<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            String uri = endpoint.getEndpointUri();
            schemes.add(uri.substring(0, uri.indexOf(':')));
        }
        return schemes;
    }

    /**
     * Query parameters for the required properties (the example, else the default, else a made-up value) and for the
     * optional properties that give an example.
     */
    private static String requiredParameters(Map<String, Object> doc) {
        Map<String, Object> properties = Yaml.map(Yaml.at(doc, "spec", "definition", "properties"));
        Map<String, String> values = new LinkedHashMap<>();
        for (Object required : Yaml.list(Yaml.at(doc, "spec", "definition", "required"))) {
            Map<String, Object> spec = Yaml.map(properties.get(required.toString()));
            Object value = spec.getOrDefault("example", spec.get("default"));
            if (value == null) {
                value = switch (String.valueOf(spec.get("type"))) {
                    case "integer", "number" -> "1";
                    case "boolean" -> "false";
                    default -> "l1-" + required;
                };
            }
            values.put(required.toString(), value.toString());
        }
        // optional properties with an example too: an endpoint may check that options go together (aws2-ddb needs
        // credentials of some kind when the route is created)
        properties.forEach((name, spec) -> {
            Object example = Yaml.map(spec).get("example");
            if (example != null) {
                values.putIfAbsent(name, example.toString());
            }
        });
        StringBuilder query = new StringBuilder();
        values.forEach((key, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(key)
                .append("=RAW(")
                .append(value)
                .append(")"));
        return query.toString();
    }

    static Path kameletsDir() {
        return KameletFiles.kameletsDir();
    }
}
