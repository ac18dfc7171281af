package io.throughgate.deliver.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import io.throughgate.merkle.MerkleTree;
import io.throughgate.pki.BouncyCastle;
import io.throughgate.pki.Keys;

/**
 * Signs what the hub delivers to inbox topics, so that a recipient can check that the hub sent each message, to it,
 * and that nothing changed it on the way. Deliveries are signed in batches, one signature per inbox per writer
 * transaction:
 * each delivery's {@link SignedDeliveryInput signed input} (its value bound to its recipient, topic, agreement,
 * record id and key id) is a leaf of a Merkle tree, and the hub signs the tree's root ({@link SignedBatchRoot}). Each
 * message carries its {@link BatchProof}: leaf index, tree size, audit path and the signature, with the signing
 * key's id ({@link #keyId()}), which tells the recipient which hub certificate to verify with across key rollovers.
 *
 * <p>
 * The signature is ECDSA on NIST P-256 with SHA-256 ({@code SHA256withECDSA}), step by step:
 * <ol>
 * <li>hash the signed root's bytes with SHA-256 (FIPS 180-4 section 6.2);</li>
 * <li>sign the hash with the hub's private key, a fresh random nonce per signature (FIPS 186-5 section 6.4.1,
 * SEC 1 v2 section 4.1.3);</li>
 * <li>encode (r, s) as the DER {@code SEQUENCE { r INTEGER, s INTEGER }} of SEC 1 v2 appendix C.8 / RFC 3279
 * section 2.2.3, the form every JCA, OpenSSL, .NET and Go verifier reads, and then as base64 (RFC 4648 section
 * 4).</li>
 * </ol>
 * Why P-256 rather than Ed25519, and why batches: decision record 0019. Bouncy Castle signs, requested by name: on
 * Java 17 the JDK's SunEC is pure Java and several times slower for P-256. The signature is the same standard
 * encoding whoever makes it; the tests check that SunEC verifies these signatures and that its own verify here.
 *
 * <p>
 * Thread-safe: each thread signs with its own {@link Signature}, initialised once, since a {@code Signature} is not
 * safe for concurrent use and {@code initSign} per call would cost key checks at every signature.
 */
public final class DeliverySigner {

    static final String ALGORITHM = "SHA256withECDSA";

    /** keyUsage bits (RFC 5280 section 4.2.1.3) that allow signing data other than certificates and CRLs. */
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final PrivateKey privateKey;
    private final String keyId;
    private final ThreadLocal<Signature> signatures;

    /**
     * Registers Bouncy Castle if needed and checks the key against the certificate.
     *
     * @param privateKey the hub's EC P-256 delivery signing key
     * @param certificate its certificate, which recipients verify with
     * @throws IllegalArgumentException if the key is not an EC P-256 key, does not match the certificate, or the
     *         certificate's keyUsage allows neither digitalSignature nor nonRepudiation
     */
    public DeliverySigner(PrivateKey privateKey, X509Certificate certificate) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        if (!(privateKey instanceof ECPrivateKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("the delivery signing key must be an EC P-256 key, got "
                    + privateKey.getAlgorithm());
        }
        if (!Keys.matches(privateKey, certificate.getPublicKey())) {
            throw new IllegalArgumentException("the delivery signing key does not match the certificate "
                    + certificate.getSubjectX500Principal());
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION])) {
            throw new IllegalArgumentException("the certificate " + certificate.getSubjectX500Principal()
                    + " does not allow signing: its keyUsage has neither digitalSignature nor nonRepudiation");
        }
        BouncyCastle.register();
        this.privateKey = privateKey;
        this.keyId = DeliveryVerifier.keyIdOf(certificate);
        this.signatures = ThreadLocal.withInitial(this::newSignature);
    }

    /**
     * The signing key's id, for the {@code signing-key-id} header: the first 16 lowercase hex digits of the SHA-256
     * hash of the certificate's DER encoding (see {@link DeliveryVerifier#keyIdOf}).
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Signs a batch of deliveries with one signature: builds the Merkle tree of their leaves, signs its root, and
     * gives each delivery its proof.
     *
     * @param leafHashes the deliveries' leaves ({@link SignedDeliveryInput#leafHash}, each made with this key's
     *        id), in the order they are written
     * @return one proof per leaf, in the same order
     * @throws IllegalArgumentException if there is no leaf or a leaf is not a 32-byte hash
     */
    public List<BatchProof> signBatch(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a batch to sign holds at least one delivery");
        }
        MerkleTree tree = MerkleTree.of(leafHashes);
        String signature = sign(new SignedBatchRoot(keyId, tree.size(), tree.root()).bytes());
        List<BatchProof> proofs = new ArrayList<>(leafHashes.size());
        for (int i = 0; i < leafHashes.size(); i++) {
            proofs.add(new BatchProof(i, tree.size(), tree.inclusionProof(i), signature));
        }
        return proofs;
    }

    /**
     * Signs one delivery alone, as a batch of one (a notice the hub sends outside a writer transaction).
     *
     * @throws IllegalArgumentException if the input names another key
     */
    public BatchProof signAlone(SignedDeliveryInput delivery, byte[] value) {
        if (!delivery.keyId().equals(keyId)) {
            throw new IllegalArgumentException("the signed input names key " + delivery.keyId() + ", not this key "
                    + keyId);
        }
        return signBatch(List.of(delivery.leafHash(value))).get(0);
    }

    /**
     * Signs bytes as they are.
     *
     * @param value the exact bytes of the Kafka record value
     * @return the base64 of the DER-encoded ECDSA signature; different on each call (random nonce), each one valid
     * @throws IllegalStateException if the provider fails to sign (not expected with a key checked at construction)
     */
    public String sign(byte[] value) {
        Objects.requireNonNull(value, "value");
        Signature signature = signatures.get();
        try {
            // After sign() the object is reset to the state initSign left it in, ready for the next value.
            signature.update(value);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            // A failed sign() may leave the object mid-operation: start this thread afresh.
            signatures.remove();
            throw new IllegalStateException("cannot sign a delivery with " + ALGORITHM, e);
        }
    }

    private Signature newSignature() {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BouncyCastle.PROVIDER);
            signature.initSign(privateKey);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot sign with " + ALGORITHM, e);
        }
    }
}
