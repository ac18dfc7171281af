package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.Keys;
import io.throughgate.pki.Pem;
import io.throughgate.pki.TrustedAuthorities;
import io.throughgate.sharinglog.checkpoint.Checkpoint;
import io.throughgate.sharinglog.checkpoint.LogSigningKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/** What the hub's development sharing-log signing certificate says, and that the hub can sign with it. */
class SharingLogCertificateContentsTest {

    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

    @TempDir
    static Path base;
    static PkiLayout layout;
    static X509Certificate ca;

    @BeforeAll
    static void generate() throws Exception {
        layout = DevPkiFixture.generate(base);
        ca = Pem.readCertificates(layout.caCertificate()).get(0);
    }

    @Test
    void certifiesAnEd25519KeyForSigningOnlyMarkedDevelopmentOnly() throws Exception {
        List<X509Certificate> chain = Pem.readCertificates(layout.hubSharingLog().certificate());
        X509Certificate sharingLog = chain.get(0);

        assertEquals(List.of(sharingLog, ca), chain);
        assertEquals("CN=Throughgate hub sharing-log signing,OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION,O=Throughgate",
                sharingLog.getSubjectX500Principal().getName());
        assertTrue(TrustedAuthorities.isDevelopmentMaterial(sharingLog));
        assertEquals(List.of("urn:throughgate:hub:sharing-log"), CertificateIdentities.sanUris(sharingLog));
        assertEquals("EdDSA", sharingLog.getPublicKey().getAlgorithm());
        boolean[] usage = sharingLog.getKeyUsage();
        assertTrue(usage[0], "digitalSignature");
        for (int bit = 1; bit < usage.length; bit++) {
            assertFalse(usage[bit], "keyUsage bit " + bit);
        }
        assertTrue(sharingLog.getCriticalExtensionOIDs().contains(KEY_USAGE), "keyUsage is critical");
        assertNull(sharingLog.getExtensionValue(EXTENDED_KEY_USAGE), "no extendedKeyUsage");
        assertEquals(-1, sharingLog.getBasicConstraints());
        DevPkiFixture.validate(List.of(sharingLog), ca, new Date());
        PrivateKey key = Pem.readPrivateKey(layout.hubSharingLog().privateKey());
        assertTrue(Keys.matches(key, sharingLog.getPublicKey()));
    }

    @Test
    void hasNoKeyStore() {
        assertEquals(List.of(base.resolve("certs/hub/sharing-log.crt"), base.resolve("certs/hub/sharing-log.key")),
                layout.hubSharingLog().all());
        assertFalse(Files.exists(base.resolve("certs/hub/sharing-log.p12")));
    }

    @Test
    void hubSignsCheckpointsWithIt() {
        LogSigningKey key = LogSigningKey.load(layout.hubSharingLog().privateKey(),
                layout.hubSharingLog().certificate(), "throughgate/sharing-log");

        SignedCheckpoint signed = key.sign(new Checkpoint("throughgate/sharing-log", 1, new byte[32],
                Instant.parse("2026-11-22T10:00:00Z")));

        assertTrue(key.verifyingKey().verify(signed));
    }
}
