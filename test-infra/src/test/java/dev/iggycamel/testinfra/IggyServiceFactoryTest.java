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
package dev.iggycamel.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IggyServiceFactoryTest {

    private final String previousType = System.getProperty(IggyProperties.INSTANCE_TYPE);

    @AfterEach
    void restore() {
        restore(IggyProperties.INSTANCE_TYPE, previousType);
        System.clearProperty(IggyProperties.HOST);
        System.clearProperty(IggyProperties.PORT);
        System.clearProperty(IggyProperties.TLS_PORT);
    }

    @Test
    void anUnknownInstanceTypeFailsWithTheValidList() {
        System.setProperty(IggyProperties.INSTANCE_TYPE, "kubernetes");

        assertThatThrownBy(IggyServiceFactory::createService)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iggy.instance.type=kubernetes")
                .hasMessageContaining("embedded, remote, container");
    }

    @Test
    void theDefaultIsTheEmbeddedServerOnAFreePort() {
        System.clearProperty(IggyProperties.INSTANCE_TYPE);
        IggyService service = IggyServiceFactory.createService();
        try {
            service.initialize();
            assertThat(service.supportsReset()).isTrue();
            assertThat(service.port()).isPositive().isNotEqualTo(8090);
            assertThat(service.username()).isEqualTo("iggy");
            assertThat(System.getProperty(IggyProperties.PORT)).isEqualTo(Integer.toString(service.port()));
        } finally {
            service.shutdown();
        }
    }

    @Test
    void remoteReadsWhereTheServerIsFromSystemProperties() {
        System.setProperty(IggyProperties.INSTANCE_TYPE, " Remote ");
        System.setProperty(IggyProperties.HOST, "iggy.example");
        System.setProperty(IggyProperties.PORT, "18090");

        IggyService service = IggyServiceFactory.createService();
        service.initialize();

        assertThat(service.address()).isEqualTo("iggy.example:18090");
        assertThat(service.supportsReset()).isFalse();
        assertThatThrownBy(service::reset).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void remoteTlsNeedsTheTlsPort() {
        System.setProperty(IggyProperties.INSTANCE_TYPE, "remote");

        IggyService service = IggyServiceFactory.createTlsService();

        assertThatThrownBy(service::initialize).hasMessageContaining(IggyProperties.TLS_PORT);
    }

    @Test
    void remoteRejectsAPortThatIsNotANumber() {
        System.setProperty(IggyProperties.INSTANCE_TYPE, "remote");
        System.setProperty(IggyProperties.PORT, "eighty");

        assertThatThrownBy(() -> IggyServiceFactory.createService().port())
                .hasMessageContaining("-Diggy.port must be a port number, got eighty");
    }

    @Test
    void theContainerImageIsPinnedToTheZeroEightProtocol() {
        assertThat(ContainerLocalIggyInfraService.image()).isEqualTo("apache/iggy:0.8.0");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
