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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable catalog index: one file per seed target under {@code kamelets/catalog/targets/}, one row per
 * direction, each with its pipe, the Kamelets and components it uses, its verification level, the test that proves
 * the level, the server it ran against, and the reason when it is below L3.
 */
record CatalogIndex(List<Target> targets) {

    static final List<String> LEVELS = List.of("none", "L1", "L2", "L3");

    record Target(
            Path file,
            String slug,
            String name,
            String seedCategory,
            String seedPriority,
            boolean firstTier,
            List<Row> rows) {}

    record Row(
            String direction,
            String pipe,
            List<String> kamelets,
            List<String> components,
            String level,
            String test,
            String server,
            String reason) {

        int levelNumber() {
            return LEVELS.indexOf(level);
        }
    }

    static Path dir() {
        return Path.of(System.getProperty("catalog.dir", "catalog")).resolve("targets");
    }

    static CatalogIndex load() throws IOException {
        List<Target> targets = new ArrayList<>();
        for (Path file : KameletFiles.list(dir(), ".yaml")) {
            Map<String, Object> doc = Yaml.load(file);
            String slug = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            List<Row> rows = new ArrayList<>();
            for (Object item : Yaml.list(doc.get("rows"))) {
                Map<String, Object> row = Yaml.map(item);
                rows.add(new Row(
                        Yaml.text(row, "direction"),
                        Yaml.text(row, "pipe"),
                        strings(row.get("kamelets")),
                        strings(row.get("components")),
                        Yaml.text(row, "level"),
                        Yaml.text(row, "test"),
                        Yaml.text(row, "server"),
                        Yaml.text(row, "reason")));
            }
            targets.add(new Target(
                    file,
                    slug,
                    Yaml.text(doc, "target"),
                    Yaml.text(doc, "seedCategory"),
                    Yaml.text(doc, "seedPriority"),
                    Integer.valueOf(1).equals(doc.get("tier")),
                    rows));
        }
        return new CatalogIndex(targets);
    }

    private static List<String> strings(Object value) {
        return Yaml.list(value).stream().map(String::valueOf).toList();
    }
}
