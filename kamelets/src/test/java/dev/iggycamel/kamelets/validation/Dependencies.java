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

import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;

/** Resolves Kamelet dependencies and finds the artifacts a template needs, on the test classpath. */
final class Dependencies {

    private static final String TRANSFORMERS = "META-INF/services/org/apache/camel/transformer/";

    private Dependencies() {}

    /** Null when the dependency is on the classpath (at its version for mvn:), else what is wrong. */
    static String unresolved(String dependency, String projectVersion) throws Exception {
        if (dependency.startsWith("camel:")) {
            String name = dependency.substring("camel:".length());
            String artifactId = name.equals("core") ? "camel-core-engine" : "camel-" + name;
            return ClasspathArtifacts.versionOf("org.apache.camel", artifactId, projectVersion) != null
                    ? null
                    : "is not on the classpath (org.apache.camel:" + artifactId + ")";
        }
        if (dependency.startsWith("mvn:")) {
            String[] parts = dependency.substring("mvn:".length()).split(":");
            if (parts.length != 3) {
                return "must be mvn:groupId:artifactId:version";
            }
            String version = ClasspathArtifacts.versionOf(parts[0], parts[1], projectVersion);
            if (version == null) {
                return "is not on the classpath";
            }
            return version.equals(parts[2])
                    ? null
                    : "declares version " + parts[2] + " but the build resolves " + version;
        }
        return "must start with camel: or mvn:";
    }

    /** The artifacts (groupId:artifactId) of the components and bean classes a template uses. */
    static Set<String> artifactsUsedBy(CamelContext context, Object template, Path file, Violations v)
            throws Exception {
        Set<String> artifacts = new LinkedHashSet<>();
        for (String scheme : TemplateScan.schemes(template)) {
            Component component = context.getComponent(scheme, true, false);
            if (component == null) {
                v.add(file, "component-found", "no component for the scheme " + scheme + " on the classpath");
                continue;
            }
            add(artifacts, ClasspathArtifacts.artifactOf(component.getClass()));
        }
        for (String className : TemplateScan.beanClasses(template)) {
            try {
                add(artifacts, ClasspathArtifacts.artifactOf(Class.forName(className)));
            } catch (ClassNotFoundException e) {
                v.add(file, "bean-class", "the bean class " + className + " is not on the classpath");
            }
        }
        return artifacts;
    }

    /** The artifact that registers a data type transformer, or null. */
    static String transformerArtifact(String format) throws Exception {
        URL url = transformerResource(format);
        if (url == null) {
            return null;
        }
        if (url.openConnection() instanceof JarURLConnection jar) {
            jar.setUseCaches(false); // closing a cached JarFile would break the class loader's copy
            try (var file = jar.getJarFile()) {
                return file.stream()
                        .map(entry -> entry.getName())
                        .filter(name -> name.matches("META-INF/maven/[^/]+/[^/]+/pom.properties"))
                        .map(name -> name.split("/")[2] + ":" + name.split("/")[3])
                        .findFirst()
                        .orElse(null);
            }
        }
        // a reactor module's target/classes (only camel-iggy registers transformers in this project)
        return ClasspathArtifacts.PROJECT_GROUP + ":camel-iggy";
    }

    private static URL transformerResource(String format) {
        return Dependencies.class.getClassLoader().getResource(TRANSFORMERS + format.replace(':', '-'));
    }

    private static void add(Set<String> artifacts, String artifact) {
        if (artifact != null) {
            artifacts.add(artifact);
        }
    }
}
