package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.Keys;
import io.throughgate.pki.Pem;

/** What the hub's delivery signing certificate and the agencies' field encryption certificates say. */
class DeliveryCertificateContentsTest {

    private static final String OU = "OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_AGREEMENT = 4;

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
    void hubSigningCertificateMaySignAndNothingElse() throws Exception {
        List<X509Certificate> chain = Pem.readCertificates(layout.hubSigning().certificate());
        X509Certificate signing = chain.get(0);

        assertEquals(List.of(signing, ca), chain);
        assertEquals("CN=Throughgate hub delivery signing," + OU + ",O=Throughgate",
                signing.getSubjectX500Principal().getName());
        assertEquals(List.of("urn:throughgate:hub:signing"), CertificateIdentities.sanUris(signing));
        assertEquals(Set.of(DIGITAL_SIGNATURE, NON_REPUDIATION), bits(signing));
        assertTrue(signing.getCriticalExtensionOIDs().contains(KEY_USAGE), "keyUsage is critical");
        assertNull(signing.getExtensionValue(EXTENDED_KEY_USAGE), "no extendedKeyUsage");
        assertEquals(-1, signing.getBasicConstraints());
        assertNear(Instant.now().plus(Duration.ofDays(5 * 365 + 1)), signing.getNotAfter(), Duration.ofDays(2));
        DevPkiFixture.validate(List.of(signing), ca, new Date());
        PrivateKey key = Pem.readPrivateKey(layout.hubSigning().privateKey());
        assertTrue(Keys.matches(key, signing.getPublicKey()));
        assertEquals(256, ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize());
    }

    @Test
    void hubSigningCertificateHasNoKeyStore() {
        assertEquals(List.of(base.resolve("certs/hub/signing.crt"), base.resolve("certs/hub/signing.key")),
                layout.hubSigning().all());
        assertFalse(Files.exists(base.resolve("certs/hub/signing.p12")));
    }

    @Test
    void encryptionCertificateAllowsOnlyKeyAgreementAndNamesItsAgency() throws Exception {
        List<X509Certificate> chain = Pem.readCertificates(layout.agencyEncryption("yot-camden").certificate());
        X509Certificate encryption = chain.get(0);

        assertEquals(List.of(encryption, ca), chain);
        assertEquals("CN=yot-camden field encryption," + OU + ",O=Camden Youth Offending Team",
                encryption.getSubjectX500Principal().getName());
        assertEquals(List.of("urn:throughgate:agency:yot-camden"), CertificateIdentities.sanUris(encryption));
        assertEquals(Set.of(KEY_AGREEMENT), bits(encryption));
        assertTrue(encryption.getCriticalExtensionOIDs().contains(KEY_USAGE), "keyUsage is critical");
        assertNull(encryption.getExtensionValue(EXTENDED_KEY_USAGE), "no extendedKeyUsage");
        DevPkiFixture.validate(List.of(encryption), ca, new Date());
        PrivateKey key = Pem.readPrivateKey(layout.agencyEncryption("yot-camden").privateKey());
        assertTrue(Keys.matches(key, encryption.getPublicKey()));
    }

    @Test
    void encryptionFilesSitBesideTheAgencyClientCertificate() {
        LeafFiles files = layout.agencyEncryption("yoi-feltham");

        assertEquals(List.of(base.resolve("certs/agencies/yoi-feltham/yoi-feltham-encryption.crt"),
                base.resolve("certs/agencies/yoi-feltham/yoi-feltham-encryption.key"),
                base.resolve("certs/agencies/yoi-feltham/yoi-feltham-encryption.p12")), files.all());
        files.all().forEach(file -> assertTrue(Files.isRegularFile(file), file.toString()));
    }

    private static Set<Integer> bits(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        Set<Integer> set = new TreeSet<>();
        for (int i = 0; i < usage.length; i++) {
            if (usage[i]) {
                set.add(i);
            }
        }
        return set;
    }

    private static void assertNear(Instant expected, Date actual, Duration tolerance) {
        Duration difference = Duration.between(expected, actual.toInstant()).abs();
        assertTrue(difference.compareTo(tolerance) <= 0, "expected about " + expected + " but was " + actual);
    }
}
