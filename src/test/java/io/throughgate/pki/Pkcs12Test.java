package io.throughgate.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.devcerts.CertificateAuthority;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.devcerts.IssuedCertificate;

class Pkcs12Test {

    private static final char[] PASSWORD = "secret".toCharArray();
    private static final CertificateAuthority CA = DevelopmentCertificates.newAuthority("P12 Test CA",
            Duration.ofDays(30));
    private static final IssuedCertificate LEAF = DevelopmentCertificates.issueClientCertificate(CA, "leaf",
            List.of("urn:throughgate:agency:yot-camden"), Instant.now(), Instant.now().plus(Duration.ofDays(1)));

    @TempDir
    Path folder;

    @Test
    void keyStoreHoldsTheKeyAndChainUnderTheAlias() throws Exception {
        Path file = folder.resolve("leaf.p12");

        Pkcs12.writeKeyStore(file, "yot-camden", LEAF.privateKey(), LEAF.chain(), PASSWORD);
        KeyStore store = Pkcs12.read(file, PASSWORD);

        assertTrue(store.isKeyEntry("yot-camden"));
        assertArrayEquals(LEAF.chain().toArray(), store.getCertificateChain("yot-camden"));
        assertArrayEquals(LEAF.privateKey().getEncoded(), store.getKey("yot-camden", PASSWORD).getEncoded());
    }

    @Test
    void trustStoreHoldsTheCertificateAsATrustedEntry() throws Exception {
        Path file = folder.resolve("trust.p12");

        Pkcs12.writeTrustStore(file, "ca", CA.certificate(), PASSWORD);
        KeyStore store = Pkcs12.read(file, PASSWORD);

        assertTrue(store.isCertificateEntry("ca"));
        assertEquals(CA.certificate(), store.getCertificate("ca"));
    }

    @Test
    void wrongPasswordFailsNamingTheFile() throws IOException {
        Path file = folder.resolve("leaf.p12");
        Pkcs12.writeKeyStore(file, "leaf", LEAF.privateKey(), LEAF.chain(), PASSWORD);

        IOException failure = assertThrows(IOException.class, () -> Pkcs12.read(file, "wrong".toCharArray()));

        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void keyThatDoesNotMatchTheCertificateIsRejected() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Pkcs12.writeKeyStore(folder.resolve("bad.p12"), "leaf", CA.privateKey(), LEAF.chain(),
                        PASSWORD));

        assertTrue(failure.getMessage().contains("does not match"), failure.getMessage());
    }
}
