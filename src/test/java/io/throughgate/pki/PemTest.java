package io.throughgate.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.devcerts.CertificateAuthority;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.devcerts.IssuedCertificate;

class PemTest {

    private static final CertificateAuthority CA = DevelopmentCertificates.newAuthority("Pem Test CA",
            Duration.ofDays(30));
    private static final IssuedCertificate LEAF = DevelopmentCertificates.issueClientCertificate(CA, "leaf",
            List.of("urn:throughgate:agency:yot-camden"), Instant.now(), Instant.now().plus(Duration.ofDays(1)));

    @TempDir
    Path folder;

    @Test
    void certificatesRoundTripThroughAFileInOrder() throws IOException {
        Path file = folder.resolve("sub/chain.crt");

        Pem.writeCertificates(file, LEAF.chain());

        String text = Files.readString(file);
        assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----\n"), text);
        assertEquals(2, text.split("-----BEGIN CERTIFICATE-----", -1).length - 1);
        assertEquals(LEAF.chain(), Pem.readCertificates(file));
    }

    @Test
    void certificatesAreReadFromTextThatAlsoHoldsAKeyAndComments() {
        String combined = "# issued for tests\n" + Pem.toPem(LEAF.privateKey()) + Pem.toPem(LEAF.chain());

        List<X509Certificate> certificates = Pem.readCertificates(combined);

        assertEquals(LEAF.chain(), certificates);
    }

    @Test
    void privateKeyIsWrittenAsUnencryptedPkcs8AndReadBackAsAJdkEcKey() throws IOException {
        Path file = folder.resolve("leaf.key");

        Pem.writePrivateKey(file, LEAF.privateKey());
        PrivateKey read = Pem.readPrivateKey(file);

        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals("EC", read.getAlgorithm());
        assertArrayEquals(LEAF.privateKey().getEncoded(), read.getEncoded());
        assertTrue(Keys.matches(read, LEAF.certificate().getPublicKey()));
    }

    @Test
    void textWithoutACertificateIsRejected() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Pem.readCertificates(Pem.toPem(LEAF.privateKey())));

        assertTrue(failure.getMessage().contains("no CERTIFICATE block"), failure.getMessage());
    }

    @Test
    void unreadableFileIsReportedWithItsName() throws IOException {
        Path file = folder.resolve("garbage.crt");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");

        IOException failure = assertThrows(IOException.class, () -> Pem.readCertificates(file));

        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void traditionalEcKeyIsRejectedWithAConversionHint() throws IOException {
        KeyPair keys = Keys.generateEcP256();
        StringWriter traditional = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(traditional)) {
            writer.writeObject(keys);
        }

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Pem.readPrivateKey(traditional.toString()));

        assertTrue(traditional.toString().startsWith("-----BEGIN EC PRIVATE KEY-----"), traditional.toString());
        assertTrue(failure.getMessage().contains("openssl pkcs8 -topk8"), failure.getMessage());
    }

    @Test
    void writingNoCertificateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Pem.toPem(List.<X509Certificate>of()));
    }
}
