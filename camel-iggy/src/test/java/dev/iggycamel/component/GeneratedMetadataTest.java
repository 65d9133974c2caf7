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
package dev.iggycamel.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated metadata (configurers, URI factory, iggy.json) is committed under src/generated: it must be what
 * camel-component-maven-plugin generates from the current sources, and say what the code does.
 */
class GeneratedMetadataTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path GENERATED = MODULE.resolve("src/generated");
    /** The committed src/generated, copied at initialize, before the plugin regenerates it at process-classes. */
    private static final Path COMMITTED = MODULE.resolve("target/generated-committed");

    private static final Path JSON = GENERATED.resolve("resources/META-INF/dev/iggycamel/component/iggy.json");

    private DefaultCamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void theCommittedGeneratedFilesAreUpToDate() throws IOException {
        assertThat(COMMITTED)
                .withFailMessage(
                        "%s does not exist: run the tests through Maven, whose initialize phase copies src/generated",
                        COMMITTED)
                .isDirectory();
        Map<String, byte[]> generated = files(GENERATED);
        Map<String, byte[]> committed = files(COMMITTED);

        List<String> stale = new ArrayList<>();
        for (String file : new TreeSet<>(union(generated, committed))) {
            if (!committed.containsKey(file)) {
                stale.add(file + " (new, not committed)");
            } else if (!generated.containsKey(file)) {
                stale.add(file + " (no longer generated)");
            } else if (!Arrays.equals(generated.get(file), committed.get(file))) {
                stale.add(file);
            }
        }

        assertThat(generated).as("generated files").isNotEmpty();
        assertThat(stale)
                .withFailMessage(
                        "The committed generated metadata is stale: %s.%nRun ./mvnw -pl camel-iggy process-classes"
                                + " and commit src/generated.",
                        stale)
                .isEmpty();
    }

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonObject json = json();
        List<String> undescribed = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            JsonObject entries = json.getMap(section);
            assertThat(entries).as(section).isNotEmpty();
            entries.forEach((name, value) -> {
                String description = ((JsonObject) value).getString("description");
                if (description == null || description.isBlank()) {
                    undescribed.add(section + "." + name);
                }
            });
        }

        assertThat(undescribed)
                .withFailMessage(
                        "Without a description (javadoc on the setter, or a description in the annotation): %s",
                        undescribed)
                .isEmpty();
    }

    @Test
    void endpointDefaultsAreWhatAFreshConfigurationHas() throws Exception {
        IggyConfiguration configuration = new IggyConfiguration();
        IggyEndpoint endpoint = new IggyEndpoint("iggy:s/t", component(), configuration);

        List<String> wrong = wrongDefaults(json().getMap("properties"), configuration, endpoint);

        assertThat(wrong)
                .withFailMessage("iggy.json defaults that differ from the code: %s", wrong)
                .isEmpty();
    }

    @Test
    void componentDefaultsAreWhatAFreshComponentHas() throws Exception {
        IggyComponent component = component();

        List<String> wrong =
                wrongDefaults(json().getMap("componentProperties"), component.getConfiguration(), component);

        assertThat(wrong)
                .withFailMessage("iggy.json component defaults that differ from the code: %s", wrong)
                .isEmpty();
    }

    @Test
    void everyConfigurationFieldIsAnOption() throws Exception {
        JsonObject endpointOptions = json().getMap("properties");
        JsonObject componentOptions = json().getMap("componentProperties");
        List<String> missing = new ArrayList<>();
        for (Field field : IggyConfiguration.class.getDeclaredFields()) {
            String name = field.getName();
            if (field.isAnnotationPresent(UriPath.class)) {
                JsonObject option = endpointOptions.getMap(name);
                if (option == null || !"path".equals(option.getString("kind"))) {
                    missing.add("path " + name);
                }
            }
            if (field.isAnnotationPresent(UriParam.class)) {
                if (!endpointOptions.containsKey(name)) {
                    missing.add("endpoint option " + name);
                }
                if (!componentOptions.containsKey(name)) {
                    missing.add("component option " + name);
                }
            }
        }
        for (Field field : IggyEndpoint.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(UriParam.class)
                    && field.getType() != IggyConfiguration.class
                    && !endpointOptions.containsKey(field.getName())) {
                missing.add("endpoint option " + field.getName());
            }
        }
        for (Field field : IggyComponent.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class) && !componentOptions.containsKey(field.getName())) {
                missing.add("component option " + field.getName());
            }
        }

        assertThat(missing).withFailMessage("Not in iggy.json: %s", missing).isEmpty();
    }

    @Test
    void everyConfigurationOptionInTheJsonIsAField() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            JsonObject options = json().getMap(section);
            options.forEach((name, value) -> {
                JsonObject option = (JsonObject) value;
                if (IggyConfiguration.class.getName().equals(option.getString("configurationClass"))
                        && field(IggyConfiguration.class, name) == null) {
                    unknown.add(section + "." + name);
                }
            });
        }

        assertThat(unknown)
                .withFailMessage("No such IggyConfiguration field: %s", unknown)
                .isEmpty();
    }

    @Test
    void enumOptionsListTheEnumsConstants() throws Exception {
        List<String> wrong = new ArrayList<>();
        JsonObject options = json().getMap("properties");
        options.forEach((name, value) -> {
            JsonObject option = (JsonObject) value;
            Field field = field(IggyConfiguration.class, name);
            if (field != null && field.getType().isEnum()) {
                List<String> constants = Stream.of(field.getType().getEnumConstants())
                        .map(Object::toString)
                        .toList();
                List<?> listed = option.getCollection("enum") == null
                        ? List.of()
                        : new ArrayList<>(option.getCollection("enum"));
                if (!constants.equals(listed)) {
                    wrong.add(name + ": " + listed + " instead of " + constants);
                }
            }
        });

        assertThat(wrong)
                .withFailMessage("Enum options listed wrongly: %s", wrong)
                .isEmpty();
    }

    @Test
    void everyHeaderConstantIsDocumented() throws Exception {
        JsonObject headers = json().getMap("headers");
        List<String> missing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Field field : IggyConstants.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                String header = (String) field.get(null);
                names.add(header);
                if (!field.isAnnotationPresent(Metadata.class) || !headers.containsKey(header)) {
                    missing.add(field.getName() + " (" + header + ")");
                }
            }
        }

        assertThat(missing)
                .withFailMessage("Header constants not in iggy.json: %s", missing)
                .isEmpty();
        assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    // --- helpers

    private IggyComponent component() {
        IggyComponent component = new IggyComponent();
        component.setCamelContext(context);
        return component;
    }

    /**
     * Options whose JSON default differs from what the code starts with: an option of IggyConfiguration is read from
     * the configuration, any other from the owner (endpoint or component). Options of IggyConfiguration without a
     * JSON default must start empty (null, 0 or false).
     */
    private static List<String> wrongDefaults(JsonObject options, IggyConfiguration configuration, Object owner)
            throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Object> entry : new TreeMap<>(options).entrySet()) {
            String name = entry.getKey();
            JsonObject option = (JsonObject) entry.getValue();
            if ("path".equals(option.getString("kind"))) {
                continue;
            }
            boolean fromConfiguration =
                    IggyConfiguration.class.getName().equals(option.getString("configurationClass"));
            Object declared = option.get("defaultValue");
            if (declared == null && !fromConfiguration) {
                continue; // such as the transport, whose getter creates the default one
            }
            Object target = fromConfiguration ? configuration : owner;
            Method getter = getter(target.getClass(), name);
            if (getter == null) {
                wrong.add(name + ": no getter on " + target.getClass().getSimpleName());
                continue;
            }
            Object actual = getter.invoke(target);
            if (declared == null) {
                if (!isEmpty(actual)) {
                    wrong.add(name + ": no default in iggy.json, the code starts with " + actual);
                }
                continue;
            }
            String expected = "duration".equals(option.getString("type"))
                    ? String.valueOf(TimeUtils.toMilliSeconds(declared.toString()))
                    : declared.toString();
            if (!expected.equals(String.valueOf(actual))) {
                wrong.add(name + ": iggy.json says " + declared + ", the code starts with " + actual);
            }
        }
        return wrong;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof Number number && number.doubleValue() == 0);
    }

    private static Method getter(Class<?> type, String option) {
        String suffix = Character.toUpperCase(option.charAt(0)) + option.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                return type.getMethod(prefix + suffix);
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static JsonObject json() throws Exception {
        return (JsonObject) Jsoner.deserialize(Files.readString(JSON));
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static List<String> union(Map<String, byte[]> first, Map<String, byte[]> second) {
        List<String> names = new ArrayList<>(first.keySet());
        names.addAll(second.keySet());
        return names;
    }
}
