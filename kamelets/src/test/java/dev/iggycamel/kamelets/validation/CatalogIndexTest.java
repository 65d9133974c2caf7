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

import dev.iggycamel.kamelets.e2e.ProvesLevel;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalog index is honest and CATALOG.md is generated from it: a row's pipe exists and uses the Kamelets and
 * components the row names, an L2/L3 row names an end-to-end test annotated as proving that level for that target
 * and direction, and anything below L3 says why. {@code -Dupdate.catalog=true} rewrites CATALOG.md.
 */
class CatalogIndexTest {

    private static final Set<String> DIRECTIONS = Set.of("sink", "source", "codec", "both");

    @Test
    void everyRowIsBackedByWhatItClaims() throws Exception {
        Violations v = new Violations();
        Set<String> referencedPipes = new HashSet<>();
        for (CatalogIndex.Target target : CatalogIndex.load().targets()) {
            Path file = target.file();
            v.check(target.name() != null, file, "index-target", "target is missing");
            v.check(target.seedCategory() != null, file, "index-target", "seedCategory is missing");
            v.check(target.seedPriority() != null, file, "index-target", "seedPriority is missing");
            v.check(!target.rows().isEmpty(), file, "index-rows", "no rows");
            Set<String> directions = new HashSet<>();
            for (CatalogIndex.Row row : target.rows()) {
                String where = row.direction() + ": ";
                v.check(DIRECTIONS.contains(row.direction()), file, "index-direction", where + "unknown direction");
                v.check(directions.add(row.direction()), file, "index-direction", where + "listed twice");
                v.check(
                        row.levelNumber() >= 0,
                        file,
                        "index-level",
                        where + "level must be one of " + CatalogIndex.LEVELS);
                if (row.levelNumber() < 3) {
                    v.check(
                            row.reason() != null && !row.reason().isBlank(),
                            file,
                            "index-reason",
                            where + "a row below L3 must say why");
                }
                if (row.pipe() == null) {
                    v.check("none".equals(row.level()), file, "index-level", where + "no pipe, so the level is none");
                    continue;
                }
                referencedPipes.add(row.pipe());
                if (row.levelNumber() >= 2 && row.server() != null) {
                    // a second protocol's pipe proven by the same test class (RabbitMQ's AMQP 1.0 beside 0-9-1) is
                    // named in the server text until the index has a pipes list
                    referencedPipes.addAll(java.util.Arrays.asList(row.server().split("[^a-z0-9-]+")));
                }
                checkPipe(file, where, row, v);
                if (row.levelNumber() >= 2) {
                    checkProof(file, where, target.slug(), row, v);
                }
            }
        }
        for (Path pipe : KameletFiles.pipes()) {
            String name = pipe.getFileName().toString().replace(".pipe.yaml", "");
            v.check(
                    name.startsWith("demo-") || referencedPipes.contains(name),
                    pipe,
                    "index-pipe",
                    "no catalog row references this pipe (only demo-* pipes may stand alone)");
        }
        assertTrue(v.list().isEmpty(), () -> "Catalog index broken:\n" + v);
    }

    @Test
    void catalogMarkdownIsGeneratedFromTheIndex() throws Exception {
        String expected = CatalogMarkdown.render(CatalogIndex.load());
        Path markdown = Path.of(System.getProperty("catalog.md", "CATALOG.md"));
        if (Boolean.getBoolean("update.catalog")) {
            Files.writeString(markdown, expected);
        }
        assertThat(Files.exists(markdown) ? Files.readString(markdown) : "")
                .as("kamelets/CATALOG.md is stale: regenerate it with"
                        + " ./mvnw -B test -pl kamelets -Dtest=CatalogIndexTest -Dupdate.catalog=true")
                .isEqualTo(expected);
    }

    private static void checkPipe(Path file, String where, CatalogIndex.Row row, Violations v) throws Exception {
        Path pipe = KameletFiles.pipesDir().resolve(row.pipe() + ".pipe.yaml");
        if (!Files.isRegularFile(pipe)) {
            v.add(file, "index-pipe", where + "no pipe file " + pipe);
            return;
        }
        Map<String, Object> doc = Yaml.load(pipe);
        List<String> kamelets = PipeRules.kamelets(doc);
        v.check(
                row.kamelets().equals(kamelets),
                file,
                "index-kamelets",
                where + "the pipe uses " + kamelets + ", the row says " + row.kamelets());
        Set<String> components = new LinkedHashSet<>();
        for (Map<String, Object> endpoint : PipeRules.endpoints(doc)) {
            Object kamelet = Yaml.at(endpoint, "ref", "name");
            Map<String, Object> definition = kamelet == null ? null : KameletFiles.kamelet(kamelet.toString());
            if (definition != null) {
                Map<String, Object> values = new java.util.HashMap<>();
                Yaml.map(Yaml.at(definition, "spec", "definition", "properties"))
                        .forEach((name, spec) -> values.put(name, Yaml.map(spec).get("default")));
                values.putAll(Yaml.map(endpoint.get("properties")));
                // a Kamelet may use a component bean of its own as the scheme ({{local-sql-postgres-sink}}:...)
                values.putAll(TemplateScan.componentBeans(Yaml.at(definition, "spec", "template")));
                values.values().removeIf(java.util.Objects::isNull);
                components.addAll(TemplateScan.schemes(Yaml.at(definition, "spec", "template"), values));
            }
        }
        components.remove("kamelet");
        v.check(
                new HashSet<>(row.components()).equals(components),
                file,
                "index-components",
                where + "the pipe's Kamelets use " + components + ", the row says " + row.components());
    }

    private static void checkProof(Path file, String where, String slug, CatalogIndex.Row row, Violations v) {
        v.check(row.server() != null, file, "index-server", where + "an L2/L3 row names the server it ran against");
        if (row.test() == null || !row.test().contains("#")) {
            v.add(file, "index-test", where + "an L2/L3 row names its test as Class#method");
            return;
        }
        String className = "dev.iggycamel.kamelets.e2e."
                + row.test().substring(0, row.test().indexOf('#'));
        String methodName = row.test().substring(row.test().indexOf('#') + 1);
        try {
            Method method = Class.forName(className).getDeclaredMethod(methodName);
            ProvesLevel proof = method.getAnnotation(ProvesLevel.class);
            v.check(proof != null, file, "index-test", where + row.test() + " is not annotated @ProvesLevel");
            if (proof != null) {
                v.check(
                        proof.target().equals(slug) && proof.direction().equals(row.direction()),
                        file,
                        "index-test",
                        where + row.test() + " proves " + proof.target() + "/" + proof.direction());
                v.check(
                        proof.level() >= row.levelNumber(),
                        file,
                        "index-level",
                        where + row.test() + " proves L" + proof.level() + ", the row claims " + row.level());
            }
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            v.add(file, "index-test", where + "no test " + row.test() + " in dev.iggycamel.kamelets.e2e");
        }
    }
}
