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
package dev.iggycamel.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner applies a pipe's data types where camel-yaml-dsl's Pipe loader does. */
class PipesTest {

    @TempDir
    Path dir;

    private Path pipe(String name, String source, String sink) throws Exception {
        Path file = dir.resolve(name + ".pipe.yaml");
        Files.writeString(
                file,
                "apiVersion: camel.apache.org/v1\nkind: Pipe\nmetadata:\n  name: " + name + "\nspec:\n  source:\n"
                        + source + "  sink:\n" + sink);
        return file;
    }

    @Test
    void sourceOutputDataTypeTransformsRightAfterTheSource() throws Exception {
        Path file = pipe(
                "text-out",
                "    uri: direct:text\n    dataTypes:\n      out:\n        format: text-plain\n",
                "    uri: log:text-out?level=OFF\n");
        assertThat(Pipes.asRoute(file, Map.of())).contains("transformDataType").contains("toType: text-plain");
        try (CamelContext context = new DefaultCamelContext()) {
            Pipes.load(context, Map.of(), file);
            context.start();
            Object body = context.createProducerTemplate()
                    .requestBody("direct:text", "h\u00e9llo".getBytes(StandardCharsets.UTF_8));
            assertThat(body).isEqualTo("h\u00e9llo");
        }
    }

    @Test
    void sinkInputDataTypeTransformsRightBeforeTheSink() throws Exception {
        Path file = pipe(
                "bytes-in",
                "    uri: direct:bytes\n",
                "    uri: log:bytes-in?level=OFF\n    dataTypes:\n      in:\n        format: application-octet-stream\n");
        try (CamelContext context = new DefaultCamelContext()) {
            Pipes.load(context, Map.of(), file);
            context.start();
            Object body = context.createProducerTemplate().requestBody("direct:bytes", "h\u00e9llo");
            assertThat(body).isEqualTo("h\u00e9llo".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void schemeAndFormatMakeTheDataTypeName() throws Exception {
        Path file = pipe(
                "scheme",
                "    uri: direct:scheme\n    dataTypes:\n      out:\n        scheme: iggy\n"
                        + "        format: application-cloudevents\n",
                "    uri: log:scheme\n");
        assertThat(Pipes.asRoute(file, Map.of())).contains("toType").contains("iggy:application-cloudevents");
    }

    @Test
    void aPipeWithoutDataTypesGetsNoTransformation() throws Exception {
        Path file = pipe("plain", "    uri: direct:plain\n", "    uri: log:plain\n");
        assertThat(Pipes.asRoute(file, Map.of())).doesNotContain("transformDataType");
    }
}
