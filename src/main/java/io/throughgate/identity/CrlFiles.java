package io.throughgate.identity;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.throughgate.pki.PublicKeyPins;
import io.throughgate.pki.TrustedAuthorities;

/**
 * Reads the certificate revocation lists in a folder: every {@code *.crl} file, PEM or DER (RFC 5280 section 5),
 * each applied only if a trusted CA with the CRL's issuer name signed it (section 6.3.3 (f) and (g)). A CRL whose
 * nextUpdate has passed still applies, since what it lists stays revoked; the hub logs a warning so that the
 * operator fetches a fresh one. A file that is unreadable or signed by no trusted CA is left out with an error in
 * the log, and the others still apply.
 */
final class CrlFiles {

    private static final Logger LOG = Logger.getLogger(CrlFiles.class);

    private CrlFiles() {
    }

    /**
     * @param folder the folder; none is read when it does not exist
     * @param authorities the trusted CAs, which must have signed each CRL
     * @param now the time a CRL's nextUpdate is compared with
     * @return for each issuing CA's pin, the revoked serials, each with the file that revokes it
     */
    static Map<String, Map<BigInteger, String>> read(Path folder, TrustedAuthorities authorities, Instant now) {
        Map<String, Map<BigInteger, String>> revoked = new HashMap<>();
        for (Path file : files(folder)) {
            for (X509CRL crl : parse(file)) {
                Optional<X509Certificate> issuer = signer(crl, authorities.certificates());
                if (issuer.isEmpty()) {
                    LOG.errorf("CRL %s of %s is not signed by a trusted CA; it is not applied", file,
                            crl.getIssuerX500Principal());
                    continue;
                }
                if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                    LOG.warnf("CRL %s of %s was due for renewal at %s; it still applies, fetch a fresh one", file,
                            crl.getIssuerX500Principal(), crl.getNextUpdate().toInstant());
                }
                Map<BigInteger, String> serials = revoked.computeIfAbsent(PublicKeyPins.sha256Hex(issuer.get()),
                        pin -> new HashMap<>());
                if (crl.getRevokedCertificates() != null) {
                    for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                        serials.put(entry.getSerialNumber(), "CRL " + file.getFileName());
                    }
                }
            }
        }
        return revoked;
    }

    /** The CRL files of a folder, sorted; empty when it does not exist. */
    static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(file -> file.getFileName().toString().endsWith(".crl"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            LOG.errorf("cannot list the CRL folder %s: %s", folder, e.getMessage());
            return List.of();
        }
    }

    private static List<X509CRL> parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCRLs(in).stream()
                    .filter(X509CRL.class::isInstance).map(X509CRL.class::cast).toList();
        } catch (IOException | GeneralSecurityException e) {
            LOG.errorf("CRL %s cannot be read (%s); it is not applied", file, e.getMessage());
            return List.of();
        }
    }

    private static Optional<X509Certificate> signer(X509CRL crl, List<X509Certificate> candidates) {
        return candidates.stream().filter(ca -> ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
                .filter(ca -> verifies(crl, ca)).findFirst();
    }

    private static boolean verifies(X509CRL crl, X509Certificate ca) {
        try {
            crl.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
