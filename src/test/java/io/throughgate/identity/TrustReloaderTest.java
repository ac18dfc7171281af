package io.throughgate.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.contract.ContractFiles;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.devcerts.CertificateAuthority;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryChanged;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.pki.PublicKeyPins;
import io.throughgate.pki.TrustedAuthorities;

/** The directory, the deny list and the CRL files are put in force without a restart, and never half-read. */
class TrustReloaderTest {

    private static final Path CERTS = Path.of("certs-dev");
    private static final BigInteger SERIAL = new BigInteger("5f3a01c2", 16);
    private static final String NEW_AGENCY = """
              - code: health-liaison-and-diversion-london
                kind: health
                displayName: London Liaison and Diversion Services
                validFrom: 2027-01-01
                certificateIdentity: urn:throughgate:agency:health-liaison-and-diversion-london
                issuers: [throughgate-dev]
            """;

    @TempDir
    Path folder;

    private Path contracts;
    private Path crls;
    private AgencyDirectory directory;
    private RevocationRegistry revocations;
    private TrustReloader reloader;
    private final List<AgencyDirectoryChanged> changes = new ArrayList<>();
    private String devPin;

    @BeforeEach
    void copyTheShippedContracts() throws IOException {
        contracts = Files.createDirectories(folder.resolve("contracts"));
        crls = Files.createDirectories(folder.resolve("crl"));
        for (String file : List.of(AgencyDirectoryLoader.FILE, DenyListParser.FILE)) {
            Files.copy(Path.of("contracts", file), contracts.resolve(file));
        }
        ContractFiles files = new ContractFiles(contracts);
        TrustedAuthorities authorities = TrustedAuthorities.load(List.of(CERTS.resolve("ca/ca.crt"),
                CERTS.resolve("borough-ca/ca.crt")));
        devPin = PublicKeyPins.sha256Hex(authorities.certificates().get(0));
        directory = AgencyDirectoryLoader.parse(files.read(AgencyDirectoryLoader.FILE));
        revocations = new RevocationRegistry(files, crls, authorities, directory, Clock.systemUTC());
        reloader = new TrustReloader(files, directory, revocations, changes::add);
    }

    @Test
    void putsAnAddedAgencyInForceAndSaysSo() throws IOException {
        Files.writeString(directoryFile(), Files.readString(directoryFile()).replace("  - code: yoi-feltham",
                NEW_AGENCY + "  - code: yoi-feltham"));
        reloader.reloadChanged();
        assertTrue(directory.find("health-liaison-and-diversion-london").isPresent());
        assertEquals(1, changes.size());
        assertEquals(directory.sha256(), changes.get(0).sha256());
    }

    @Test
    void keepsTheDirectoryInForceWhenTheChangedFileDoesNotParse() throws IOException {
        String before = directory.sha256();
        Files.writeString(directoryFile(), Files.readString(directoryFile()).replace("kind: yoi", "kind: prison"));
        reloader.reloadChanged();
        assertEquals(before, directory.sha256());
        assertTrue(directory.find("yoi-feltham").isPresent());
        assertTrue(changes.isEmpty());
    }

    @Test
    void refusesADirectoryThatDeletesAnAgency() throws IOException {
        String text = Files.readString(directoryFile());
        int start = text.indexOf("  - code: yoi-parc");
        int end = text.indexOf("  - code:", start + 1);
        Files.writeString(directoryFile(), text.substring(0, start) + text.substring(end));
        reloader.reloadChanged();
        assertTrue(directory.find("yoi-parc").isPresent());
        assertTrue(changes.isEmpty());
    }

    @Test
    void takesAwayACaPinnedForAnAgencyWhenTheDirectorySaysSo() throws IOException {
        Files.writeString(directoryFile(), Files.readString(directoryFile())
                .replace("issuers: [throughgate-dev, camden-dev]", "issuers: [throughgate-dev]"));
        reloader.reloadChanged();
        assertEquals(List.of("throughgate-dev"), directory.find("yot-camden").orElseThrow().issuers());
    }

    @Test
    void revokesACertificateAddedToTheDenyList() throws IOException {
        assertTrue(revocations.current().revocationOf(devPin, SERIAL).isEmpty());
        Files.writeString(contracts.resolve(DenyListParser.FILE), """
                revoked:
                  - issuer: throughgate-dev
                    serial: 5f:3a:01:c2
                    revokedOn: 2026-11-20
                    reason: keyCompromise
                """);
        reloader.reloadChanged();
        assertEquals("revoked-certificates.yaml entry 1, keyCompromise since 2026-11-20",
                revocations.current().revocationOf(devPin, SERIAL).orElseThrow());
    }

    @Test
    void keepsTheRevocationsInForceWhenTheDenyListDoesNotParse() throws IOException {
        Files.writeString(contracts.resolve(DenyListParser.FILE), """
                revoked:
                  - issuer: throughgate-dev
                    serial: 5f3a01c2
                    revokedOn: 2026-11-20
                """);
        reloader.reloadChanged();
        Files.writeString(contracts.resolve(DenyListParser.FILE), """
                revoked:
                  - issuer: someone-elses-ca
                    serial: 5f3a01c2
                    revokedOn: 2026-11-20
                """);
        reloader.reloadChanged();
        assertTrue(revocations.current().revocationOf(devPin, SERIAL).isPresent());
    }

    @Test
    void revokesWhatACrlOfATrustedCaLists() throws Exception {
        CertificateAuthority ca = CertificateAuthority.load(CERTS.resolve("ca/ca.crt"), CERTS.resolve("ca/ca.key"));
        Files.write(crls.resolve("throughgate-dev.crl"),
                DevelopmentCertificates.revocationList(ca, List.of(SERIAL)).getEncoded());
        reloader.reloadChanged();
        assertEquals("CRL throughgate-dev.crl", revocations.current().revocationOf(devPin, SERIAL).orElseThrow());
    }

    @Test
    void ignoresACrlThatNoTrustedCaSigned() throws Exception {
        CertificateAuthority stranger = DevelopmentCertificates.newAuthority("Throughgate Development CA",
                Duration.ofDays(30));
        Files.write(crls.resolve("forged.crl"),
                DevelopmentCertificates.revocationList(stranger, List.of(SERIAL)).getEncoded());
        reloader.reloadChanged();
        assertFalse(revocations.current().revocationOf(devPin, SERIAL).isPresent());
        assertEquals(0, revocations.current().size());
    }

    @Test
    void refusesADenyListEntryWithoutASerialNumberNamingTheLine() {
        InvalidContractException error = assertThrows(InvalidContractException.class,
                () -> DenyListParser.parse("""
                        revoked:
                          - issuer: throughgate-dev
                            serial: not-hex
                            revokedOn: 2026-11-20
                        """.getBytes(StandardCharsets.UTF_8), directory));
        assertEquals("revoked-certificates.yaml:2, entry 1: serial must be the certificate's serial number in hex, "
                + "e.g. 5f:3a:01 or 5f3a01", error.problems().get(0).toString());
    }

    private Path directoryFile() {
        return contracts.resolve(AgencyDirectoryLoader.FILE);
    }
}
