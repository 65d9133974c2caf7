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
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which Maven artifact a class comes from, and which version of an artifact the classpath holds. */
final class ClasspathArtifacts {

    static final String PROJECT_GROUP = "dev.iggycamel";

    /** The artifacts the {@code camel:core} dependency brings (org.apache.camel:camel-core 4.17.0 and its parts). */
    private static final Set<String> CAMEL_CORE = Set.of(
            "camel-api",
            "camel-util",
            "camel-support",
            "camel-management-api",
            "camel-base",
            "camel-base-engine",
            "camel-core",
            "camel-core-engine",
            "camel-core-languages",
            "camel-core-model",
            "camel-core-processor",
            "camel-core-reifier",
            "camel-bean",
            "camel-browse",
            "camel-cluster",
            "camel-controlbus",
            "camel-dataformat",
            "camel-dataset",
            "camel-direct",
            "camel-file",
            "camel-health",
            "camel-language",
            "camel-log",
            "camel-mock",
            "camel-ref",
            "camel-rest",
            "camel-saga",
            "camel-scheduler",
            "camel-seda",
            "camel-stub",
            "camel-timer",
            "camel-validator",
            "camel-xpath",
            "camel-xslt",
            "camel-xml-io",
            "camel-xml-jaxb",
            "camel-xml-jaxp",
            "camel-yaml-io",
            "camel-util-json");

    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom.properties");
    private static final Pattern MODULE_ARTIFACT_ID =
            Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);

    private ClasspathArtifacts() {}

    /** groupId:artifactId of the jar or reactor module a class was loaded from; null for JDK classes. */
    static String artifactOf(Class<?> type) throws IOException {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(location)) {
            // a reactor module's target/classes: its pom is two levels up
            Path pom = location.getParent().getParent().resolve("pom.xml");
            Matcher matcher = MODULE_ARTIFACT_ID.matcher(Files.readString(pom));
            return matcher.find() ? PROJECT_GROUP + ":" + matcher.group(1) : null;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream()
                    .map(entry -> POM_PROPERTIES.matcher(entry.getName()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1) + ":" + m.group(2))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** The version of groupId:artifactId on the classpath, or null when it is not there. */
    static String versionOf(String groupId, String artifactId, String projectVersion) throws IOException {
        if (groupId.equals(PROJECT_GROUP)) {
            return projectVersion;
        }
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ClasspathArtifacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return versionFromRepositoryLayout(groupId, artifactId);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    /**
     * The version of a jar without pom.properties (built by Bazel, sbt, Gradle: protobuf-java, snappy-java) from its
     * path in the Maven repository layout, {@code .../group/path/artifactId/version/artifactId-version.jar}.
     */
    private static String versionFromRepositoryLayout(String groupId, String artifactId) throws IOException {
        String directory = "/" + groupId.replace('.', '/') + "/" + artifactId + "/";
        var manifests = ClasspathArtifacts.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            String path = manifests.nextElement().toString().replaceFirst("!/META-INF/MANIFEST\\.MF$", "");
            int at = path.lastIndexOf(directory);
            if (at < 0) {
                continue;
            }
            String rest = path.substring(at + directory.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && rest.substring(slash + 1).equals(artifactId + "-" + rest.substring(0, slash) + ".jar")) {
                return rest.substring(0, slash);
            }
        }
        return null;
    }

    /** Whether a dependency list entry ({@code camel:x} or {@code mvn:g:a:v}) brings the artifact g:a. */
    static boolean covers(String dependency, String artifact) {
        if (dependency.startsWith("camel:")) {
            String name = dependency.substring("camel:".length());
            if (name.equals("core")) {
                return artifact.startsWith("org.apache.camel:")
                        && CAMEL_CORE.contains(artifact.substring("org.apache.camel:".length()));
            }
            return artifact.equals("org.apache.camel:camel-" + name);
        }
        if (dependency.startsWith("mvn:")) {
            String[] parts = dependency.substring("mvn:".length()).split(":");
            return parts.length >= 2 && artifact.equals(parts[0] + ":" + parts[1]);
        }
        return false;
    }
}
