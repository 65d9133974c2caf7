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
package dev.iggycamel.examples.springboot;

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.embedded.EmbeddedIggyServer;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code IGGY_HOST}, an Iggy server inside this JVM (on a free port, in memory, user iggy/iggy), and the
 * {@code iggy} component pointed at it. Delete this class and the iggy-embedded dependency when you always run
 * against a real Iggy server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${IGGY_HOST:}'.isBlank()")
public class EmbeddedIggyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedIggyConfiguration.class);

    @Bean(destroyMethod = "stop")
    EmbeddedIggyServer embeddedIggyServer() {
        EmbeddedIggyServer server = EmbeddedIggyServer.builder().port(0).build().start();
        LOG.info("IGGY_HOST is not set: started an embedded Iggy server at {}", server.address());
        return server;
    }

    /** Runs after the starter's customizer (which applies camel.component.iggy.*), so the embedded address wins. */
    @Bean
    ComponentCustomizer useEmbeddedIggyServer(EmbeddedIggyServer server) {
        return ComponentCustomizer.builder(IggyComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(component -> {
                    component.getConfiguration().setHost(server.host());
                    component.getConfiguration().setPort(server.port());
                    component.getConfiguration().setUsername(server.rootUsername());
                    component.getConfiguration().setPassword(server.rootPassword());
                });
    }
}
