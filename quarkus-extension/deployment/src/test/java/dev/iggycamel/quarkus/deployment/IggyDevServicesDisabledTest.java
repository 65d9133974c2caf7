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
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** quarkus.camel.iggy.devservices.enabled=false: no dev service although no host is set. */
class IggyDevServicesDisabledTest extends DevServicesTestSupport {

    @RegisterExtension
    static final QuarkusUnitTest TEST = expectingNoDevService("quarkus.camel.iggy.devservices.enabled is false")
            .overrideConfigKey("quarkus.camel.iggy.devservices.enabled", "false");

    @Inject
    CamelContext context;

    @Inject
    Config config;

    @Test
    void componentKeepsItsDefaults() {
        IggyComponent component = context.getComponent("iggy", IggyComponent.class);

        assertThat(config.getOptionalValue(IggyDevServicesProcessor.HOST, String.class))
                .isEmpty();
        assertThat(config.getOptionalValue(IggyDevServicesProcessor.PORT, String.class))
                .isEmpty();
        assertThat(component.getConfiguration().getHost()).isEqualTo("localhost");
        assertThat(component.getConfiguration().getPort()).isEqualTo(8090);
    }
}
