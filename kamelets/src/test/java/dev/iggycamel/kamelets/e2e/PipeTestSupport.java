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
package dev.iggycamel.kamelets.e2e;

import dev.iggycamel.kamelets.Pipes;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import dev.iggycamel.testinfra.IggyTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a pipe file from {@code kamelets/pipes/} unchanged except for overridden Kamelet properties, against the Iggy
 * server of the test infrastructure (embedded by default), and checks Iggy from outside with the official SDK.
 */
abstract class PipeTestSupport {

    @RegisterExtension
    static IggyService iggy = IggyServiceFactory.createSingletonService();

    protected IggyTestClient client;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void connect() {
        client = new IggyTestClient(iggy);
    }

    @AfterEach
    void stopPipes() {
        contexts.forEach(CamelContext::stop);
        client.close();
    }

    static Path pipe(String name) {
        return Path.of(System.getProperty("pipes.dir", "pipes")).resolve(name + ".pipe.yaml");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Overrides that point a Kamelet (iggy-source or iggy-sink) at the test's Iggy server, stream and topic. */
    static Map<String, String> iggyProperties(String kamelet, String stream, String topic) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(kamelet + ".host", iggy.host());
        properties.put(kamelet + ".port", Integer.toString(iggy.port()));
        properties.put(kamelet + ".username", iggy.username());
        properties.put(kamelet + ".password", iggy.password());
        properties.put(kamelet + ".stream", stream);
        properties.put(kamelet + ".topic", topic);
        if (iggy.isTls()) {
            properties.put(kamelet + ".tls", "true");
            if (iggy.tlsCertificate() != null) {
                properties.put(
                        kamelet + ".tlsCertificate", iggy.tlsCertificate().toString());
            }
        }
        return properties;
    }

    /** Starts the pipe file with the overrides; it is stopped after the test. */
    CamelContext startPipe(String name, Map<String, String> overrides) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Pipes.load(context, overrides, pipe(name));
        context.start();
        contexts.add(context);
        return context;
    }

    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> whatIsMissing)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + ": " + whatIsMissing.get());
            }
            Thread.sleep(50);
        }
    }
}
