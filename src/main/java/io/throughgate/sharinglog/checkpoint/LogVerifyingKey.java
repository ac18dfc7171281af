package io.throughgate.sharinglog.checkpoint;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The public half of the hub's sharing-log key: verifies signed checkpoints and gives the key in the forms other
 * tools read (a PEM SubjectPublicKeyInfo, and the verifier key text of C2SP signed-note tools). The hub publishes it
 * at {@code GET /v1/sharing-log/public-key}; a data protection officer verifies exports with it offline.
 *
 * <p>
 * Immutable and thread-safe.
 */
public final class LogVerifyingKey {

    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters parameters;

    private LogVerifyingKey(byte[] publicKey) {
        if (publicKey.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is " + Ed25519Keys.PUBLIC_KEY_LENGTH
                    + " bytes, was " + publicKey.length);
        }
        this.publicKey = publicKey.clone();
        this.parameters = new Ed25519PublicKeyParameters(this.publicKey);
    }

    /**
     * Reads the key from PEM text: an X.509 certificate ({@code CERTIFICATE}; the first of a chain) or a bare
     * SubjectPublicKeyInfo ({@code PUBLIC KEY}, as {@link #publicKeyPem()} writes it).
     *
     * @param pem the PEM text
     * @return the key
     * @throws IllegalArgumentException if the text is not PEM, holds neither block, or the key is not Ed25519 (the
     *         message names the algorithm found)
     */
    public static LogVerifyingKey fromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        return new LogVerifyingKey(Ed25519Keys.publicKey(pem));
    }

    /**
     * The key of a certificate.
     *
     * @throws IllegalArgumentException if the certificate's key is not Ed25519
     */
    public static LogVerifyingKey fromCertificate(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        return new LogVerifyingKey(Ed25519Keys.publicKey(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey()
                .getEncoded())));
    }

    /** The key of raw public key bytes (RFC 8032 section 5.1.5 encoding, 32 bytes). */
    static LogVerifyingKey fromRaw(byte[] publicKey) {
        return new LogVerifyingKey(Objects.requireNonNull(publicKey, "publicKey"));
    }

    /** The 32-byte Ed25519 public key as RFC 8032 encodes it; a copy. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Whether a signed checkpoint was signed with this key, following C2SP signed-note ("Signatures"):
     * <ol>
     * <li>the key id in the signature must be this key's id under the signature's key name (the pair of name and id
     * identifies the key, so a changed name fails here);</li>
     * <li>the Ed25519 signature (RFC 8032 section 5.1.7) must verify over the UTF-8 bytes of the checkpoint's body,
     * final newline included.</li>
     * </ol>
     * Whether the key name is the one expected (the checkpoint's origin, the configured log) is for the caller to
     * check.
     *
     * @param signed the signed checkpoint
     * @return true only if both hold; false, never an exception, for any signature that does not verify
     */
    public boolean verify(SignedCheckpoint signed) {
        Objects.requireNonNull(signed, "signed");
        // Step 1: the key id, computed here from the name in the signature line.
        if (!MessageDigest.isEqual(keyId(signed.keyName()), signed.keyId())) {
            return false;
        }
        // Step 2: the signature over the note text.
        return NoteSignatures.verify(parameters, signed.checkpoint().body(), signed.signature());
    }

    /**
     * The signed-note key id of this key under a name: the first 4 bytes of
     * {@code SHA-256(keyName || 0x0A || 0x01 || 32-byte public key)}.
     *
     * @throws IllegalArgumentException if the name is empty or holds a space, plus sign or control character
     */
    public byte[] keyId(String keyName) {
        return NoteSignatures.keyId(keyName, publicKey);
    }

    /** The key as a PEM {@code PUBLIC KEY} block (SubjectPublicKeyInfo, RFC 8410 section 4; RFC 7468 section 13). */
    public String publicKeyPem() {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters);
            writer.writeObject(new PemObject("PUBLIC KEY", info.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the sharing-log public key as PEM", e);
        }
        return text.toString();
    }

    /**
     * The verifier key text of signed-note tools such as Go's {@code golang.org/x/mod/sumdb/note}:
     * {@code <keyName>+<key id, 8 lowercase hex digits>+<base64(0x01 || 32-byte public key)>}.
     *
     * @throws IllegalArgumentException if the name is empty or holds a space, plus sign or control character
     */
    public String noteVerifierKey(String keyName) {
        byte[] typeAndKey = ByteBuffer.allocate(1 + publicKey.length).put(NoteSignatures.ED25519).put(publicKey)
                .array();
        return keyName + "+" + HexFormat.of().formatHex(keyId(keyName)) + "+" + Base64.getEncoder().encodeToString(
                typeAndKey);
    }

    @Override
    public String toString() {
        return "LogVerifyingKey[Ed25519 " + Base64.getEncoder().encodeToString(publicKey) + "]";
    }
}
