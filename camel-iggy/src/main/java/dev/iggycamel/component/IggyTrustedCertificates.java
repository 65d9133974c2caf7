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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Turns the trust material of Camel's {@link SSLContextParameters} into the PEM file of trusted certificates the
 * Iggy SDK takes, so that the trust store a user configured is the one the connection uses.
 */
final class IggyTrustedCertificates {

    private IggyTrustedCertificates() {}

    /**
     * A PEM file with every certificate of the trust managers' key store, or null when the parameters configure no
     * trust store (the JVM's default trust then applies).
     *
     * @throws IllegalArgumentException when the trust is given as a custom TrustManager, which cannot be exported
     */
    static Path export(SSLContextParameters parameters, CamelContext context) {
        TrustManagersParameters trustManagers = parameters.getTrustManagers();
        if (trustManagers == null) {
            return null;
        }
        if (trustManagers.getTrustManager() != null) {
            throw new IllegalArgumentException("sslContextParameters: a custom TrustManager cannot be handed to the"
                    + " Iggy SDK's TLS client; configure the trust managers with a key store instead");
        }
        KeyStoreParameters keyStore = trustManagers.getKeyStore();
        if (keyStore == null) {
            return null;
        }
        try {
            keyStore.setCamelContext(context);
            KeyStore store = keyStore.createKeyStore();
            StringBuilder pem = new StringBuilder();
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate != null) {
                    pem.append("-----BEGIN CERTIFICATE-----\n")
                            .append(Base64.getMimeEncoder(64, new byte[] {'\n'})
                                    .encodeToString(certificate.getEncoded()))
                            .append("\n-----END CERTIFICATE-----\n");
                }
            }
            if (pem.length() == 0) {
                throw new IllegalArgumentException(
                        "sslContextParameters: the trust store " + keyStore.getResource() + " holds no certificate");
            }
            Path file = Files.createTempFile("camel-iggy-trust-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "sslContextParameters: cannot read the trust store " + keyStore.getResource() + ": "
                            + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the trusted certificates for the Iggy connection", e);
        }
    }
}
