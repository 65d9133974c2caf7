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
package dev.iggycamel.component.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.testinfra.IggyTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The YAML DSL example of README.md, loaded and run as a user would. */
class YamlDslExampleIT extends IggyITSupport {

    private final String stream = uniqueStream();

    @AfterEach
    void cleanUp() {
        try (IggyTestClient client = new IggyTestClient(iggy)) {
            client.deleteStream(stream);
        }
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void theReadmeYamlRoutesProduceAndConsume() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml =
                readme.substring(start, readme.indexOf("```", start)).replace("iggy:demo/", "iggy:" + stream + "/");
        assertThat(yaml).contains("iggy:" + stream + "/ticks");

        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("readme-example.yaml", yaml));
        MockEndpoint ticks = context.getEndpoint("mock:ticks", MockEndpoint.class);
        ticks.expectedMessageCount(5);
        context.start();

        ticks.assertIsSatisfied(10_000);
        assertThat(ticks.getExchanges())
                .extracting(e -> e.getMessage().getBody(String.class))
                .containsOnly("tick from produce")
                .hasSize(5);
    }
}
