package io.throughgate.sharinglog.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * The signed-note example of Go's {@code golang.org/x/mod/sumdb/note} (its package documentation and
 * {@code note_test.go}): the same key must give the same key id, verifier key text and, Ed25519 being
 * deterministic, the same signature byte for byte, which shows Go's tools read what the hub writes.
 */
class NoteSignaturesTest {

    private static final String NAME = "PeterNeumann";
    private static final String SIGNER_KEY = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String SIGNATURE = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

    private static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(Arrays.copyOfRange(
            Base64.getDecoder().decode(SIGNER_KEY), 1, 33));
    private static final LogVerifyingKey VERIFYING = LogVerifyingKey.fromRaw(KEY.generatePublicKey().getEncoded());

    @Test
    void keyIdIsTheOneGoComputes() {
        assertEquals("c74f20a3", HexFormat.of().formatHex(VERIFYING.keyId(NAME)));
    }

    @Test
    void verifierKeyTextIsTheOneGoAccepts() {
        assertEquals(VERIFIER_KEY, VERIFYING.noteVerifierKey(NAME));
    }

    @Test
    void signatureIsTheOneGoMakes() {
        byte[] signature = NoteSignatures.sign(KEY, TEXT);
        byte[] keyIdAndSignature = ByteBuffer.allocate(68).put(VERIFYING.keyId(NAME)).put(signature).array();

        assertEquals(SIGNATURE, Base64.getEncoder().encodeToString(keyIdAndSignature));
    }

    @Test
    void goSignatureVerifies() {
        byte[] signature = Arrays.copyOfRange(Base64.getDecoder().decode(SIGNATURE), 4, 68);

        assertTrue(NoteSignatures.verify(KEY.generatePublicKey(), TEXT, signature));
        assertArrayEquals(new byte[]{(byte) 0xc7, 0x4f, 0x20, (byte) 0xa3}, NoteSignatures.keyId(NAME, VERIFYING
                .publicKey()));
    }
}
