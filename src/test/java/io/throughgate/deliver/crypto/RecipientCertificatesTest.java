package io.throughgate.deliver.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.devcerts.CertificateAuthority;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.Pem;
import io.throughgate.pki.TrustedAuthorities;

class RecipientCertificatesTest {

    private static final TrustedAuthorities AUTHORITIES = TrustedAuthorities.load(DevKeys.CERTS.resolve("ca/ca.crt"));

    @TempDir
    Path copy;

    @Test
    void loadsTheEncryptionCertificateOfEveryAgencyInCertsDev() throws IOException {
        RecipientCertificates recipients = RecipientCertificates.load(DevKeys.CERTS, AUTHORITIES);

        assertEquals(Map.of(), recipients.rejected());
        assertEquals(62, recipients.agencies().size());
        assertEquals(62, AgencyDirectoryLoader.parse(Files.readAllBytes(Path.of("contracts/agencies.yaml"))).all()
                .size());
        X509Certificate camden = recipients.forAgency("yot-camden").orElseThrow();
        assertEquals(List.of("urn:throughgate:agency:yot-camden"), CertificateIdentities.sanUris(camden));
        assertEquals(Optional.empty(), recipients.forAgency("yot-atlantis"));
    }

    @Test
    void refusesACertificateWhoseSubjectAlternativeNameNamesAnotherAgency() throws IOException {
        copyAgencies();
        Files.copy(encryptionFile(copy, "yot-camden"), encryptionFile(copy, "yot-hackney"),
                StandardCopyOption.REPLACE_EXISTING);

        RecipientCertificates recipients = RecipientCertificates.load(copy, AUTHORITIES);

        assertEquals(Optional.empty(), recipients.forAgency("yot-hackney"));
        assertEquals(Optional.of("yot-hackney-encryption.crt names [urn:throughgate:agency:yot-camden], not only "
                + "urn:throughgate:agency:yot-hackney"), recipients.rejection("yot-hackney"));
        assertTrue(recipients.forAgency("yot-camden").isPresent());
        assertEquals(61, recipients.agencies().size());
    }

    @Test
    void refusesACertificateFromAnUntrustedCa() throws IOException {
        copyAgencies();
        CertificateAuthority stranger = DevelopmentCertificates.newAuthority("Stranger CA", Duration.ofDays(365));
        Instant now = Instant.now();
        Pem.writeCertificates(encryptionFile(copy, "yot-hackney"), DevelopmentCertificates.issueClientCertificate(
                stranger, "yot-hackney", List.of("urn:throughgate:agency:yot-hackney"), now,
                now.plus(Duration.ofDays(30))).chain());

        RecipientCertificates recipients = RecipientCertificates.load(copy, AUTHORITIES);

        assertTrue(recipients.rejection("yot-hackney").orElseThrow()
                .startsWith("yot-hackney-encryption.crt does not validate to a trusted CA"));
    }

    @Test
    void refusesCertificatesThatHaveExpiredAtTheValidationTime() {
        Instant later = Instant.now().plus(Duration.ofDays(6 * 366));

        RecipientCertificates recipients = RecipientCertificates.load(DevKeys.CERTS, AUTHORITIES, later);

        assertEquals(Optional.empty(), recipients.forAgency("yot-camden"));
        assertEquals(62, recipients.rejected().size());
    }

    @Test
    void refusesAnAgencyFolderWithoutAnEncryptionCertificate() throws IOException {
        copyAgencies();
        Files.delete(encryptionFile(copy, "yoi-feltham"));

        RecipientCertificates recipients = RecipientCertificates.load(copy, AUTHORITIES);

        assertEquals(Map.of("yoi-feltham", "yoi-feltham-encryption.crt is missing"), recipients.rejected());
    }

    private void copyAgencies() throws IOException {
        try (Stream<Path> folders = Files.list(DevKeys.CERTS.resolve("agencies"))) {
            for (Path folder : folders.toList()) {
                String code = folder.getFileName().toString();
                Files.createDirectories(copy.resolve("agencies").resolve(code));
                Files.copy(encryptionFile(DevKeys.CERTS, code), encryptionFile(copy, code));
            }
        }
    }

    private static Path encryptionFile(Path root, String code) {
        return root.resolve("agencies").resolve(code).resolve(code + "-encryption.crt");
    }
}
