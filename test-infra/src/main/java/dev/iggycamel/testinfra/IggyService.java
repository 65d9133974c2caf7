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

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Iggy server as a JUnit 5 extension: register it with
 * {@code @RegisterExtension static IggyService iggy = IggyServiceFactory.createSingletonService();} and read
 * {@link #host()}, {@link #port()}, {@link #username()} and {@link #password()}. Which server it is comes from
 * {@code -Diggy.instance.type} ({@code embedded} by default, {@code remote}, {@code container}).
 */
public interface IggyService extends IggyInfraService, BeforeAllCallback, AfterAllCallback {

    @Override
    default void beforeAll(ExtensionContext context) {
        initialize();
    }

    @Override
    default void afterAll(ExtensionContext context) {
        shutdown();
    }
}
