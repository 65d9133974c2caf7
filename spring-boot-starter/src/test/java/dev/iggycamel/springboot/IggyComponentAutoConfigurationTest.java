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

import dev.iggycamel.component.IggyComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The switches of the auto-configuration: on by default, off per component or for its customizer. */
class IggyComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CamelAutoConfiguration.class, IggyComponentConverter.class, IggyComponentAutoConfiguration.class))
            .withPropertyValues("camel.component.iggy.batch-max-messages=7");

    @Test
    void onByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(IggyComponentConfiguration.class);
            assertThat(context).hasSingleBean(ComponentCustomizer.class);
            assertThat(batchMaxMessages(context.getBean(CamelContext.class))).isEqualTo(7);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"camel.component.iggy.enabled=false", "camel.component.enabled=false"})
    void offForTheComponentOrForAll(String off) {
        runner.withPropertyValues(off).run(context -> {
            assertThat(context).doesNotHaveBean(IggyComponentConfiguration.class);
            assertThat(context).doesNotHaveBean(ComponentCustomizer.class);
            assertThat(batchMaxMessages(context.getBean(CamelContext.class))).isEqualTo(1000);
        });
    }

    @Test
    void customizerOff() {
        runner.withPropertyValues("camel.component.iggy.customizer.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(IggyComponentConfiguration.class);
                    assertThat(batchMaxMessages(context.getBean(CamelContext.class)))
                            .isEqualTo(1000);
                });
    }

    private static int batchMaxMessages(CamelContext camelContext) {
        return camelContext
                .getComponent("iggy", IggyComponent.class)
                .getConfiguration()
                .getBatchMaxMessages();
    }
}
