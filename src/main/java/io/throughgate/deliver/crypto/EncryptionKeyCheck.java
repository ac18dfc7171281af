package io.throughgate.deliver.crypto;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;

/** Whether a certificate's key can receive fields encrypted by {@link FieldEncryptor}. */
final class EncryptionKeyCheck {

    /** The keyUsage bit (RFC 5280 section 4.2.1.3) that allows a public key to be used for key agreement. */
    private static final int KEY_AGREEMENT = 4;

    private static final int P256_FIELD_BITS = 256;

    private EncryptionKeyCheck() {
    }

    /**
     * Why the certificate cannot be an encryption recipient, or empty if it can: its key must be EC P-256 (the curve
     * of the ephemeral keys: RFC 5753 section 3.1.2 takes the originator's key from the recipient's curve), and its
     * keyUsage, when present, must allow keyAgreement (RFC 5280 section 4.2.1.3; RFC 5480 section 3).
     */
    static Optional<String> problem(X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey key)
                || key.getParams().getCurve().getField().getFieldSize() != P256_FIELD_BITS) {
            return Optional.of("its key is not an EC P-256 key");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && (usage.length <= KEY_AGREEMENT || !usage[KEY_AGREEMENT])) {
            return Optional.of("its keyUsage does not allow keyAgreement");
        }
        return Optional.empty();
    }
}
