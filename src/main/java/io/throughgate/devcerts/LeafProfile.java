package io.throughgate.devcerts;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * What an end-entity certificate says, apart from its key and dates: subject, subject alternative names, key usage,
 * extended key usage, and the kind of key it certifies.
 *
 * @param subject the subject distinguished name
 * @param names the subject alternative names (RFC 5280 section 4.2.1.6)
 * @param keyUsage the keyUsage bits, a combination of {@link org.bouncycastle.asn1.x509.KeyUsage} constants
 *        (RFC 5280 section 4.2.1.3)
 * @param purposes the extendedKeyUsage purposes (RFC 5280 section 4.2.1.12); empty for a certificate without the
 *        extension, whose keyUsage alone limits the key (the hub's delivery signing key, agencies' encryption keys)
 * @param key the kind of key, EC P-256 for all but the hub's sharing-log key
 */
record LeafProfile(X500Name subject, GeneralNames names, int keyUsage, List<KeyPurposeId> purposes, LeafKey key) {

    LeafProfile {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(key, "key");
        purposes = List.copyOf(purposes);
        if (keyUsage == 0) {
            throw new IllegalArgumentException("keyUsage is empty; an end-entity certificate needs at least one bit "
                    + "(RFC 5280 section 4.2.1.3)");
        }
    }

    /** A profile of an EC P-256 key. */
    LeafProfile(X500Name subject, GeneralNames names, int keyUsage, List<KeyPurposeId> purposes) {
        this(subject, names, keyUsage, purposes, LeafKey.EC_P256);
    }

    /** Whether a certificate has this profile's subject and exactly its subject alternative names, in order. */
    boolean describes(X509Certificate certificate) {
        if (!subject.equals(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()))) {
            return false;
        }
        byte[] extension = certificate.getExtensionValue(Extension.subjectAlternativeName.getId());
        if (extension == null) {
            return false;
        }
        try {
            ASN1Primitive value = JcaX509ExtensionUtils.parseExtensionValue(extension);
            return names.equals(GeneralNames.getInstance(value));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
