package io.throughgate.sharinglog.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.pki.Pem;

class LogSigningKeyTest {

    private static final Checkpoint CHECKPOINT = new Checkpoint(TestLogKeys.KEY_NAME, 8, CheckpointTest.ROOT,
            CheckpointTest.ISSUED);

    @TempDir
    static Path folder;
    static TestLogKeys.KeyFiles files;
    static LogSigningKey key;

    @BeforeAll
    static void generate() throws IOException {
        files = TestLogKeys.write(folder, "log");
        key = files.load();
    }

    @Test
    void signedCheckpointVerifies() {
        SignedCheckpoint signed = key.sign(CHECKPOINT);

        assertTrue(key.verifyingKey().verify(signed));
        assertEquals(TestLogKeys.KEY_NAME, signed.keyName());
    }

    @Test
    void parsedNoteVerifies() {
        SignedCheckpoint parsed = SignedCheckpoint.parse(key.sign(CHECKPOINT).note());

        assertTrue(key.verifyingKey().verify(parsed));
    }

    @Test
    void changedBodyFailsToVerify() {
        String note = key.sign(CHECKPOINT).note().replace("throughgate/sharing-log\n8", "throughgate/sharing-lag\n8");

        assertFalse(key.verifyingKey().verify(SignedCheckpoint.parse(note)));
    }

    @Test
    void changedSizeFailsToVerify() {
        assertFalse(key.verifyingKey().verify(withCheckpoint(new Checkpoint(TestLogKeys.KEY_NAME, 9,
                CheckpointTest.ROOT, CheckpointTest.ISSUED))));
    }

    @Test
    void changedRootFailsToVerify() {
        byte[] root = CheckpointTest.ROOT.clone();
        root[31] ^= 1;

        assertFalse(key.verifyingKey().verify(withCheckpoint(new Checkpoint(TestLogKeys.KEY_NAME, 8, root,
                CheckpointTest.ISSUED))));
    }

    @Test
    void changedTimeFailsToVerify() {
        assertFalse(key.verifyingKey().verify(withCheckpoint(new Checkpoint(TestLogKeys.KEY_NAME, 8,
                CheckpointTest.ROOT, CheckpointTest.ISSUED.plusSeconds(1)))));
    }

    @Test
    void anotherKeyFailsToVerify() throws IOException {
        LogSigningKey other = TestLogKeys.write(folder, "other").load();

        assertFalse(other.verifyingKey().verify(key.sign(CHECKPOINT)));
    }

    @Test
    void anotherKeyNameFailsToVerify() {
        SignedCheckpoint signed = key.sign(CHECKPOINT);
        SignedCheckpoint renamed = new SignedCheckpoint(signed.checkpoint(), "throughgate/other-log", signed.keyId(),
                signed.signature());

        assertFalse(key.verifyingKey().verify(renamed));
    }

    @Test
    void garbageSignatureFailsWithoutThrowing() {
        SignedCheckpoint signed = key.sign(CHECKPOINT);

        assertFalse(key.verifyingKey().verify(new SignedCheckpoint(CHECKPOINT, TestLogKeys.KEY_NAME, signed.keyId(),
                new byte[64])));
    }

    @Test
    void jdkEd25519VerifiesTheNoteWithThePublishedPublicKey() throws Exception {
        SignedCheckpoint signed = key.sign(CHECKPOINT);
        String pem = key.verifyingKey().publicKeyPem();
        byte[] spki = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace(
                "-----END PUBLIC KEY-----", ""));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(publicKey);
        jdk.update(signed.checkpoint().body().getBytes(StandardCharsets.UTF_8));

        assertEquals("SunEC", jdk.getProvider().getName());
        assertTrue(jdk.verify(signed.signature()));
    }

    @Test
    void jdkEd25519SignatureVerifiesHere() throws Exception {
        KeyPair keys = TestLogKeys.generate();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(keys.getPrivate());
        jdk.update(CHECKPOINT.body().getBytes(StandardCharsets.UTF_8));
        LogVerifyingKey verifying = LogVerifyingKey.fromCertificate(TestLogKeys.selfSigned(keys,
                KeyUsage.digitalSignature));

        assertTrue(verifying.verify(new SignedCheckpoint(CHECKPOINT, TestLogKeys.KEY_NAME, verifying.keyId(
                TestLogKeys.KEY_NAME), jdk.sign())));
    }

    @Test
    void signingIsDeterministic() {
        assertEquals(key.sign(CHECKPOINT), key.sign(CHECKPOINT));
    }

    @Test
    void refusesToSignACheckpointOfAnotherOrigin() {
        Checkpoint other = new Checkpoint("example.com/other-log", 8, CheckpointTest.ROOT, CheckpointTest.ISSUED);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> key.sign(other));

        assertEquals("the checkpoint's origin 'example.com/other-log' is not the sharing-log key's name "
                + "'throughgate/sharing-log'", e.getMessage());
    }

    @Test
    void loadRefusesAKeyThatDoesNotMatchTheCertificate() throws IOException {
        TestLogKeys.KeyFiles other = TestLogKeys.write(folder, "mismatch");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogSigningKey.load(files.privateKey(), other.certificate(), TestLogKeys.KEY_NAME));

        assertEquals(files.privateKey() + " does not match the certificate CN=Test sharing-log signing, O=Throughgate"
                + " of " + other.certificate(), e.getMessage());
    }

    @Test
    void loadRefusesAnEcKey() {
        Path ecKey = Path.of("certs-dev/hub/signing.key");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogSigningKey.load(ecKey, files.certificate(), TestLogKeys.KEY_NAME));

        assertEquals(ecKey + ": the private key is not an Ed25519 key: its algorithm is EC (1.2.840.10045.2.1)",
                e.getMessage());
    }

    @Test
    void loadRefusesAnEcCertificate() {
        Path ecCertificate = Path.of("certs-dev/hub/signing.crt");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogSigningKey.load(files.privateKey(), ecCertificate, TestLogKeys.KEY_NAME));

        assertTrue(e.getMessage().startsWith(ecCertificate + ": the certificate CN=Throughgate hub delivery signing,"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("cannot certify a sharing-log key: the public key is not an Ed25519 key: "
                + "its algorithm is EC (1.2.840.10045.2.1)"), e.getMessage());
    }

    @Test
    void loadRefusesACertificateThatDoesNotAllowSigning() throws IOException {
        KeyPair keys = TestLogKeys.generate();
        Path keyFile = folder.resolve("encipher.key");
        Path certificateFile = folder.resolve("encipher.crt");
        Pem.writePrivateKey(keyFile, keys.getPrivate());
        Pem.writeCertificates(certificateFile, List.of(TestLogKeys.selfSigned(keys, KeyUsage.keyEncipherment)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogSigningKey.load(keyFile, certificateFile, TestLogKeys.KEY_NAME));

        assertEquals(certificateFile + ": the certificate CN=Test sharing-log signing, O=Throughgate does not allow "
                + "signing: its keyUsage lacks digitalSignature", e.getMessage());
    }

    @Test
    void loadRefusesAMissingFileNamingIt() {
        Path missing = folder.resolve("missing.key");

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> LogSigningKey.load(missing, files.certificate(), TestLogKeys.KEY_NAME));

        assertEquals("the sharing-log signing key " + missing.toAbsolutePath() + " cannot be read", e.getMessage());
    }

    @Test
    void loadRefusesAKeyNameWithASpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogSigningKey.load(files.privateKey(), files.certificate(), "sharing log"));

        assertEquals("keyName 'sharing log' must contain no space, plus sign or control character (C2SP signed-note),"
                + " found U+0020", e.getMessage());
    }

    private static SignedCheckpoint withCheckpoint(Checkpoint changed) {
        SignedCheckpoint signed = key.sign(CHECKPOINT);
        return new SignedCheckpoint(changed, signed.keyName(), signed.keyId(), signed.signature());
    }
}
