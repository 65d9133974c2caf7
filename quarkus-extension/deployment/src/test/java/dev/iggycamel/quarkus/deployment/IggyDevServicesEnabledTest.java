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
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No Iggy server configured: dev services start the embedded server and the component talks to it. */
class IggyDevServicesEnabledTest extends DevServicesTestSupport {

    @RegisterExtension
    static final QuarkusUnitTest TEST = expectingDevService();

    @Inject
    CamelContext context;

    @Inject
    ProducerTemplate producer;

    @Inject
    ConsumerTemplate consumer;

    @ConfigProperty(name = IggyDevServicesProcessor.HOST)
    String host;

    @ConfigProperty(name = IggyDevServicesProcessor.PORT)
    int port;

    @Test
    void componentPointsAtTheEmbeddedServer() {
        IggyComponent component = context.getComponent("iggy", IggyComponent.class);

        assertThat(host).isEqualTo("localhost");
        assertThat(port).isPositive().isNotEqualTo(8090);
        assertThat(component.getConfiguration().getHost()).isEqualTo(host);
        assertThat(component.getConfiguration().getPort()).isEqualTo(port);
    }

    @Test
    void messageMakesTheRoundTrip() {
        // the send completes only once the server acknowledged it
        producer.sendBody("iggy:devservices/roundtrip", "hello dev services");

        Object body =
                consumer.receiveBody("iggy:devservices/roundtrip?consumerName=check&pollingStrategy=first", 20_000);

        assertThat(body).isInstanceOf(byte[].class);
        assertThat(new String((byte[]) body, StandardCharsets.UTF_8)).isEqualTo("hello dev services");
    }
}
