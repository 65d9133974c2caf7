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

import dev.iggycamel.component.IggyCommitMode;
import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.component.IggyConfiguration;
import dev.iggycamel.component.IggyEndpoint;
import dev.iggycamel.component.IggyPartitioning;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The camel.component.iggy.* properties reach the component Camel creates, and its endpoints. */
@SpringBootTest(
        classes = IggyComponentPropertiesTest.App.class,
        properties = {
            "camel.component.iggy.host=iggy.example.test",
            "camel.component.iggy.port=18090",
            "camel.component.iggy.username=alice",
            "camel.component.iggy.password=s3cret",
            "camel.component.iggy.batch-max-messages=7",
            "camel.component.iggy.linger-ms=5s",
            "camel.component.iggy.poll-interval-ms=250",
            "camel.component.iggy.commit-mode=manual",
            "camel.component.iggy.partitioning=messagesKey",
            "camel.component.iggy.partition-key=${header.device}",
            "camel.component.iggy.auto-create-topic=false",
            "camel.component.iggy.ssl-context-parameters=#iggySsl",
            "camel.component.iggy.configuration=#sharedIggyConfiguration",
            "camel.component.iggy.lazy-start-producer=true"
        })
class IggyComponentPropertiesTest {

    @Autowired
    CamelContext camelContext;

    @Autowired
    SSLContextParameters iggySsl;

    @Autowired
    IggyConfiguration sharedIggyConfiguration;

    @Test
    void propertiesReachTheComponent() {
        IggyComponent component = camelContext.getComponent("iggy", IggyComponent.class);
        IggyConfiguration configuration = component.getConfiguration();

        assertThat(configuration.getHost()).isEqualTo("iggy.example.test");
        assertThat(configuration.getPort()).isEqualTo(18090);
        assertThat(configuration.getUsername()).isEqualTo("alice");
        assertThat(configuration.getPassword()).isEqualTo("s3cret");
        assertThat(configuration.getBatchMaxMessages()).isEqualTo(7);
        assertThat(configuration.getLingerMs()).isEqualTo(5000);
        assertThat(configuration.getPollIntervalMs()).isEqualTo(250);
        assertThat(configuration.getCommitMode()).isEqualTo(IggyCommitMode.manual);
        assertThat(configuration.getPartitioning()).isEqualTo(IggyPartitioning.messagesKey);
        assertThat(configuration.getPartitionKey()).isEqualTo("${header.device}");
        assertThat(configuration.isAutoCreateTopic()).isFalse();
        assertThat(configuration.getSslContextParameters()).isSameAs(iggySsl);
        assertThat(component.isLazyStartProducer()).isTrue();
    }

    @Test
    void propertiesApplyOnTopOfASharedConfigurationBean() {
        IggyConfiguration configuration =
                camelContext.getComponent("iggy", IggyComponent.class).getConfiguration();

        assertThat(configuration).isSameAs(sharedIggyConfiguration);
        assertThat(configuration.getBatchMaxBytes()).isEqualTo(4096);
        assertThat(configuration.getPollBatchSize()).isEqualTo(42);
        assertThat(configuration.getHost()).isEqualTo("iggy.example.test");
        assertThat(configuration.getBatchMaxMessages()).isEqualTo(7);
    }

    @Test
    void unsetPropertiesKeepTheComponentDefaults() {
        IggyConfiguration defaults = new IggyConfiguration();
        IggyConfiguration configuration =
                camelContext.getComponent("iggy", IggyComponent.class).getConfiguration();

        assertThat(configuration.getMaxInFlight()).isEqualTo(defaults.getMaxInFlight());
        assertThat(configuration.getConsumersCount()).isEqualTo(defaults.getConsumersCount());
        assertThat(configuration.getShutdownTimeout()).isEqualTo(defaults.getShutdownTimeout());
        assertThat(configuration.getConnectTimeout()).isEqualTo(defaults.getConnectTimeout());
        assertThat(configuration.isAutoCreateStream()).isTrue();
    }

    @Test
    void endpointsStartFromTheComponentSettings() {
        IggyEndpoint endpoint = camelContext.getEndpoint("iggy:shop/orders?batchMaxMessages=9", IggyEndpoint.class);

        assertThat(endpoint.getConfiguration().getHost()).isEqualTo("iggy.example.test");
        assertThat(endpoint.getConfiguration().getUsername()).isEqualTo("alice");
        assertThat(endpoint.getConfiguration().getBatchMaxMessages()).isEqualTo(9);
        assertThat(endpoint.getConfiguration().getStream()).isEqualTo("shop");
        assertThat(endpoint.getConfiguration().getTopic()).isEqualTo("orders");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        SSLContextParameters iggySsl() {
            return new SSLContextParameters();
        }

        @Bean
        IggyConfiguration sharedIggyConfiguration() {
            IggyConfiguration configuration = new IggyConfiguration();
            configuration.setBatchMaxBytes(4096);
            configuration.setPollBatchSize(42);
            return configuration;
        }
    }
}
