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

import dev.iggycamel.component.IggyComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code iggy} component Camel creates from the {@code camel.component.iggy.*} properties. Off with
 * {@code camel.component.iggy.enabled=false} (or {@code camel.component.enabled=false}); the customizer alone is off
 * with {@code camel.component.iggy.customizer.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, IggyComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.iggy"})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, IggyComponentConfiguration.class})
public class IggyComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final IggyComponentConfiguration configuration;

    public IggyComponentAutoConfiguration(
            ApplicationContext applicationContext,
            CamelContext camelContext,
            IggyComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    /** Applies the properties that are set to the component when Camel creates it (unset ones keep its default). */
    @Lazy
    @Bean
    public ComponentCustomizer configureIggyComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                // a shared configuration bean first, so that the other properties apply on top of it instead of
                // to the configuration it would replace
                Map<String, Object> properties = new LinkedHashMap<>();
                Map<String, Object> set = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
                Object shared = set.remove("configuration");
                if (shared != null) {
                    properties.put("configuration", shared);
                }
                properties.putAll(set);
                CamelPropertiesHelper.setCamelProperties(camelContext, target, properties, false);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof IggyComponent
                        && HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext, "camel.component.customizer", "camel.component.iggy.customizer");
            }
        };
    }
}
