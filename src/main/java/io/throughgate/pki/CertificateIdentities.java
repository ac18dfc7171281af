package io.throughgate.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reads the identities a certificate asserts. Throughgate identifies an agency (and a role such as the data
 * protection officer's) by a subject alternative name URI, never by the subject's common name.
 */
public final class CertificateIdentities {

    /** The subject alternative name URI a data protection officer's certificate carries besides its agency's. */
    public static final String DPO_ROLE_URI = "urn:throughgate:role:dpo";

    /** The GeneralName tag of a uniformResourceIdentifier (RFC 5280 section 4.2.1.6). */
    private static final int URI = 6;

    private CertificateIdentities() {
    }

    /**
     * The subject alternative name URIs of a certificate (RFC 5280 section 4.2.1.6, GeneralName type 6
     * {@code uniformResourceIdentifier}), in certificate order.
     *
     * @param certificate the certificate to read
     * @return the URIs; empty when the certificate has no subject alternative name extension or no URI in it
     * @throws IllegalArgumentException if the subject alternative name extension cannot be decoded
     */
    public static List<String> sanUris(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("the subject alternative names of "
                    + certificate.getSubjectX500Principal() + " cannot be decoded", e);
        }
        List<String> uris = new ArrayList<>();
        if (names != null) {
            for (List<?> name : names) {
                if (name.size() >= 2 && Integer.valueOf(URI).equals(name.get(0)) && name.get(1) instanceof String uri) {
                    uris.add(uri);
                }
            }
        }
        return List.copyOf(uris);
    }
}
