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

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iggycamel.component.IggyComponent;
import dev.iggycamel.testinfra.IggyService;
import dev.iggycamel.testinfra.IggyServiceFactory;
import dev.iggycamel.testinfra.IggyTestClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** TLS: trust from a PEM file (tlsCertificate) or from Camel's SSLContextParameters, and nothing else trusted. */
class IggyTlsIT {

    @RegisterExtension
    static IggyService tlsIggy = IggyServiceFactory.createTlsService();

    @TempDir
    Path temp;

    private CamelContext context;

    @BeforeEach
    void createContext() {
        Assumptions.assumeTrue(tlsIggy.tlsCertificate() != null, "the TLS server's certificate is not known");
        context = new DefaultCamelContext();
        IggyComponent iggy = context.getComponent("iggy", IggyComponent.class);
        iggy.getConfiguration().setHost(tlsIggy.host());
        iggy.getConfiguration().setPort(tlsIggy.port());
        IggyITSupport.useTransportUnderTest(iggy);
        iggy.getConfiguration().setUsername(tlsIggy.username());
        iggy.getConfiguration().setPassword(tlsIggy.password());
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void sendsAndConsumesTrustingAPemCertificate() throws Exception {
        String options = "tlsCertificate=" + tlsIggy.tlsCertificate();
        roundTrip(options);
    }

    @Test
    void sendsAndConsumesTrustingTheSslContextParametersTrustStore() throws Exception {
        Path trustStore = trustStoreWith(tlsIggy.tlsCertificate());
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource("file:" + trustStore);
        keyStore.setPassword("changeit");
        keyStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(keyStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        context.getRegistry().bind("ssl", ssl);

        roundTrip("sslContextParameters=#ssl");
    }

    @Test
    void aServerCertificateNobodyTrustsIsRefused() throws Exception {
        Path other = trustedElsewhere();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:tls-refused/t?tlsCertificate=" + other);
            }
        });

        assertThatThrownBy(() -> context.start())
                .hasStackTraceContaining("Cannot connect to Iggy at tls://" + tlsIggy.host() + ":" + tlsIggy.port());
    }

    private void roundTrip(String tlsOptions) throws Exception {
        String stream = IggyITSupport.uniqueStream();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("iggy:" + stream + "/t?" + tlsOptions);
                from("iggy:" + stream + "/t?consumerGroup=g&" + tlsOptions).to("mock:out");
            }
        });
        MockEndpoint out = context.getEndpoint("mock:out", MockEndpoint.class);
        out.expectedBodiesReceived("secret".getBytes());
        context.start();
        context.createProducerTemplate().sendBody("direct:in", "secret");
        out.assertIsSatisfied(10_000);
        try (IggyTestClient client = new IggyTestClient(tlsIggy)) {
            client.deleteStream(stream);
        }
    }

    private Path trustStoreWith(Path pem) throws Exception {
        Path file = temp.resolve("trust.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("iggy", loadCertificate(pem));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    /** A self-signed certificate of another (never started) server. */
    private Path trustedElsewhere() throws Exception {
        Path pem = temp.resolve("elsewhere.pem");
        if (!Files.exists(pem)) {
            Files.writeString(
                    pem,
                    dev.iggycamel.embedded.tls.SelfSignedCertificate.generate().certificatePem());
        }
        return pem;
    }

    private static Certificate loadCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
