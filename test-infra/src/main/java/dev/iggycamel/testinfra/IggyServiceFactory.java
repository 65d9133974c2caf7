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

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@link IggyService} that {@code -Diggy.instance.type} asks for:
 * <ul>
 *   <li>{@code embedded} (default): an in-JVM server on a free port;
 *   <li>{@code remote}: a running server at {@code -Diggy.host}/{@code -Diggy.port} (credentials {@code
 *       -Diggy.username}/{@code -Diggy.password});
 *   <li>{@code container}: Testcontainers {@code apache/iggy:0.8.0}, skipped with a reason when no Docker engine
 *       answers.
 * </ul>
 */
public final class IggyServiceFactory {

    public static final List<String> INSTANCE_TYPES =
            List.of(IggyProperties.EMBEDDED, IggyProperties.REMOTE, IggyProperties.CONTAINER);

    private static final Logger LOG = LoggerFactory.getLogger(IggyServiceFactory.class);

    private IggyServiceFactory() {}

    /** A service started before the test class and stopped after it. */
    public static IggyService createService() {
        return create(instanceType(), false);
    }

    /** A server with TLS: embedded with a generated certificate, or a remote server's TLS listener. */
    public static IggyService createTlsService() {
        return create(instanceType(), true);
    }

    /** One service for the whole test run, started by the first class that uses it and stopped at the end. */
    public static IggyService createSingletonService() {
        return SingletonHolder.INSTANCE;
    }

    /** The configured instance type; an unknown one fails with the valid list. */
    public static String instanceType() {
        String type = System.getProperty(IggyProperties.INSTANCE_TYPE, IggyProperties.EMBEDDED)
                .trim()
                .toLowerCase(Locale.ROOT);
        if (!INSTANCE_TYPES.contains(type)) {
            throw new IllegalArgumentException("Unknown -D" + IggyProperties.INSTANCE_TYPE + "="
                    + System.getProperty(IggyProperties.INSTANCE_TYPE) + ": valid values are "
                    + String.join(", ", INSTANCE_TYPES));
        }
        return type;
    }

    static IggyService create(String type, boolean tls) {
        LOG.info("Iggy test server: {}{}", type, tls ? " (TLS)" : "");
        return switch (type) {
            case IggyProperties.EMBEDDED ->
                tls
                        ? new EmbeddedService(EmbeddedIggyInfraService.withTls())
                        : new EmbeddedService(new EmbeddedIggyInfraService());
            case IggyProperties.REMOTE -> new RemoteService(tls);
            case IggyProperties.CONTAINER -> {
                if (tls) {
                    throw new UnsupportedOperationException("the container instance type has no TLS listener");
                }
                yield new ContainerService();
            }
            default ->
                throw new IllegalArgumentException(
                        "Unknown instance type " + type + ": valid values are " + String.join(", ", INSTANCE_TYPES));
        };
    }

    /** Delegates to an infra service; used so the embedded one can be wrapped with or without TLS. */
    static class EmbeddedService implements IggyService {
        private final EmbeddedIggyInfraService delegate;

        EmbeddedService(EmbeddedIggyInfraService delegate) {
            this.delegate = delegate;
        }

        @Override
        public void initialize() {
            delegate.initialize();
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public String host() {
            return delegate.host();
        }

        @Override
        public int port() {
            return delegate.port();
        }

        @Override
        public String username() {
            return delegate.username();
        }

        @Override
        public String password() {
            return delegate.password();
        }

        @Override
        public boolean isTls() {
            return delegate.isTls();
        }

        @Override
        public Path tlsCertificate() {
            return delegate.tlsCertificate();
        }

        @Override
        public boolean supportsReset() {
            return true;
        }

        @Override
        public void reset() {
            delegate.reset();
        }

        /** The infra service, whose server tests may stop and start. */
        public EmbeddedIggyInfraService infra() {
            return delegate;
        }
    }

    static final class RemoteService extends RemoteIggyInfraService implements IggyService {
        RemoteService(boolean tls) {
            super(tls);
        }
    }

    static final class ContainerService extends ContainerLocalIggyInfraService implements IggyService {
        @Override
        public void beforeAll(ExtensionContext context) {
            Assumptions.assumeTrue(
                    isAvailable(),
                    "Skipped: -D" + IggyProperties.INSTANCE_TYPE + "=container needs a Docker engine (and"
                            + " Testcontainers on the class path), and none answers here");
            initialize();
        }
    }

    /** The JVM-wide service: initialized once, shut down when the JUnit run ends (or the JVM exits). */
    private static final class SingletonHolder {
        static final IggyService INSTANCE = new SingletonService(create(instanceType(), false));
    }

    static final class SingletonService implements IggyService {
        private final IggyService delegate;
        private boolean initialized;

        SingletonService(IggyService delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void beforeAll(ExtensionContext context) {
            if (!initialized) {
                delegate.beforeAll(context);
                initialized = true;
                context.getRoot()
                        .getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(SingletonService.class.getName(), (AutoCloseable) this::stop);
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            // shared with later test classes: stopped when the whole run ends
        }

        private synchronized void stop() {
            if (initialized) {
                delegate.shutdown();
                initialized = false;
            }
        }

        @Override
        public void initialize() {
            delegate.initialize();
        }

        @Override
        public void shutdown() {
            LOG.debug("the singleton Iggy service stops at the end of the test run, not now");
        }

        @Override
        public String host() {
            return delegate.host();
        }

        @Override
        public int port() {
            return delegate.port();
        }

        @Override
        public String username() {
            return delegate.username();
        }

        @Override
        public String password() {
            return delegate.password();
        }

        @Override
        public boolean isTls() {
            return delegate.isTls();
        }

        @Override
        public Path tlsCertificate() {
            return delegate.tlsCertificate();
        }

        @Override
        public boolean supportsReset() {
            return delegate.supportsReset();
        }

        @Override
        public void reset() {
            delegate.reset();
        }
    }
}
