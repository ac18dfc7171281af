package io.throughgate.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CA certificates whose client certificates the hub accepts, loaded once from PEM files. Trust here says only
 * that a chain is sound; which agency and role a CA may vouch for is pinned in the agency directory.
 *
 * @param certificates the CA certificates
 */
public record TrustedAuthorities(List<X509Certificate> certificates) {

    /** The organisational unit that marks development key material; production refuses it. */
    public static final String DEVELOPMENT_MARKER = "OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION";

    public TrustedAuthorities {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted CA certificate is needed");
        }
        certificates = List.copyOf(certificates);
    }

    /**
     * Loads the CA certificates from PEM files.
     *
     * @throws IllegalStateException naming the file when one is missing, unreadable or holds no certificate
     */
    public static TrustedAuthorities load(List<Path> pemFiles) {
        return new TrustedAuthorities(pemFiles.stream().flatMap(file -> load(file).certificates().stream())
                .distinct().toList());
    }

    /**
     * Loads the CA certificates from a PEM file.
     *
     * @throws IllegalStateException naming the file when it is missing, unreadable or holds no certificate
     */
    public static TrustedAuthorities load(Path pemFile) {
        if (!Files.isReadable(pemFile)) {
            throw new IllegalStateException("trusted CA file " + pemFile.toAbsolutePath() + " cannot be read");
        }
        List<X509Certificate> certificates;
        try {
            certificates = Pem.readCertificates(pemFile);
        } catch (IOException e) {
            throw new UncheckedIOException("trusted CA file " + pemFile.toAbsolutePath() + " cannot be read", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("trusted CA file " + pemFile.toAbsolutePath() + " holds no certificate");
        }
        return new TrustedAuthorities(certificates);
    }

    /** The trust anchors for PKIX path validation (RFC 5280 section 6.1.1 (d)). */
    public Set<TrustAnchor> anchors() {
        return certificates.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Validates a certificate chain to one of these CAs at a given time (RFC 5280 section 6.1). Revocation is
     * checked by the caller, against the CRL files and the deny list the hub reloads (partners' CAs publish no CRL
     * or OCSP endpoint the hub could reach).
     *
     * @param chain the chain, leaf first; a CA certificate among the trust anchors may end it
     * @param at the time at which every certificate must be valid
     * @return the CA certificates of the validated path, from the leaf's issuer up to the trust anchor
     * @throws CertPathValidatorException if the chain does not validate; its reason tells expiry from distrust
     * @throws GeneralSecurityException if the chain cannot be read
     */
    public List<X509Certificate> validatePath(List<X509Certificate> chain, Instant at)
            throws GeneralSecurityException {
        // The trust anchor is an input to validation, not part of the path (RFC 5280 section 6.1), so a chain
        // that ends with the CA certificate is trimmed.
        List<X509Certificate> path = chain.stream().filter(cert -> !certificates.contains(cert)).toList();
        if (path.isEmpty()) {
            throw new CertPathValidatorException("a CA certificate alone is not a signer or client certificate");
        }
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters parameters = new PKIXParameters(anchors());
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(certPath, parameters);
        List<X509Certificate> authorities = new ArrayList<>(path.subList(1, path.size()));
        authorities.add(result.getTrustAnchor().getTrustedCert());
        return List.copyOf(authorities);
    }

    /** Whether any of the CAs is development key material. */
    public boolean includesDevelopmentAuthority() {
        return certificates.stream().anyMatch(TrustedAuthorities::isDevelopmentMaterial);
    }

    /** Whether a certificate is, or was issued by, development key material. */
    public static boolean isDevelopmentMaterial(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().contains(DEVELOPMENT_MARKER)
                || certificate.getIssuerX500Principal().getName().contains(DEVELOPMENT_MARKER);
    }
}
