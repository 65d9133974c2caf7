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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A fresh self-signed EC P-256 certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} (the names a
 * client of a local broker verifies), built with the JDK alone so the broker needs no Bouncy Castle.
 *
 * @param certificate the certificate
 * @param privateKey its private key
 */
public record SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    public static SelfSignedCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] algorithm = Der.sequence(Der.oid(1, 2, 840, 10045, 4, 3, 2)); // ecdsa-with-SHA256
            byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(2, 5, 4, 3), Der.utf8("localhost"))));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            byte[] validity = Der.sequence(
                    Der.utcTime(now.minusDays(1).format(UTC_TIME)),
                    Der.utcTime(now.plusYears(10).format(UTC_TIME)));
            byte[] subjectAltNames = Der.sequence(
                    Der.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)),
                    Der.implicit(7, InetAddress.getByName("127.0.0.1").getAddress()),
                    Der.implicit(7, InetAddress.getByName("::1").getAddress()));
            byte[] extensions = Der.explicit(
                    3,
                    Der.sequence(
                            Der.sequence(Der.oid(2, 5, 29, 17), Der.octetString(subjectAltNames)),
                            Der.sequence(
                                    Der.oid(2, 5, 29, 19),
                                    Der.bool(true),
                                    Der.octetString(Der.sequence(Der.bool(true))))));
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            byte[] toBeSigned = Der.sequence(
                    Der.explicit(0, Der.integer(BigInteger.TWO)),
                    Der.integer(new BigInteger(1, serial)),
                    algorithm,
                    name,
                    validity,
                    name,
                    keys.getPublic().getEncoded(),
                    extensions);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(toBeSigned);
            byte[] encoded = Der.sequence(toBeSigned, algorithm, Der.bitString(signer.sign()));
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
            certificate.verify(keys.getPublic());
            return new SelfSignedCertificate(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate", e);
        }
    }

    /** The certificate in PEM, the form TLS clients take as a trust anchor (the Iggy SDK's tlsCertificate). */
    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    /** The private key in PKCS#8 PEM. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    public void writeCertificatePem(Path file) {
        try {
            Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
