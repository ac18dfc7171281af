package io.throughgate.devcerts;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate freshly issued by a {@link CertificateAuthority}, with its private key.
 *
 * @param certificate the issued (leaf) certificate
 * @param privateKey the private key matching the certificate
 * @param issuer the certificate of the CA that issued it
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(issuer, "issuer");
    }

    /** The chain a TLS peer presents: this certificate, then its issuer's. */
    public List<X509Certificate> chain() {
        return List.of(certificate, issuer);
    }
}
