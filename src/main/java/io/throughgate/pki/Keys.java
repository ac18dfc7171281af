package io.throughgate.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;

/**
 * Key pair generation and checks, with the JDK's providers.
 */
public final class Keys {

    private static final byte[] PROBE = "throughgate key pair check".getBytes(StandardCharsets.US_ASCII);

    private Keys() {
    }

    /**
     * Generates an EC key pair on NIST P-256 (secp256r1), the curve every Throughgate key uses.
     *
     * @throws IllegalStateException if the runtime has no EC key pair generator (every standard JDK has one)
     */
    public static KeyPair generateEcP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate EC P-256 keys", e);
        }
    }

    /**
     * Generates an Ed25519 key pair (RFC 8032), the key of the hub's sharing-log signatures.
     *
     * @throws IllegalStateException if the runtime has no Ed25519 key pair generator (every Java 15 or later has one)
     */
    public static KeyPair generateEd25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate Ed25519 keys", e);
        }
    }

    /**
     * Whether a private key and a public key form a pair, tested by signing and verifying a probe.
     *
     * @param privateKey an EC, RSA or Ed25519 private key
     * @param publicKey the public key to test against, e.g. a certificate's
     * @return true only if a signature made with the private key verifies with the public key; false also when
     *         the keys are of different algorithms
     * @throws IllegalArgumentException if the private key's algorithm is none of EC, RSA and Ed25519
     */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            // The JDK names its Ed25519 keys EdDSA; Bouncy Castle names them Ed25519.
            case "EdDSA", "Ed25519" -> "Ed25519";
            default -> throw new IllegalArgumentException("cannot check a key pair of algorithm "
                    + privateKey.getAlgorithm() + "; expected EC, RSA or Ed25519");
        };
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
