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

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Integration tests run against the Iggy server of {@link IggyService} (embedded by default). */
abstract class IggyITSupport extends CamelTestSupport {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    /** A stream name no other test uses, so tests need no reset and run against any server. */
    static String uniqueStream() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        IggyComponent iggyComponent = context.getComponent("iggy", IggyComponent.class);
        iggyComponent.getConfiguration().setHost(iggy.host());
        iggyComponent.getConfiguration().setPort(iggy.port());
        iggyComponent.getConfiguration().setUsername(iggy.username());
        iggyComponent.getConfiguration().setPassword(iggy.password());
        useTransportUnderTest(iggyComponent);
        return context;
    }

    /**
     * The transport the suite runs with: the component's default, or the one {@code -Diggy.transport=native|sdk}
     * names (the build runs the suite once with each).
     */
    static void useTransportUnderTest(IggyComponent component) {
        String transport = System.getProperty("iggy.transport");
        if (transport != null && !transport.isBlank()) {
            component.getConfiguration().setTransportType(transport);
        }
    }
}
