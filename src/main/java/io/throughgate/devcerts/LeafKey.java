package io.throughgate.devcerts;

import java.security.KeyPair;
import java.security.PublicKey;

import io.throughgate.pki.Keys;

/** The kind of key an end-entity certificate certifies. */
enum LeafKey {

    /** EC on NIST P-256: TLS, delivery signatures, CMS signatures and ECDH encryption. */
    EC_P256("EC"),

    /**
     * Ed25519 (RFC 8032; in certificates RFC 8410): the hub's sharing-log key, since C2SP signed notes, the format
     * of the log's checkpoints, are signed with Ed25519.
     */
    ED25519("EdDSA");

    /** The JDK's name of the public key's algorithm ({@link PublicKey#getAlgorithm()}). */
    private final String jdkAlgorithm;

    LeafKey(String jdkAlgorithm) {
        this.jdkAlgorithm = jdkAlgorithm;
    }

    /** A new key pair of this kind. */
    KeyPair generate() {
        return this == ED25519 ? Keys.generateEd25519() : Keys.generateEcP256();
    }

    /** Whether a certificate's public key is of this kind. */
    boolean isKindOf(PublicKey publicKey) {
        // Ed25519 keys may come from Bouncy Castle, which names them Ed25519.
        String algorithm = publicKey.getAlgorithm();
        return jdkAlgorithm.equals(algorithm) || this == ED25519 && "Ed25519".equals(algorithm);
    }
}
