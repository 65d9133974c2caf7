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
package dev.iggycamel.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.component.IggyConfiguration;
import dev.iggycamel.component.IggyHeaderPolicy;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * camel.component.iggy.host is set: no dev service, the component keeps the configured server; camel.component.iggy.*
 * options reach the component through Camel's property binding (kebab case and enums included).
 */
class IggyDevServicesHostSetTest extends DevServicesTestSupport {

    @RegisterExtension
    static final QuarkusUnitTest TEST = expectingNoDevService(IggyDevServicesProcessor.HOST + " is set")
            .overrideConfigKey(IggyDevServicesProcessor.HOST, "iggy.example.invalid")
            .overrideConfigKey("camel.component.iggy.partitions", "4")
            .overrideConfigKey("camel.component.iggy.poll-interval-ms", "250")
            .overrideConfigKey("camel.component.iggy.header-policy", "asString")
            .overrideConfigKey("camel.component.iggy.username", "alice");

    @Inject
    CamelContext context;

    @Inject
    Config config;

    @Test
    void componentKeepsTheConfiguredServer() {
        IggyComponent component = context.getComponent("iggy", IggyComponent.class);

        assertThat(component.getConfiguration().getHost()).isEqualTo("iggy.example.invalid");
        assertThat(component.getConfiguration().getPort()).isEqualTo(8090);
        // dev services would have set the port
        assertThat(config.getOptionalValue(IggyDevServicesProcessor.PORT, String.class))
                .isEmpty();
    }

    @Test
    void componentOptionsComeFromConfiguration() {
        IggyConfiguration configuration =
                context.getComponent("iggy", IggyComponent.class).getConfiguration();

        assertThat(configuration.getPartitions()).isEqualTo(4);
        assertThat(configuration.getPollIntervalMs()).isEqualTo(250);
        assertThat(configuration.getHeaderPolicy()).isEqualTo(IggyHeaderPolicy.asString);
        assertThat(configuration.getUsername()).isEqualTo("alice");
    }
}
