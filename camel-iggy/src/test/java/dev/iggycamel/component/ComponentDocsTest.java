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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/**
 * The option tables of README.md are rendered from the generated iggy.json; a stale README fails the build.
 * {@code -Dupdate.docs=true} rewrites them.
 */
class ComponentDocsTest {

    private static final Path README = Path.of("README.md");
    private static final Path METADATA = Path.of("src/generated/resources/META-INF/dev/iggycamel/component/iggy.json");
    private static final String START = "<!-- options: START -->";
    private static final String END = "<!-- options: END -->";

    @Test
    void theReadmeOptionTablesMatchTheGeneratedMetadata() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md has the %s marker", START).isNotNegative();
        assertThat(end).as("README.md has the %s marker", END).isGreaterThan(start);
        String expected = START + "\n" + render() + END;
        String actual = readme.substring(start, end + END.length());
        if (Boolean.getBoolean("update.docs") && !actual.equals(expected)) {
            Files.writeString(README, readme.substring(0, start) + expected + readme.substring(end + END.length()));
            return;
        }
        assertThat(actual)
                .as("README.md option tables are stale: run ./mvnw -pl camel-iggy test -Dtest=ComponentDocsTest"
                        + " -Dupdate.docs=true")
                .isEqualTo(expected);
    }

    static String render() throws Exception {
        JsonObject metadata = (JsonObject) Jsoner.deserialize(Files.readString(METADATA, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        out.append("\n### Component options\n\n");
        table(out, (JsonObject) metadata.get("componentProperties"));
        out.append("\n### Endpoint options\n\n");
        table(out, (JsonObject) metadata.get("properties"));
        out.append("\n### Headers\n\n| header | kind | type | description |\n|---|---|---|---|\n");
        for (Map.Entry<String, Object> entry : ((JsonObject) metadata.get("headers")).entrySet()) {
            JsonObject header = (JsonObject) entry.getValue();
            out.append("| `")
                    .append(entry.getKey())
                    .append("` | ")
                    .append(cell(header.getString("label")).isEmpty() ? "both" : cell(header.getString("label")))
                    .append(" | `")
                    .append(simpleType(header.getString("javaType")))
                    .append("` | ")
                    .append(cell(header.getString("description")))
                    .append(" |\n");
        }
        out.append('\n');
        return out.toString();
    }

    private static void table(StringBuilder out, JsonObject properties) {
        out.append("| option | group | default | type | description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            JsonObject option = (JsonObject) entry.getValue();
            Object defaultValue = option.get("defaultValue");
            out.append("| `")
                    .append(entry.getKey())
                    .append("` | ")
                    .append(cell(option.getString("group")))
                    .append(" | ")
                    .append(defaultValue == null ? "" : "`" + defaultValue + "`")
                    .append(" | `")
                    .append(simpleType(option.getString("javaType")))
                    .append("` | ")
                    .append(cell(option.getString("description")))
                    .append(Boolean.TRUE.equals(option.get("secret")) ? " (secret)" : "")
                    .append(" |\n");
        }
    }

    private static String simpleType(String javaType) {
        if (javaType == null) {
            return "";
        }
        int dot = javaType.lastIndexOf('.');
        return dot < 0 ? javaType : javaType.substring(dot + 1);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
