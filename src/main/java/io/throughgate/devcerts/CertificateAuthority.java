package io.throughgate.devcerts;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import io.throughgate.pki.Keys;
import io.throughgate.pki.Pem;

/**
 * A certificate authority that can issue certificates: its certificate and the matching private key.
 *
 * @param certificate the CA certificate; its basicConstraints say CA:true and its keyUsage, if present, allows
 *        keyCertSign (RFC 5280 sections 4.2.1.9 and 4.2.1.3)
 * @param privateKey the CA's private key, matching the certificate's public key
 */
public record CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {

    /** The bit of the keyUsage extension that allows signing certificates (RFC 5280 section 4.2.1.3). */
    private static final int KEY_CERT_SIGN = 5;

    /**
     * @throws IllegalArgumentException if the certificate is not a CA certificate or the key does not match it
     */
    public CertificateAuthority {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException(certificate.getSubjectX500Principal()
                    + " is not a CA certificate: its basicConstraints do not say CA:true");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
            throw new IllegalArgumentException(certificate.getSubjectX500Principal()
                    + " is not a CA certificate: its keyUsage does not allow keyCertSign");
        }
        if (!Keys.matches(privateKey, certificate.getPublicKey())) {
            throw new IllegalArgumentException("the private key does not match the CA certificate "
                    + certificate.getSubjectX500Principal());
        }
    }

    /**
     * Loads a CA from PEM files.
     *
     * @param certificateFile the CA certificate (the first certificate of the file is used)
     * @param privateKeyFile the CA's unencrypted PKCS#8 private key
     * @return the CA
     * @throws IOException if a file cannot be read or parsed, the certificate is not a CA certificate, or the key
     *         does not match it; the message names the files
     */
    public static CertificateAuthority load(Path certificateFile, Path privateKeyFile) throws IOException {
        List<X509Certificate> certificates = Pem.readCertificates(certificateFile);
        PrivateKey privateKey = Pem.readPrivateKey(privateKeyFile);
        try {
            return new CertificateAuthority(certificates.get(0), privateKey);
        } catch (IllegalArgumentException e) {
            throw new IOException(certificateFile + " and " + privateKeyFile + ": " + e.getMessage(), e);
        }
    }

    /** The CA's subject, which is the issuer name of every certificate it issues. */
    public X500Principal subject() {
        return certificate.getSubjectX500Principal();
    }

    /**
     * Whether this CA issued a certificate: the certificate names this CA's subject as issuer and its signature
     * verifies with this CA's public key. Validity dates are not checked.
     */
    public boolean hasIssued(X509Certificate issued) {
        Objects.requireNonNull(issued, "issued");
        if (!issued.getIssuerX500Principal().equals(subject())) {
            return false;
        }
        try {
            issued.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
