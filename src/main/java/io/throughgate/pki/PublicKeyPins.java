package io.throughgate.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The pin of a certificate's key: the SHA-256 of its DER SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7), the
 * digest RFC 7469 section 2.4 pins, written as lowercase hex. Java's {@code PublicKey.getEncoded()} is that DER
 * structure for X.509 keys.
 */
public final class PublicKeyPins {

    private PublicKeyPins() {
    }

    /** The lowercase hex SHA-256 of the certificate's SubjectPublicKeyInfo. */
    public static String sha256Hex(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the Java platform", e);
        }
    }
}
