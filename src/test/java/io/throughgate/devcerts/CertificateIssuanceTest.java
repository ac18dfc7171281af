package io.throughgate.devcerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.Pem;

/** The public issuing API that other tests use for expired and foreign certificates. */
class CertificateIssuanceTest {

    private static final String CAMDEN = "urn:throughgate:agency:yot-camden";

    private final CertificateAuthority ca = DevelopmentCertificates.newAuthority("Test CA", Duration.ofDays(3650));

    @Test
    void expiredCertificateIsSignedByTheCaButFailsValidationToday() throws Exception {
        Instant notBefore = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

        IssuedCertificate expired = DevelopmentCertificates.issueClientCertificate(ca, "yot-camden", List.of(CAMDEN),
                notBefore, notAfter);

        X509Certificate certificate = expired.certificate();
        assertEquals(notBefore, certificate.getNotBefore().toInstant());
        assertEquals(notAfter, certificate.getNotAfter().toInstant());
        assertEquals(List.of(CAMDEN), CertificateIdentities.sanUris(certificate));
        assertEquals(List.of(certificate, ca.certificate()), expired.chain());
        assertTrue(ca.hasIssued(certificate));
        DevPkiFixture.validate(List.of(certificate), ca.certificate(), Date.from(notAfter.minus(Duration.ofDays(1))));
        CertPathValidatorException failure = assertThrows(CertPathValidatorException.class,
                () -> DevPkiFixture.validate(List.of(certificate), ca.certificate(), new Date()));
        assertInstanceOf(CertificateExpiredException.class, failure.getCause());
    }

    @Test
    void certificateFromAnotherCaDoesNotValidateAgainstThisCa() {
        CertificateAuthority stranger = DevelopmentCertificates.newAuthority("Stranger CA", Duration.ofDays(365));
        Instant now = Instant.now();
        X509Certificate foreign = DevelopmentCertificates.issueClientCertificate(stranger, "yot-camden",
                List.of(CAMDEN), now, now.plus(Duration.ofDays(30))).certificate();

        assertFalse(ca.hasIssued(foreign));
        assertTrue(stranger.hasIssued(foreign));
        assertThrows(CertPathValidatorException.class,
                () -> DevPkiFixture.validate(List.of(foreign), ca.certificate(), new Date()));
    }

    @Test
    void issuingRejectsValidityThatEndsBeforeItStarts() {
        Instant now = Instant.now();

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> DevelopmentCertificates.issueClientCertificate(ca, "yot-camden", List.of(CAMDEN), now,
                        now.minusSeconds(1)));

        assertTrue(failure.getMessage().contains(now.toString()), failure.getMessage());
    }

    @Test
    void issuingRejectsARelativeUriOrNoUriNamingTheProblem() {
        Instant now = Instant.now();
        Instant later = now.plus(Duration.ofDays(1));

        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> DevelopmentCertificates.issueClientCertificate(ca, "x", List.of("yot-camden"), now, later));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DevelopmentCertificates.issueClientCertificate(ca, "x", List.of(), now, later));

        assertTrue(relative.getMessage().contains("'yot-camden'"), relative.getMessage());
        assertTrue(none.getMessage().contains("sanUris is empty"), none.getMessage());
    }

    @Test
    void newAuthorityRejectsAValidityThatIsNotPositive() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> DevelopmentCertificates.newAuthority("Test CA", Duration.ZERO));

        assertTrue(failure.getMessage().contains("PT0S"), failure.getMessage());
    }

    @Test
    void loadReadsBackAWrittenAuthority(@TempDir Path folder) throws IOException {
        Pem.writeCertificates(folder.resolve("ca.crt"), List.of(ca.certificate()));
        Pem.writePrivateKey(folder.resolve("ca.key"), ca.privateKey());

        CertificateAuthority loaded = CertificateAuthority.load(folder.resolve("ca.crt"), folder.resolve("ca.key"));

        assertEquals(ca.certificate(), loaded.certificate());
        assertEquals("CN=Test CA,OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION,O=Throughgate", loaded.subject().getName());
    }

    @Test
    void loadRejectsAKeyThatDoesNotMatchTheCertificate(@TempDir Path folder) throws IOException {
        CertificateAuthority other = DevelopmentCertificates.newAuthority("Other CA", Duration.ofDays(1));
        Pem.writeCertificates(folder.resolve("ca.crt"), List.of(ca.certificate()));
        Pem.writePrivateKey(folder.resolve("ca.key"), other.privateKey());

        IOException failure = assertThrows(IOException.class,
                () -> CertificateAuthority.load(folder.resolve("ca.crt"), folder.resolve("ca.key")));

        assertTrue(failure.getMessage().contains("does not match"), failure.getMessage());
        assertTrue(failure.getMessage().contains("ca.key"), failure.getMessage());
    }

    @Test
    void anEndEntityCertificateIsNotAnAuthority() {
        Instant now = Instant.now();
        IssuedCertificate leaf = DevelopmentCertificates.issueClientCertificate(ca, "leaf", List.of(CAMDEN), now,
                now.plus(Duration.ofDays(1)));

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new CertificateAuthority(leaf.certificate(), leaf.privateKey()));

        assertTrue(failure.getMessage().contains("is not a CA certificate"), failure.getMessage());
    }
}
