package io.throughgate.sharinglog.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The Ed25519 signatures of C2SP signed notes (c2sp.org/signed-note, "Ed25519 signatures"), with Bouncy Castle's
 * lightweight Ed25519 (RFC 8032 section 5.1, pure Ed25519 without context or pre-hash).
 */
final class NoteSignatures {

    /** The signature type identifier byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    private NoteSignatures() {
    }

    /**
     * The key id: {@code SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]}, the first four bytes read as
     * a big-endian uint32 (signed-note, "Signatures" and "Ed25519 signatures").
     */
    static byte[] keyId(String keyName, byte[] publicKey) {
        NoteText.requireKeyName(keyName);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            sha256.update(publicKey);
            return Arrays.copyOf(sha256.digest(), SignedCheckpoint.KEY_ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }

    /**
     * Signs a note text: Ed25519 (RFC 8032 section 5.1.6) over the text's UTF-8 bytes, final newline included.
     * Deterministic: the same key and text always give the same 64 bytes.
     */
    static byte[] sign(Ed25519PrivateKeyParameters privateKey, String text) {
        // A new signer per call: Ed25519Signer buffers the message and is not safe for concurrent use.
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        return signer.generateSignature();
    }

    /**
     * Whether a signature of a note text verifies (RFC 8032 section 5.1.7). False, never an exception, for a
     * signature of the wrong length or any other malformed input.
     */
    static boolean verify(Ed25519PublicKeyParameters publicKey, String text, byte[] signature) {
        if (signature == null || signature.length != SignedCheckpoint.SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, publicKey);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            verifier.update(bytes, 0, bytes.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
