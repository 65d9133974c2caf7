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
package dev.iggycamel.embedded.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {

    @Test
    void coversTheLocalNamesAndParsesBackFromPem() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate();

        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(generated.certificatePem().getBytes(StandardCharsets.US_ASCII)));

        assertThat(parsed).isEqualTo(generated.certificate());
        parsed.verify(parsed.getPublicKey());
        parsed.checkValidity();
        assertThat(parsed.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        List<Object> names = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        for (List<?> entry : parsed.getSubjectAlternativeNames()) {
            kinds.add(entry.get(0));
            names.add(entry.get(1));
        }
        assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(kinds).containsExactlyInAnyOrder(2, 7, 7);
        assertThat(parsed.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(generated.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void eachCertificateIsNew() {
        List<SelfSignedCertificate> two = List.of(SelfSignedCertificate.generate(), SelfSignedCertificate.generate());
        assertThat(two.get(0).certificate().getSerialNumber())
                .isNotEqualTo(two.get(1).certificate().getSerialNumber());
    }
}
