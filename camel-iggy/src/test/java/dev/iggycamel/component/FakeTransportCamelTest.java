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
package dev.iggycamel.component;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Unit tests that need a started Camel context whose iggy component talks to a {@link FakeIggyTransport}. */
abstract class FakeTransportCamelTest {

    protected DefaultCamelContext context;
    protected IggyComponent component;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        component = new IggyComponent();
        component.setTransport(new FakeIggyTransport());
        context.addComponent("iggy", component);
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }
}
