package io.throughgate.sharinglog.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A checkpoint signed by the hub's sharing-log key, as a C2SP signed note (c2sp.org/signed-note) with an Ed25519
 * signature (signature type 0x01). The note is the checkpoint's {@link Checkpoint#body() body}, a blank line, and
 * one signature line:
 *
 * <pre>
 * &lt;body&gt;
 *
 * — &lt;keyName&gt; &lt;base64(keyId || signature)&gt;
 * </pre>
 *
 * The line starts with an em dash (U+2014) and a space; the base64 (RFC 4648 section 4, padded) holds the 4-byte key
 * id, big-endian as the spec says, then the 64-byte Ed25519 signature (RFC 8032 section 5.1.6) over the body's UTF-8
 * bytes, its final newline included. Go's {@code golang.org/x/mod/sumdb/note} and other signed-note tools read it
 * with the key text of {@link LogVerifyingKey#noteVerifierKey}. This type only holds and formats a signature;
 * {@link LogVerifyingKey#verify} checks it.
 *
 * <p>
 * Equality compares the arrays' content; arrays are copied in and out.
 *
 * @param checkpoint what was signed
 * @param keyName the signing key's name: not empty, no space, plus sign or control character; by the tlog-checkpoint
 *        spec it is the checkpoint's origin
 * @param keyId the 4-byte key id ({@link LogVerifyingKey#keyId})
 * @param signature the 64-byte Ed25519 signature of the body
 */
public record SignedCheckpoint(Checkpoint checkpoint, String keyName, byte[] keyId, byte[] signature) {

    /** The length of a signed-note key id. */
    public static final int KEY_ID_LENGTH = 4;

    /** The length of an Ed25519 signature. */
    public static final int SIGNATURE_LENGTH = 64;

    /**
     * @throws IllegalArgumentException if the key name breaks the signed-note rules, the key id is not 4 bytes or the
     *         signature not 64; the message names the value
     */
    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        NoteText.requireKeyName(keyName);
        keyId = requireLength(keyId, KEY_ID_LENGTH, "keyId");
        signature = requireLength(signature, SIGNATURE_LENGTH, "signature");
    }

    /** The 4-byte key id; a copy. */
    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The 64-byte Ed25519 signature; a copy. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signed note: the body, a blank line and the signature line (see the class comment). */
    public String note() {
        byte[] keyIdAndSignature = ByteBuffer.allocate(KEY_ID_LENGTH + SIGNATURE_LENGTH).put(keyId).put(signature)
                .array();
        return checkpoint.body() + "\n" + NoteText.SIGNATURE_PREFIX + keyName + " "
                + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
    }

    /**
     * Reads a note written by {@link #note()}. The signature is not verified: give the result to
     * {@link LogVerifyingKey#verify}.
     *
     * <p>
     * Following the signed-note format: the note ends in a newline; the text is separated from the signatures by
     * the last blank line; a signature line is an em dash, a space, the key name, a space and the base64 of the key
     * id and signature. Throughgate's checkpoints carry exactly one signature, so a note with more (a witness's
     * cosignature, say) is refused rather than silently reduced to one.
     *
     * @param note the note's text
     * @return the signed checkpoint
     * @throws IllegalArgumentException saying what is wrong: no blank line, a control character, not exactly one
     *         signature line, a malformed signature line, a signature of the wrong length, or a body that is not a
     *         Throughgate checkpoint
     */
    public static SignedCheckpoint parse(String note) {
        Objects.requireNonNull(note, "note");
        note.codePoints().filter(c -> c != '\n').forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("the note holds the control character U+" + String.format("%04X",
                        c) + "; a signed note holds none but newlines");
            }
        });
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("the note must end with a newline");
        }
        int separator = note.lastIndexOf("\n\n");
        if (separator < 0) {
            throw new IllegalArgumentException("the note has no blank line between its text and its signatures");
        }
        String body = note.substring(0, separator + 1);
        String[] signatureLines = note.substring(separator + 2, note.length() - 1).split("\n", -1);
        if (signatureLines.length != 1) {
            throw new IllegalArgumentException("the note must have exactly one signature line, has "
                    + signatureLines.length);
        }
        String line = signatureLines[0];
        if (!line.startsWith(NoteText.SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException("the signature line must start with an em dash (U+2014) and a space: '"
                    + line + "'");
        }
        String[] nameAndSignature = line.substring(NoteText.SIGNATURE_PREFIX.length()).split(" ", -1);
        if (nameAndSignature.length != 2) {
            throw new IllegalArgumentException("the signature line must be '\u2014 <key name> <base64 signature>': '"
                    + line + "'");
        }
        byte[] keyIdAndSignature = Checkpoint.decodeBase64(nameAndSignature[1], "the signature");
        if (keyIdAndSignature.length != KEY_ID_LENGTH + SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("the signature must hold a " + KEY_ID_LENGTH + "-byte key id and a "
                    + SIGNATURE_LENGTH + "-byte Ed25519 signature, " + (KEY_ID_LENGTH + SIGNATURE_LENGTH)
                    + " bytes, but has " + keyIdAndSignature.length);
        }
        return new SignedCheckpoint(Checkpoint.parse(body), nameAndSignature[0],
                Arrays.copyOfRange(keyIdAndSignature, 0, KEY_ID_LENGTH),
                Arrays.copyOfRange(keyIdAndSignature, KEY_ID_LENGTH, keyIdAndSignature.length));
    }

    private static byte[] requireLength(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, was " + value.length);
        }
        return value.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that && checkpoint.equals(that.checkpoint)
                && keyName.equals(that.keyName) && Arrays.equals(keyId, that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, keyName, Arrays.hashCode(keyId), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", keyName=" + keyName + ", keyId=" + HexFormat.of().formatHex(
                keyId) + "]";
    }
}
