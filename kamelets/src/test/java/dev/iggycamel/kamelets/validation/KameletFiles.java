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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Where the Kamelets, pipes and catalog files are, and Kamelets looked up by name on the classpath. */
final class KameletFiles {

    private KameletFiles() {}

    static Path kameletsDir() {
        return Path.of(System.getProperty("kamelets.dir", "src/main/resources/kamelets"));
    }

    static Path pipesDir() {
        return Path.of(System.getProperty("pipes.dir", "pipes"));
    }

    static String projectVersion() {
        return System.getProperty("project.version", "0.1.0-SNAPSHOT");
    }

    static List<Path> ourKamelets() throws IOException {
        return list(kameletsDir(), ".kamelet.yaml");
    }

    static List<Path> pipes() throws IOException {
        return list(pipesDir(), ".pipe.yaml");
    }

    static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** A Kamelet as Camel would find it: {@code kamelets/<name>.kamelet.yaml} on the classpath; null if absent. */
    static Map<String, Object> kamelet(String name) throws IOException {
        try (InputStream in =
                KameletFiles.class.getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            if (in == null) {
                return null;
            }
            Object doc = new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return Yaml.map(doc);
        }
    }

    /** The names of the Kamelets the camel-kamelets jar ships. */
    static Set<String> upstreamKameletNames() throws IOException {
        Set<String> names = new TreeSet<>();
        String jarPath = System.getProperty("java.class.path");
        for (String entry : jarPath.split(java.io.File.pathSeparator)) {
            if (entry.contains("camel-kamelets-") && entry.endsWith(".jar") && !entry.contains("utils")) {
                try (JarFile jar = new JarFile(entry)) {
                    jar.stream()
                            .map(e -> e.getName())
                            .filter(n -> n.startsWith("kamelets/") && n.endsWith(".kamelet.yaml"))
                            .forEach(n -> names.add(n.substring("kamelets/".length(), n.length() - 13)));
                }
            }
        }
        return names;
    }
}
