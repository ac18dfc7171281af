package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.Keys;
import io.throughgate.pki.Pem;
import io.throughgate.pki.Pkcs12;

/** What the generated certificates say; one generation shared by every test (they only read it). */
class DevelopmentCertificateContentsTest {

    private static final String OU = "OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION";
    private static final char[] PASSWORD = DevelopmentCertificates.DEV_PASSWORD.toCharArray();

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
    void caIsSelfSignedWithCriticalCaConstraintAndCertSignUsage() throws Exception {
        assertEquals("CN=Throughgate Development CA," + OU + ",O=Throughgate", ca.getSubjectX500Principal().getName());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        ca.verify(ca.getPublicKey());
        assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.19"), "basicConstraints is critical");
        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints());
        boolean[] usage = ca.getKeyUsage();
        assertTrue(usage[5] && usage[6] && !usage[0], "keyCertSign and cRLSign only");
        assertEquals("SHA256withECDSA", ca.getSigAlgName());
        assertNear(Instant.now().plus(Duration.ofDays(20 * 365 + 5)), ca.getNotAfter(), Duration.ofDays(5));
    }

    @Test
    void agencyCertificateCarriesItsIdentityAndValidatesAgainstTheCa() throws Exception {
        List<X509Certificate> chain = Pem.readCertificates(layout.agency("yot-camden").certificate());
        X509Certificate leaf = chain.get(0);

        assertEquals(List.of(leaf, ca), chain);
        assertEquals("CN=yot-camden," + OU + ",O=Camden Youth Offending Team",
                leaf.getSubjectX500Principal().getName());
        assertEquals(List.of("urn:throughgate:agency:yot-camden"), CertificateIdentities.sanUris(leaf));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
        assertTrue(leaf.getKeyUsage()[0], "digitalSignature");
        assertEquals(-1, leaf.getBasicConstraints());
        assertTrue(leaf.getSerialNumber().signum() > 0 && leaf.getSerialNumber().bitLength() <= 128);
        assertNear(Instant.now().minus(Duration.ofDays(1)), leaf.getNotBefore(), Duration.ofMinutes(5));
        assertNear(Instant.now().plus(Duration.ofDays(5 * 365 + 1)), leaf.getNotAfter(), Duration.ofDays(2));
        DevPkiFixture.validate(List.of(leaf), ca, new Date());
        PrivateKey key = Pem.readPrivateKey(layout.agency("yot-camden").privateKey());
        assertTrue(Keys.matches(key, leaf.getPublicKey()));
        assertEquals(256, ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize());
    }

    @Test
    void agencyWhoseValidityHasPassedStillHasACertificateWithAnEscapedSubject() throws Exception {
        X509Certificate leaf = Pem.readCertificates(layout.agency("yoi-feltham").certificate()).get(0);

        assertEquals("CN=yoi-feltham," + OU + ",O=HMYOI Feltham\\, A\\+B \\\"Unit\\\"",
                leaf.getSubjectX500Principal().getName());
        assertEquals(List.of("urn:throughgate:agency:yoi-feltham"), CertificateIdentities.sanUris(leaf));
        DevPkiFixture.validate(List.of(leaf), ca, new Date());
    }

    @Test
    void dataProtectionOfficerCertificateCarriesTheRoleUriAndMaySignAgreements() throws Exception {
        X509Certificate dpo = Pem.readCertificates(layout.dataProtectionOfficer("partnership-london-resettlement")
                .certificate()).get(0);

        assertEquals("CN=Data Protection Officer partnership-london-resettlement," + OU
                + ",O=London Resettlement Partnership", dpo.getSubjectX500Principal().getName());
        assertEquals(List.of("urn:throughgate:agency:partnership-london-resettlement", "urn:throughgate:role:dpo"),
                CertificateIdentities.sanUris(dpo));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.4"), dpo.getExtendedKeyUsage());
        assertTrue(dpo.getKeyUsage()[0] && dpo.getKeyUsage()[1], "digitalSignature and nonRepudiation");
        DevPkiFixture.validate(List.of(dpo), ca, new Date());
    }

    @Test
    void serverCertificateCoversLocalNamesAndLoopbackAddresses() throws Exception {
        List<X509Certificate> chain = Pem.readCertificates(layout.server().certificate());
        X509Certificate server = chain.get(0);

        assertEquals(List.of(server, ca), chain);
        assertEquals("CN=localhost," + OU + ",O=Throughgate", server.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(2, "localhost"), List.of(2, "throughgate"),
                List.of(2, "throughgate.throughgate.svc"), List.of(2, "throughgate.throughgate.svc.cluster.local"),
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1")),
                List.copyOf(server.getSubjectAlternativeNames()));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage());
    }

    @Test
    void keyStoresOpenWithTheDevPasswordAndHoldKeyAndChain() throws Exception {
        for (LeafFiles files : List.of(layout.server(), layout.agency("yot-camden"),
                layout.dataProtectionOfficer("yot-camden"), layout.agencyEncryption("yot-camden"))) {
            KeyStore store = Pkcs12.read(files.keyStore().orElseThrow(), PASSWORD);
            Certificate[] chain = store.getCertificateChain(files.alias());

            assertEquals(List.of(files.alias()), Collections.list(store.aliases()));
            assertArrayEquals(Pem.readCertificates(files.certificate()).toArray(), chain);
            PrivateKey key = (PrivateKey) store.getKey(files.alias(), PASSWORD);
            assertArrayEquals(Pem.readPrivateKey(files.privateKey()).getEncoded(), key.getEncoded());
        }
        assertEquals("yot-camden-dpo", layout.dataProtectionOfficer("yot-camden").alias());
        assertEquals("yot-camden-encryption", layout.agencyEncryption("yot-camden").alias());
    }

    @Test
    void trustStoreLetsTheJdkTrustManagerAcceptClientAndServerChains() throws Exception {
        KeyStore trustStore = Pkcs12.read(layout.trustStore(), PASSWORD);
        assertEquals(ca, trustStore.getCertificate(PkiLayout.TRUST_STORE_ALIAS));
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(trustStore);
        X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];

        trustManager.checkClientTrusted(Pem.readCertificates(layout.agency("yot-camden").certificate())
                .toArray(X509Certificate[]::new), "EC");
        trustManager.checkServerTrusted(Pem.readCertificates(layout.server().certificate())
                .toArray(X509Certificate[]::new), "ECDHE_ECDSA");
    }

    private static void assertNear(Instant expected, Date actual, Duration tolerance) {
        Duration difference = Duration.between(expected, actual.toInstant()).abs();
        assertTrue(difference.compareTo(tolerance) <= 0, "expected about " + expected + " but was " + actual);
    }
}
