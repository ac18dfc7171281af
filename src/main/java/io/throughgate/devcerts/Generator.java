package io.throughgate.devcerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.pki.Pem;
import io.throughgate.pki.Pkcs12;

/**
 * One generation run over a development PKI folder: keeps what is sound, issues what is missing or due, and
 * writes only the files whose content changes.
 */
final class Generator {

    private static final int CA_VALIDITY_YEARS = 20;
    private static final int LEAF_VALIDITY_YEARS = 5;

    private final PkiLayout layout;
    private final Renewal renewal;
    private final Instant now;
    private final Instant renewBefore;
    private final char[] password = DevelopmentCertificates.DEV_PASSWORD.toCharArray();
    private final List<String> issued = new ArrayList<>();
    private final List<Path> written = new ArrayList<>();
    private boolean newAuthority;
    private int kept;

    Generator(PkiLayout layout, Renewal renewal, Instant now) {
        this.layout = layout;
        this.renewal = renewal;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.renewBefore = this.now.plus(DevelopmentCertificates.RENEW_BEFORE);
    }

    GenerationSummary generate(AgencyDirectory directory) throws IOException {
        CertificateAuthority ca = authority(layout.caCertificate(), layout.caKey(), DevelopmentProfiles.CA_COMMON_NAME);
        CertificateAuthority boroughCa = authority(layout.boroughCaCertificate(), layout.boroughCaKey(),
                DevelopmentProfiles.BOROUGH_CA_COMMON_NAME);
        trustStore(ca);
        List<Leaf> leaves = new ArrayList<>();
        leaves.add(new Leaf(layout.server(), DevelopmentProfiles.server(), ca));
        leaves.add(new Leaf(layout.hubSigning(), DevelopmentProfiles.hubSigning(), ca));
        leaves.add(new Leaf(layout.hubSharingLog(), DevelopmentProfiles.hubSharingLog(), ca));
        leaves.add(new Leaf(layout.kafkaBroker(), DevelopmentProfiles.kafkaBroker(), ca));
        leaves.add(new Leaf(layout.kafkaHub(), DevelopmentProfiles.kafkaHub(), ca));
        for (Agency agency : directory.all()) {
            leaves.add(new Leaf(layout.agency(agency.code()), DevelopmentProfiles.agency(agency), ca));
            leaves.add(new Leaf(layout.dataProtectionOfficer(agency.code()),
                    DevelopmentProfiles.dataProtectionOfficer(agency), ca));
            leaves.add(new Leaf(layout.agencyEncryption(agency.code()), DevelopmentProfiles.encryption(agency), ca));
        }
        for (String code : PkiLayout.BOROUGH_CA_AGENCIES) {
            directory.find(code).ifPresent(agency -> leaves.add(new Leaf(layout.boroughCaAgency(code),
                    DevelopmentProfiles.agency(agency), boroughCa)));
            directory.find(code).ifPresent(agency -> leaves.add(new Leaf(layout.boroughCaDataProtectionOfficer(code),
                    DevelopmentProfiles.dataProtectionOfficer(agency), boroughCa)));
        }
        // The checks only read, and opening a PKCS#12 file costs several PBKDF2 derivations: check in parallel.
        List<Optional<String>> reasons = leaves.parallelStream().map(this::reasonToIssue).toList();
        for (int i = 0; i < leaves.size(); i++) {
            issue(leaves.get(i), reasons.get(i));
        }
        writeIfChanged(layout.readme(), ReadmeText.TEXT.getBytes(StandardCharsets.UTF_8));
        return new GenerationSummary(layout.root(), newAuthority, issued, kept, written);
    }

    private CertificateAuthority authority(Path certificate, Path key, String commonName) throws IOException {
        boolean hasCertificate = Files.exists(certificate);
        boolean hasKey = Files.exists(key);
        if (renewal == Renewal.EVERYTHING) {
            return newAuthority(certificate, key, commonName, "replacement requested");
        }
        if (!hasCertificate && !hasKey) {
            return newAuthority(certificate, key, commonName, "missing");
        }
        if (hasCertificate != hasKey) {
            throw new IOException((hasKey ? certificate : key) + " is missing but " + (hasKey ? key : certificate)
                    + " exists; restore it, or run with --new-ca to replace the CA and reissue every certificate");
        }
        CertificateAuthority ca;
        try {
            ca = CertificateAuthority.load(certificate, key);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; fix the CA files, or run with --new-ca to replace the CA and "
                    + "reissue every certificate", e);
        }
        if (ca.certificate().getNotAfter().toInstant().isBefore(renewBefore)) {
            return newAuthority(certificate, key, commonName, "expires " + ca.certificate().getNotAfter().toInstant());
        }
        return ca;
    }

    private CertificateAuthority newAuthority(Path certificate, Path key, String commonName, String reason)
            throws IOException {
        CertificateAuthority ca = CertificateIssuer.newAuthority(
                DevelopmentProfiles.subject(commonName, DevelopmentProfiles.ORGANISATION),
                notBefore(), now.atZone(ZoneOffset.UTC).plusYears(CA_VALIDITY_YEARS).toInstant());
        Pem.writeCertificates(certificate, List.of(ca.certificate()));
        Pem.writePrivateKey(key, ca.privateKey());
        written.add(certificate);
        written.add(key);
        issued.add(relative(certificate) + ": " + reason);
        newAuthority = true;
        return ca;
    }

    private void trustStore(CertificateAuthority ca) throws IOException {
        Path file = layout.trustStore();
        if (Files.isRegularFile(file)) {
            try {
                KeyStore store = Pkcs12.read(file, password);
                if (store.isCertificateEntry(PkiLayout.TRUST_STORE_ALIAS)
                        && ca.certificate().equals(store.getCertificate(PkiLayout.TRUST_STORE_ALIAS))
                        && store.size() == 1) {
                    return;
                }
            } catch (IOException | KeyStoreException e) {
                // Unreadable: written again below.
            }
        }
        Pkcs12.writeTrustStore(file, PkiLayout.TRUST_STORE_ALIAS, ca.certificate(), password);
        written.add(file);
    }

    private Optional<String> reasonToIssue(Leaf leaf) {
        return renewal == Renewal.IF_NEEDED
                ? LeafCheck.reasonToIssue(leaf.files(), leaf.profile(), leaf.issuer(), renewBefore, password)
                : Optional.of("renewal requested");
    }

    private void issue(Leaf leaf, Optional<String> reason) throws IOException {
        if (reason.isEmpty()) {
            kept++;
            return;
        }
        Instant notAfter = now.atZone(ZoneOffset.UTC).plusYears(LEAF_VALIDITY_YEARS).toInstant();
        leaf.files().write(CertificateIssuer.issue(leaf.issuer(), leaf.profile(), notBefore(), notAfter), password);
        written.addAll(leaf.files().all());
        issued.add(relative(leaf.files().certificate()) + ": " + reason.get());
    }

    private void writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, content);
        written.add(file);
    }

    /** Backdated to absorb clock skew between the machine that issues and the machines that verify. */
    private Instant notBefore() {
        return now.minus(DevelopmentCertificates.CLOCK_SKEW);
    }

    private String relative(Path file) {
        return layout.root().relativize(file).toString().replace('\\', '/');
    }

    /** An end-entity certificate to keep or issue: where its files are, what it must say and which CA issues it. */
    private record Leaf(LeafFiles files, LeafProfile profile, CertificateAuthority issuer) {
    }
}
