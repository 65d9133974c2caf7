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
package dev.iggycamel.examples.camelk;

import static dev.iggycamel.examples.camelk.Manifests.at;
import static dev.iggycamel.examples.camelk.Manifests.list;
import static dev.iggycamel.examples.camelk.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Camel K manifests as Kubernetes would read them: kinds and API versions, every Kamelet reference resolved to a
 * shipped Kamelet that declares the properties the pipe sets, the pipes pointed at the Iggy Service, and every file
 * the README applies present.
 */
class CamelKManifestsTest {

    private static final String CAMEL_V1 = "camel.apache.org/v1";

    @Test
    void theIggyManifestIsADeploymentOfIggy080AndAServiceInFrontOfIt() throws Exception {
        List<Map<String, Object>> documents = Manifests.documents(Manifests.DIR.resolve("iggy.yaml"));
        assertThat(documents)
                .extracting(d -> d.get("apiVersion") + " " + d.get("kind"))
                .containsExactly("apps/v1 Deployment", "v1 Service");
        Map<String, Object> deployment = documents.get(0);
        Map<String, Object> service = documents.get(1);

        Map<String, Object> container = map(
                list(at(deployment, "spec", "template", "spec", "containers")).get(0));
        assertThat(container.get("image")).isEqualTo("apache/iggy:0.8.0");
        Map<String, Object> port = map(list(container.get("ports")).get(0));
        assertThat(port).containsEntry("containerPort", 8090).containsEntry("name", "tcp");
        assertThat(at(deployment, "spec", "selector", "matchLabels"))
                .isEqualTo(at(deployment, "spec", "template", "metadata", "labels"));

        assertThat(at(service, "spec", "selector")).isEqualTo(at(deployment, "spec", "template", "metadata", "labels"));
        Map<String, Object> servicePort = map(list(at(service, "spec", "ports")).get(0));
        assertThat(servicePort).containsEntry("port", 8090).containsEntry("targetPort", "tcp");
    }

    @Test
    void everyPipeIsACamelKPipeWhoseKameletsAreShippedAndDeclareItsProperties() throws Exception {
        List<Path> pipes = Manifests.pipes();
        assertThat(pipes).hasSize(2);
        Set<String> kamelets = new HashSet<>();
        for (Path file : pipes) {
            Map<String, Object> pipe = Manifests.documents(file).get(0);
            assertThat(pipe).containsEntry("apiVersion", CAMEL_V1).containsEntry("kind", "Pipe");
            assertThat(file.getFileName().toString()).isEqualTo(at(pipe, "metadata", "name") + ".pipe.yaml");
            for (String role : List.of("source", "sink")) {
                Map<String, Object> endpoint = map(at(pipe, "spec", role));
                Map<String, Object> ref = map(endpoint.get("ref"));
                assertThat(ref)
                        .as(file + " " + role)
                        .containsEntry("kind", "Kamelet")
                        .containsEntry("apiVersion", CAMEL_V1);
                String name = (String) ref.get("name");
                Map<String, Object> kamelet = Manifests.kamelet(name);
                assertThat(kamelet).as("the Kamelet " + name + " of " + file).isNotNull();
                assertThat(kamelet).containsEntry("apiVersion", CAMEL_V1).containsEntry("kind", "Kamelet");
                assertThat(at(kamelet, "metadata", "name")).isEqualTo(name);
                assertThat(at(kamelet, "metadata", "labels", "camel.apache.org/kamelet.type"))
                        .isEqualTo(role);

                Map<String, Object> declared = map(at(kamelet, "spec", "definition", "properties"));
                Map<String, Object> set = map(endpoint.get("properties"));
                assertThat(declared.keySet())
                        .as(name + " declares what " + file + " sets")
                        .containsAll(set.keySet());
                for (Object required : list(at(kamelet, "spec", "definition", "required"))) {
                    boolean defaulted = map(declared.get(required)).containsKey("default");
                    assertThat(set.containsKey(required) || defaulted)
                            .as(file + " sets the required " + required + " of " + name)
                            .isTrue();
                }
                kamelets.add(name);
            }
        }
        assertThat(kamelets).contains("iggy-source", "iggy-sink");
    }

    @Test
    void thePipesReachIggyThroughItsService() throws Exception {
        List<Map<String, Object>> iggy = Manifests.documents(Manifests.DIR.resolve("iggy.yaml"));
        Map<String, Object> service = iggy.get(1);
        String host = (String) at(service, "metadata", "name");
        String port =
                String.valueOf(map(list(at(service, "spec", "ports")).get(0)).get("port"));
        for (Path file : Manifests.pipes()) {
            Map<String, Object> pipe = Manifests.documents(file).get(0);
            for (String role : List.of("source", "sink")) {
                Map<String, Object> endpoint = map(at(pipe, "spec", role));
                if (String.valueOf(at(endpoint, "ref", "name")).startsWith("iggy-")) {
                    assertThat(map(endpoint.get("properties")))
                            .as(file.toString())
                            .containsEntry("host", host)
                            .containsEntry("port", port);
                }
            }
        }
    }

    @Test
    void theReadmeAppliesManifestsThatExist() throws Exception {
        Path repository = Path.of(System.getProperty("repository.dir", "../.."));
        String readme = Files.readString(Manifests.DIR.resolve("README.md"));
        Matcher apply = Pattern.compile("kubectl apply((?: -f \\S+)+)").matcher(readme);
        List<String> kinds = new ArrayList<>();
        while (apply.find()) {
            for (String file : apply.group(1).trim().split("\\s*-f\\s+")) {
                if (file.isBlank()) {
                    continue;
                }
                Path path = repository.resolve(file);
                List<Path> manifests = Files.isDirectory(path) ? Manifests.pipes() : List.of(path);
                for (Path manifest : manifests) {
                    assertThat(manifest).as("README applies " + file).isRegularFile();
                    for (Map<String, Object> document : Manifests.documents(manifest)) {
                        kinds.add((String) document.get("kind"));
                    }
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("Deployment", "Service", "Kamelet", "Kamelet", "Pipe", "Pipe");
    }
}
