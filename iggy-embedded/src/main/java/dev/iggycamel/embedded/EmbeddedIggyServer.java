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
package dev.iggycamel.embedded;

import dev.iggycamel.embedded.broker.Broker;
import dev.iggycamel.embedded.broker.BrokerConfig;
import dev.iggycamel.embedded.server.IggyTcpServer;
import dev.iggycamel.embedded.tls.SelfSignedCertificate;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Iggy server inside the JVM, speaking the Iggy 0.8 TCP protocol so that the official Iggy SDKs, and
 * anything built on them, cannot tell it from a real server 0.8.x. For tests, demos and dev mode.
 *
 * <pre>{@code
 * try (EmbeddedIggyServer server = EmbeddedIggyServer.builder().port(0).build().start()) {
 *     var client = IggyTcpClient.builder().host("localhost").port(server.port()).credentials("iggy", "iggy")
 *             .buildAndLogin();
 *     ...
 * }
 * }</pre>
 *
 * <p>State is kept in memory, bounded by {@link Builder#memoryLimit(long)}, or in a {@link Builder#dataDir(Path)
 * data directory} that a later start with the same directory finds again. {@link #reset()} drops everything
 * between tests.
 */
public final class EmbeddedIggyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedIggyServer.class);

    /** The port the real server listens on for TCP. */
    public static final int DEFAULT_PORT = 8090;

    private final String host;
    private final BrokerConfig config;
    private final boolean tls;
    private final Path tlsCertificateFile;
    private final Path tlsKeyFile;
    private int port;
    private Broker broker;
    private IggyTcpServer listener;
    private Path generatedCertificate;

    private EmbeddedIggyServer(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.tls = builder.tls;
        this.tlsCertificateFile = builder.tlsCertificateFile;
        this.tlsKeyFile = builder.tlsKeyFile;
        this.config = new BrokerConfig(
                builder.rootUsername,
                builder.rootPassword,
                builder.memoryLimit,
                builder.dataDir,
                builder.rebalancingTimeout.toNanos() / 1_000);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening. A server that was stopped can be started again: it listens on the same port and, with a
     * data directory, finds its streams, messages, offsets and users again.
     */
    public synchronized EmbeddedIggyServer start() {
        if (listener != null) {
            return this;
        }
        Broker started = new Broker(config);
        IggyTcpServer server = new IggyTcpServer(started, host, sslContext(), maxSendPayload());
        try {
            server.start(port);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        broker = started;
        listener = server;
        port = server.port();
        LOG.info(
                "Embedded Iggy server (protocol 0.8) listening on {}:{}{}{}",
                host,
                port,
                tls ? " with TLS" : "",
                config.dataDirectory() != null ? ", data in " + config.dataDirectory() : ", in memory");
        return this;
    }

    /** Stops listening and closes every connection; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Drops all streams, topics, messages, offsets, consumer groups, users and tokens (root is created again). */
    public synchronized void reset() {
        requireStarted().reset();
    }

    @Override
    public synchronized void close() {
        stop();
        if (generatedCertificate != null) {
            try {
                Files.deleteIfExists(generatedCertificate);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", generatedCertificate, e);
            }
            generatedCertificate = null;
        }
    }

    public synchronized boolean isRunning() {
        return listener != null;
    }

    public String host() {
        return host;
    }

    /** The port the server listens on (the one it picked, after a start with port 0). */
    public synchronized int port() {
        return port;
    }

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port();
    }

    public boolean isTls() {
        return tls;
    }

    /**
     * The PEM certificate TLS clients should trust (the Iggy SDK's {@code tlsCertificate(File)}), or null without
     * TLS. For a generated certificate the file lives until {@link #close()}.
     */
    public synchronized Path tlsCertificate() {
        if (!tls) {
            return null;
        }
        return tlsCertificateFile != null ? tlsCertificateFile : generatedCertificate;
    }

    public String rootUsername() {
        return config.rootUsername();
    }

    public String rootPassword() {
        return config.rootPassword();
    }

    public Path dataDir() {
        return config.dataDirectory();
    }

    /** Bytes of message data the server holds on the heap. */
    public synchronized long memoryUsed() {
        return broker == null ? 0 : broker.memoryUsed();
    }

    private Broker requireStarted() {
        if (broker == null) {
            throw new IllegalStateException("the embedded Iggy server is not started");
        }
        return broker;
    }

    private long maxSendPayload() {
        return Math.min(Integer.MAX_VALUE - 64, config.memoryLimitBytes());
    }

    private SslContext sslContext() {
        if (!tls) {
            return null;
        }
        try {
            if (tlsCertificateFile != null) {
                return SslContextBuilder.forServer(tlsCertificateFile.toFile(), tlsKeyFile.toFile())
                        .build();
            }
            SelfSignedCertificate certificate = SelfSignedCertificate.generate();
            if (generatedCertificate == null) {
                generatedCertificate = Files.createTempFile("iggy-embedded-", "-cert.pem");
                generatedCertificate.toFile().deleteOnExit();
            }
            certificate.writeCertificatePem(generatedCertificate);
            return SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TLS certificate", e);
        }
    }

    /** Settings for an {@link EmbeddedIggyServer}; every one has the real server's default. */
    public static final class Builder {
        private String host = "localhost";
        private int port = DEFAULT_PORT;
        private Path dataDir;
        private String rootUsername = BrokerConfig.DEFAULT_ROOT_USERNAME;
        private String rootPassword = BrokerConfig.DEFAULT_ROOT_PASSWORD;
        private long memoryLimit = BrokerConfig.defaultMemoryLimit();
        private Duration rebalancingTimeout = Duration.ofSeconds(30);
        private boolean tls;
        private Path tlsCertificateFile;
        private Path tlsKeyFile;

        private Builder() {}

        /** The host name or address to listen on (default {@code localhost}: all its addresses). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The TCP port (default 8090); 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Keep state in this directory, so that a start with the same directory finds it again. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The root user (id 0), default {@code iggy} / {@code iggy}. */
        public Builder rootCredentials(String username, String password) {
            this.rootUsername = Objects.requireNonNull(username, "username");
            this.rootPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The most message bytes kept on the heap; a send beyond it fails with TopicFull (3009). */
        public Builder memoryLimit(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("memory limit must be positive, got " + bytes);
            }
            this.memoryLimit = bytes;
            return this;
        }

        /** How long a revoked partition waits for its consumer group to commit before moving (default 30 s). */
        public Builder rebalancingTimeout(Duration timeout) {
            this.rebalancingTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** TLS with a freshly generated self-signed certificate; see {@link EmbeddedIggyServer#tlsCertificate()}. */
        public Builder tls() {
            this.tls = true;
            this.tlsCertificateFile = null;
            this.tlsKeyFile = null;
            return this;
        }

        /** TLS with the given PEM certificate (chain) and PKCS#8 PEM private key. */
        public Builder tls(Path certificatePem, Path privateKeyPem) {
            this.tls = true;
            this.tlsCertificateFile = Objects.requireNonNull(certificatePem, "certificatePem");
            this.tlsKeyFile = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            return this;
        }

        public EmbeddedIggyServer build() {
            return new EmbeddedIggyServer(this);
        }
    }
}
