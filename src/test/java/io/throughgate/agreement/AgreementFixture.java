package io.throughgate.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.pki.Pkcs12;
import io.throughgate.pki.TrustedAuthorities;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.record.schema.RecordSchemas;

/** A contracts folder with the shipped directory, purposes and schemas, and one small agreement to sign. */
final class AgreementFixture {

    static final String ID = "release-test";
    static final Path CERTS = Path.of("certs-dev");
    static final char[] PASSWORD = "throughgate-dev".toCharArray();

    final Path contracts;
    final Path folder;

    private AgreementFixture(Path root, int version, String text) {
        this.contracts = root;
        this.folder = root.resolve("agreements").resolve(ID).resolve("v" + version);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("agreement.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another version of the agreement beside this one, written in {@code v<version>/}. */
    AgreementFixture version(int version, String text) {
        return new AgreementFixture(contracts, version, text);
    }

    AgreementFixture(Path root, LocalDate validFrom, LocalDate validUntil) {
        this.contracts = root;
        this.folder = root.resolve("agreements").resolve(ID).resolve("v1");
        try {
            copy(Path.of("contracts"), root, "agencies.yaml");
            copy(Path.of("contracts"), root, "purposes.yaml");
            try (Stream<Path> schemas = Files.walk(Path.of("contracts/schemas"))) {
                for (Path file : schemas.filter(Files::isRegularFile).toList()) {
                    copy(Path.of("contracts"), root, Path.of("contracts").relativize(file).toString());
                }
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("agreement.yaml"), agreement(validFrom, validUntil));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to, String relative) throws IOException {
        Files.createDirectories(to.resolve(relative).getParent());
        Files.copy(from.resolve(relative), to.resolve(relative));
    }

    static String agreement(LocalDate validFrom, LocalDate validUntil) {
        return """
                id: release-test
                version: 1
                title: Release test
                summary: Feltham tells Camden about releases.
                validFrom: %s
                validUntil: %s
                reviewDate: %s
                parties:
                  agencies: [yot-camden, yoi-feltham]
                jointControllers: false
                purposes: [direct-care-resettlement]
                lawfulBasis:
                  article6: public-task
                  schedule1: [para-18-safeguarding]
                  statutoryGateways: [Crime and Disorder Act 1998 s115]
                dpia: {reference: DPIA-TEST, outcome: acceptable, dpoAdvice: approved}
                retention: six years
                security: accredited systems
                individualsRights: through either party
                contacts:
                  - {role: owner, agency: yot-camden, mailbox: owner@camden.example}
                flows:
                  - id: release
                    recordTypes: [release-notification]
                    from: {agencies: [yoi-feltham]}
                    to:
                      - {field: /body/supervisingYot, agencies: [yot-camden]}
                    purpose: direct-care-resettlement
                    fields:
                      /subject/name: share
                      /body/releaseDate: share
                recordSchemas: {release-notification: 1}
                """.formatted(validFrom, validUntil, validUntil);
    }

    byte[] content() {
        try {
            return Files.readAllBytes(folder.resolve("agreement.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs as the signer of a PKCS#12 file, writing the signature file of a party. */
    void sign(String party, Path keyStoreFile) {
        try {
            KeyStore keyStore = Pkcs12.read(keyStoreFile, PASSWORD);
            String alias = keyStore.aliases().nextElement();
            List<X509Certificate> chain = Arrays.stream(keyStore.getCertificateChain(alias))
                    .map(X509Certificate.class::cast).toList();
            sign(party, (PrivateKey) keyStore.getKey(alias, PASSWORD), chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void sign(String party, PrivateKey key, List<X509Certificate> chain) {
        try {
            Files.createDirectories(folder.resolve("signatures"));
            Files.write(folder.resolve("signatures").resolve(party + ".p7s"), AgreementSigner.sign(content(), key,
                    chain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dpoKey(String agency) {
        return CERTS.resolve("dpo").resolve(agency).resolve(agency + "-dpo.p12");
    }

    static Path agencyKey(String agency) {
        return CERTS.resolve("agencies").resolve(agency).resolve(agency + ".p12");
    }

    void append(String text) {
        try {
            Files.writeString(folder.resolve("agreement.yaml"), text, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AgreementState load() {
        return loadAll().get(0);
    }

    /** Every version of the agreement, oldest first. */
    List<AgreementState> loadAll() {
        ContractFiles files = new ContractFiles(contracts);
        AgencyDirectory directory = AgencyDirectoryLoader.parse(files.read(AgencyDirectoryLoader.FILE));
        AgreementLinter linter = new AgreementLinter(directory, PurposeCatalog.parse(files.read(PurposeCatalog.FILE)),
                new SchemaFieldCatalog(RecordSchemas.load(files)));
        SignatureVerifier verifier = new SignatureVerifier(TrustedAuthorities.load(List.of(CERTS.resolve("ca/ca.crt"),
                CERTS.resolve("borough-ca/ca.crt"))), directory);
        return new AgreementLoader(files, directory, linter, verifier).loadAll(Instant.now());
    }
}
