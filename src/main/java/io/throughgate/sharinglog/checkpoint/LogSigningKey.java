package io.throughgate.sharinglog.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Objects;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import io.throughgate.pki.Pem;

/**
 * The hub's sharing-log signing key: signs checkpoints of the sharing log's Merkle tree as C2SP signed notes with
 * Ed25519 ({@link SignedCheckpoint}). It is a key of its own, apart from the delivery signing key, because what it
 * signs must stay verifiable for as long as the log is kept (six years), and because signed-note tools know Ed25519.
 * Its certificate ties it to the hub for people; verifiers need only its public key ({@link #verifyingKey()}).
 *
 * <p>
 * Immutable and thread-safe: each signature uses its own signer.
 */
public final class LogSigningKey {

    /** keyUsage bit digitalSignature (RFC 5280 section 4.2.1.3). */
    private static final int DIGITAL_SIGNATURE = 0;

    private final Ed25519PrivateKeyParameters privateKey;
    private final X509Certificate certificate;
    private final String keyName;
    private final LogVerifyingKey verifyingKey;
    private final byte[] keyId;

    private LogSigningKey(Ed25519PrivateKeyParameters privateKey, X509Certificate certificate, String keyName,
            LogVerifyingKey verifyingKey) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.keyName = keyName;
        this.verifyingKey = verifyingKey;
        this.keyId = verifyingKey.keyId(keyName);
    }

    /**
     * Loads the key and its certificate and checks that they belong together.
     *
     * @param privateKeyPem the unencrypted PKCS#8 PEM file of the Ed25519 private key
     * @param certificatePem the PEM file of its X.509 certificate (the first certificate of the file is used)
     * @param keyName the signed-note key name, which is also every checkpoint's origin (configuration
     *        {@code throughgate.sharing-log.origin}, e.g. {@code throughgate/sharing-log})
     * @return the key
     * @throws UncheckedIOException if a file cannot be read; the message names it
     * @throws IllegalArgumentException if the key name is empty or holds a space, plus sign or control character, a
     *         file is not PEM, the key is not an unencrypted PKCS#8 Ed25519 key, the certificate's key is not
     *         Ed25519, the key does not match the certificate, or the certificate's keyUsage does not allow
     *         digitalSignature; the message names the file
     */
    public static LogSigningKey load(Path privateKeyPem, Path certificatePem, String keyName) {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(certificatePem, "certificatePem");
        NoteText.requireKeyName(keyName);
        Ed25519PrivateKeyParameters privateKey;
        try {
            privateKey = Ed25519Keys.privateKey(Files.readString(privateKeyPem, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("the sharing-log signing key " + privateKeyPem.toAbsolutePath()
                    + " cannot be read", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(privateKeyPem + ": " + e.getMessage(), e);
        }
        X509Certificate certificate;
        try {
            certificate = Pem.readCertificates(certificatePem).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("the sharing-log certificate " + certificatePem.toAbsolutePath()
                    + " cannot be read: " + e.getMessage(), e);
        }
        LogVerifyingKey verifyingKey;
        try {
            verifyingKey = LogVerifyingKey.fromCertificate(certificate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(certificatePem + ": the certificate " + certificate
                    .getSubjectX500Principal() + " cannot certify a sharing-log key: " + e.getMessage(), e);
        }
        if (!MessageDigest.isEqual(privateKey.generatePublicKey().getEncoded(), verifyingKey.publicKey())) {
            throw new IllegalArgumentException(privateKeyPem + " does not match the certificate "
                    + certificate.getSubjectX500Principal() + " of " + certificatePem);
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE]) {
            throw new IllegalArgumentException(certificatePem + ": the certificate " + certificate
                    .getSubjectX500Principal() + " does not allow signing: its keyUsage lacks digitalSignature");
        }
        return new LogSigningKey(privateKey, certificate, keyName, verifyingKey);
    }

    /**
     * Signs a checkpoint: Ed25519 over the UTF-8 bytes of its body (C2SP signed-note, "Ed25519 signatures"), with
     * this key's name and key id.
     *
     * @param checkpoint the checkpoint; its origin must be this key's name, as tlog-checkpoint asks ("The log's key
     *        name in its signature line SHOULD match the origin line"), so that a checkpoint of another log is never
     *        signed by mistake
     * @return the signed checkpoint; Ed25519 is deterministic, so the same checkpoint always gives the same
     *         signature
     * @throws IllegalArgumentException if the checkpoint's origin is not this key's name
     */
    public SignedCheckpoint sign(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (!checkpoint.origin().equals(keyName)) {
            throw new IllegalArgumentException("the checkpoint's origin '" + checkpoint.origin()
                    + "' is not the sharing-log key's name '" + keyName + "'");
        }
        return new SignedCheckpoint(checkpoint, keyName, keyId, NoteSignatures.sign(privateKey, checkpoint.body()));
    }

    /** The public key, to verify with and to publish. */
    public LogVerifyingKey verifyingKey() {
        return verifyingKey;
    }

    /** The signed-note key name, which is also the origin of every checkpoint this key signs. */
    public String keyName() {
        return keyName;
    }

    /** The key's certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "LogSigningKey[" + keyName + ", " + certificate.getSubjectX500Principal() + "]";
    }
}
