package io.throughgate.deliver.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import io.throughgate.merkle.InclusionProofs;
import io.throughgate.pki.BouncyCastle;

/**
 * Verifies the hub's signature over a delivered record value, as a recipient does; the counterpart of
 * {@link DeliverySigner}. Stateless and thread-safe.
 */
public final class DeliveryVerifier {

    /** Hex digits of the certificate hash kept in a key id: 64 bits, plenty to tell a handful of hub keys apart. */
    private static final int KEY_ID_HEX_DIGITS = 16;

    private DeliveryVerifier() {
    }

    /**
     * Whether a message is this value delivered as the input says, in a batch the hub signed, step by step:
     * <ol>
     * <li>the leaf: {@code SHA-256(0x00 || input)} ({@link SignedDeliveryInput#leafHash});</li>
     * <li>the root: from the leaf, its index, the tree size and the audit path, by RFC 9162 section 2.1.3.2; a path
     * that does not fit the index and size: false;</li>
     * <li>the signature over the batch's {@link SignedBatchRoot} with that root, the tree size and the input's key
     * id ({@link #verify(byte[], String, X509Certificate)}).</li>
     * </ol>
     */
    public static boolean verify(SignedDeliveryInput delivery, byte[] value, BatchProof proof,
            X509Certificate signingCertificate) {
        return signedRoot(delivery, value, proof).map(root -> verify(root.bytes(), proof.signature(),
                signingCertificate)).orElse(false);
    }

    /**
     * Steps 1 and 2 of {@link #verify(SignedDeliveryInput, byte[], BatchProof, X509Certificate)}: the batch root the
     * message's proof leads to, which the signature must cover; empty when the proof does not fit.
     */
    public static Optional<SignedBatchRoot> signedRoot(SignedDeliveryInput delivery, byte[] value,
            BatchProof proof) {
        return InclusionProofs.rootFrom(proof.leafIndex(), proof.treeSize(), delivery.leafHash(value), proof
                .auditPath()).map(root -> new SignedBatchRoot(delivery.keyId(), proof.treeSize(), root));
    }

    /**
     * Whether a signature is the hub's signature of exactly these bytes, step by step:
     * <ol>
     * <li>decode the base64 (RFC 4648 section 4); not base64: false;</li>
     * <li>hash the value with SHA-256 and verify the DER-encoded ECDSA signature (SEC 1 v2 section 4.1.4,
     * FIPS 186-5 section 6.4.2) with the certificate's public key; malformed DER or a wrong key: false.</li>
     * </ol>
     * The certificate itself is not validated here: the caller picks it by {@link #keyIdOf key id} from the hub
     * certificates it trusts.
     *
     * @param value the record value's bytes, as received
     * @param base64Signature the signature header's value
     * @param signingCertificate the hub's delivery signing certificate
     * @return true only if the signature verifies
     */
    public static boolean verify(byte[] value, String base64Signature, X509Certificate signingCertificate) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(signingCertificate, "signingCertificate");
        if (base64Signature == null) {
            return false;
        }
        BouncyCastle.register();
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64Signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            // Bouncy Castle by name, as for signing: SunEC on Java 17 verifies P-256 in about 1.3 ms of CPU.
            Signature verifier = Signature.getInstance(DeliverySigner.ALGORITHM, BouncyCastle.PROVIDER);
            verifier.initVerify(signingCertificate.getPublicKey());
            verifier.update(value);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // SignatureException for a signature that is not DER (r, s); InvalidKeyException for a non-EC key.
            // (NoSuchProviderException cannot happen: Bouncy Castle is registered above.)
            return false;
        }
    }

    /**
     * The key id of a signing certificate, sent in the {@code signing-key-id} header: the SHA-256 hash (FIPS 180-4)
     * of the certificate's DER encoding (RFC 5280 section 4.1), as lowercase hex, first 16 digits. The same
     * certificate always gives the same id; a renewed certificate, even with the same key, gives a new one.
     *
     * @throws IllegalArgumentException if the certificate cannot be encoded
     */
    public static String keyIdOf(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(hash).substring(0, KEY_ID_HEX_DIGITS);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate " + certificate.getSubjectX500Principal()
                    + " cannot be DER-encoded", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
