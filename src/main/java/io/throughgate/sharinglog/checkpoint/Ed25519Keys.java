package io.throughgate.sharinglog.checkpoint;

import java.io.IOException;

import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

import io.throughgate.pki.Pem;

/**
 * Reads Ed25519 keys from PEM (RFC 7468) into Bouncy Castle's lightweight key parameters: private keys as PKCS#8
 * (RFC 5958, algorithm id-Ed25519 of RFC 8410 section 3), public keys from a SubjectPublicKeyInfo (RFC 8410 section
 * 4) alone or in an X.509 certificate.
 */
final class Ed25519Keys {

    /** The length of an Ed25519 public key (RFC 8032 section 5.1.5). */
    static final int PUBLIC_KEY_LENGTH = 32;

    private Ed25519Keys() {
    }

    /**
     * The one unencrypted PKCS#8 Ed25519 private key of a PEM text.
     *
     * @throws IllegalArgumentException if the text is not PEM, holds not exactly one private key, the key is
     *         encrypted or in a traditional form, or it is not an Ed25519 key (naming its algorithm)
     */
    static Ed25519PrivateKeyParameters privateKey(String pem) {
        PrivateKeyInfo info = Pem.readPrivateKeyInfo(pem);
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("the private key is not an Ed25519 key: its algorithm is "
                    + algorithmName(info.getPrivateKeyAlgorithm().getAlgorithm().getId()));
        }
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
            return (Ed25519PrivateKeyParameters) key;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the Ed25519 private key cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * The Ed25519 public key of the first certificate or public key of a PEM text.
     *
     * @throws IllegalArgumentException if the text is not PEM, holds neither a CERTIFICATE nor a PUBLIC KEY block,
     *         or the key is not Ed25519 (naming its algorithm)
     */
    static byte[] publicKey(String pem) {
        return publicKey(Pem.readPublicKeyInfo(pem));
    }

    /**
     * The raw 32-byte Ed25519 public key of a SubjectPublicKeyInfo (RFC 8410 section 4: the BIT STRING holds the key
     * as RFC 8032 encodes it).
     *
     * @throws IllegalArgumentException if the algorithm is not id-Ed25519 or the key is not 32 bytes
     */
    static byte[] publicKey(SubjectPublicKeyInfo info) {
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("the public key is not an Ed25519 key: its algorithm is "
                    + algorithmName(info.getAlgorithm().getAlgorithm().getId()));
        }
        byte[] key = info.getPublicKeyData().getOctets();
        if (key.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("the Ed25519 public key must be " + PUBLIC_KEY_LENGTH + " bytes, was "
                    + key.length);
        }
        return key;
    }

    private static String algorithmName(String oid) {
        return switch (oid) {
            case "1.2.840.10045.2.1" -> "EC (" + oid + ")";
            case "1.2.840.113549.1.1.1" -> "RSA (" + oid + ")";
            case "1.3.101.113" -> "Ed448 (" + oid + ")";
            default -> oid;
        };
    }
}
