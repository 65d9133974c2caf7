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
package dev.iggycamel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.junit.jupiter.api.Test;

/**
 * {@code META-INF/spring-configuration-metadata.json} is derived from the component's own metadata
 * ({@code iggy.json}): every option, its description, type, default and values. This test fails when the committed
 * file is stale or an option has no property in {@link IggyComponentConfiguration};
 * {@code ./mvnw -pl spring-boot-starter test -Dtest=SpringConfigurationMetadataTest -Dupdate.metadata=true} rewrites
 * the file.
 */
class SpringConfigurationMetadataTest {

    static final String PREFIX = "camel.component.iggy";
    static final Path METADATA = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");
    private static final String IGGY_JSON = "META-INF/dev/iggycamel/component/iggy.json";
    private static final String CONFIGURATION = IggyComponentConfiguration.class.getName();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void committedMetadataIsDerivedFromTheComponentMetadata() throws Exception {
        String expected = render(metadata());
        if (Boolean.getBoolean("update.metadata")) {
            Files.writeString(METADATA, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(METADATA, StandardCharsets.UTF_8))
                .as("%s is stale: run this test with -Dupdate.metadata=true", METADATA)
                .isEqualTo(expected);
    }

    @Test
    void everyComponentOptionIsAPropertyOfItsType() throws Exception {
        Map<String, PropertyDescriptor> properties = configurationProperties();
        Map<String, JsonNode> options = componentOptions();
        assertThat(options).hasSizeGreaterThan(40);
        for (Map.Entry<String, JsonNode> entry : options.entrySet()) {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            assertThat(properties)
                    .as("a property for the component option %s", name)
                    .containsKey(name);
            assertThat(properties.get(name).getPropertyType())
                    .as("the type of %s", name)
                    .isEqualTo(propertyType(option));
            assertThat(properties.get(name).getWriteMethod())
                    .as("a setter for %s", name)
                    .isNotNull();
            assertThat(option.path("description").asText())
                    .as("the description of %s", name)
                    .isNotBlank();
        }
        assertThat(properties.keySet())
                .as("properties that are not component options")
                .containsExactlyInAnyOrderElementsOf(options.keySet());
    }

    @Test
    void everyObjectOptionTakesABeanReference() throws Exception {
        List<Class<?>> objectTypes = new ArrayList<>();
        for (JsonNode option : componentOptions().values()) {
            if ("object".equals(option.path("type").asText())) {
                objectTypes.add(Class.forName(option.path("javaType").asText()));
            }
        }
        assertThat(objectTypes).containsExactlyInAnyOrderElementsOf(IggyComponentConverter.BEAN_TYPES);
    }

    /** The Spring Boot metadata for every option of iggy.json, plus the starter's own switches. */
    static ObjectNode metadata() throws Exception {
        Map<String, PropertyDescriptor> properties = configurationProperties();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode groups = root.putArray("groups");
        groups.addObject().put("name", PREFIX).put("type", CONFIGURATION).put("sourceType", CONFIGURATION);
        groups.addObject()
                .put("name", PREFIX + ".customizer")
                .put("type", ComponentConfigurationPropertiesCommon.CustomizerProperties.class.getName())
                .put("sourceType", CONFIGURATION)
                .put("sourceMethod", "getCustomizer()");

        Map<String, ObjectNode> sorted = new TreeMap<>();
        sorted.put(
                PREFIX + ".enabled",
                switchProperty(
                        PREFIX + ".enabled",
                        "Whether to enable auto configuration of the iggy component. This is enabled by default.",
                        CONFIGURATION));
        sorted.put(
                PREFIX + ".customizer.enabled",
                switchProperty(
                        PREFIX + ".customizer.enabled",
                        "Whether the camel.component.iggy.* properties are copied onto the iggy component Camel creates."
                                + " This is enabled by default.",
                        ComponentConfigurationPropertiesCommon.CustomizerProperties.class.getName()));
        ArrayNode hints = JSON.createArrayNode();
        for (Map.Entry<String, JsonNode> entry : componentOptions().entrySet()) {
            JsonNode option = entry.getValue();
            String name = PREFIX + "." + kebab(entry.getKey());
            ObjectNode property = JSON.createObjectNode();
            property.put("name", name);
            property.put(
                    "type", properties.get(entry.getKey()).getPropertyType().getName());
            property.put("description", description(option));
            property.put("sourceType", CONFIGURATION);
            if (option.has("defaultValue")) {
                property.set("defaultValue", defaultValue(option));
            }
            if (option.path("deprecated").asBoolean()) {
                property.putObject("deprecation").put("level", "warning");
            }
            sorted.put(name, property);
            if (option.has("enum")) {
                ObjectNode hint = hints.addObject().put("name", name);
                ArrayNode values = hint.putArray("values");
                option.get("enum").forEach(value -> values.addObject().put("value", value.asText()));
            }
        }
        root.putArray("properties").addAll(sorted.values());
        root.set("hints", hints);
        return root;
    }

    private static ObjectNode switchProperty(String name, String description, String sourceType) {
        ObjectNode property = JSON.createObjectNode();
        return property.put("name", name)
                .put("type", Boolean.class.getName())
                .put("description", description)
                .put("sourceType", sourceType)
                .put("defaultValue", true);
    }

    /** The option's description, with how to write the value where Spring's syntax differs from a URI's. */
    static String description(JsonNode option) {
        String description = option.path("description").asText().trim();
        return switch (option.path("type").asText()) {
            case "duration" -> description + " Accepts a duration such as 500ms or 5s; a bare number is milliseconds.";
            case "object" ->
                description + " The value is a reference to a bean of type "
                        + simpleName(option.path("javaType").asText()) + " (#beanName).";
            default -> description;
        };
    }

    private static JsonNode defaultValue(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        if ("duration".equals(option.path("type").asText())) {
            return JSON.getNodeFactory().textNode(value.asText() + "ms");
        }
        return value;
    }

    /** The property type the starter uses for an option of iggy.json. */
    static Class<?> propertyType(JsonNode option) throws ClassNotFoundException {
        if ("duration".equals(option.path("type").asText())) {
            return Duration.class;
        }
        String javaType = option.path("javaType").asText();
        return switch (javaType) {
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            default -> Class.forName(javaType);
        };
    }

    static Map<String, JsonNode> componentOptions() throws Exception {
        try (InputStream in =
                SpringConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(IGGY_JSON)) {
            assertThat(in)
                    .as("%s on the class path (from camel-iggy)", IGGY_JSON)
                    .isNotNull();
            JsonNode options = JSON.readTree(in).get("componentProperties");
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            options.properties().forEach(entry -> byName.put(entry.getKey(), entry.getValue()));
            return byName;
        }
    }

    /** The bean properties of IggyComponentConfiguration, without those of the Camel Spring Boot base class. */
    static Map<String, PropertyDescriptor> configurationProperties() throws Exception {
        Set<String> common = Arrays.stream(Introspector.getBeanInfo(ComponentConfigurationPropertiesCommon.class)
                        .getPropertyDescriptors())
                .map(PropertyDescriptor::getName)
                .collect(Collectors.toSet());
        return Arrays.stream(Introspector.getBeanInfo(IggyComponentConfiguration.class)
                        .getPropertyDescriptors())
                .filter(property -> !common.contains(property.getName()))
                .collect(Collectors.toMap(PropertyDescriptor::getName, property -> property));
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String simpleName(String javaType) {
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    static String render(JsonNode metadata) throws Exception {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(metadata) + "\n";
    }
}
