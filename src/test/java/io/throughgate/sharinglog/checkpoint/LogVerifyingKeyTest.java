package io.throughgate.sharinglog.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogVerifyingKeyTest {

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
    void readsTheKeyFromItsCertificatePem() throws IOException {
        LogVerifyingKey fromCertificate = LogVerifyingKey.fromPem(Files.readString(files.certificate()));

        assertArrayEquals(key.verifyingKey().publicKey(), fromCertificate.publicKey());
    }

    @Test
    void readsTheKeyFromThePublicKeyPemItWrites() {
        String pem = key.verifyingKey().publicKeyPem();

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"), pem);
        assertArrayEquals(key.verifyingKey().publicKey(), LogVerifyingKey.fromPem(pem).publicKey());
    }

    @Test
    void publicKeyPemIsTheSubjectPublicKeyInfoOfTheCertificate() {
        String pem = key.verifyingKey().publicKeyPem();
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replace("\n", "");

        assertEquals(Base64.getEncoder().encodeToString(key.certificate().getPublicKey().getEncoded()),
                base64);
    }

    @Test
    void refusesAnEcCertificate() throws IOException {
        String pem = Files.readString(Path.of("certs-dev/hub/signing.crt"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogVerifyingKey.fromPem(pem));

        assertEquals("the public key is not an Ed25519 key: its algorithm is EC (1.2.840.10045.2.1)", e.getMessage());
    }

    @Test
    void refusesTextWithoutKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogVerifyingKey.fromPem("hello"));

        assertEquals("no CERTIFICATE or PUBLIC KEY block found", e.getMessage());
    }

    @Test
    void noteVerifierKeyNamesTheKeyIdAndTheTypedKey() {
        String text = key.verifyingKey().noteVerifierKey("throughgate/sharing-log");
        String[] parts = text.split("\\+", 3);

        assertEquals("throughgate/sharing-log", parts[0]);
        assertEquals(HexFormat.of().formatHex(key.verifyingKey().keyId("throughgate/sharing-log")),
                parts[1]);
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        assertEquals(33, typed.length);
        assertEquals(1, typed[0]);
    }
}
