package io.throughgate.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PseudonymsTest {

    private static final char[] PASSWORD = "test".toCharArray();

    @TempDir
    Path folder;

    private Pseudonyms keys(String... keyIds) {
        Path store = folder.resolve("keys.p12");
        for (String keyId : keyIds) {
            PseudonymKeyStore.addKey(store, PASSWORD, keyId);
        }
        return new Pseudonyms(PseudonymKeyStore.load(store, PASSWORD, Optional.empty()));
    }

    private static JsonNode subject(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void theSameIdentifierGivesTheSamePseudonymInADomain() {
        Pseudonyms pseudonyms = keys("k1");
        assertEquals(pseudonyms.of("subject", "nhs-number", "9995260182"), pseudonyms.of("subject", "nhs-number",
                "9995260182"));
        assertTrue(pseudonyms.of("subject", "nhs-number", "9995260182").matches("k1\\.[A-Za-z0-9_-]{43}"));
    }

    @Test
    void domainsCannotBeLinked() {
        Pseudonyms pseudonyms = keys("k1");
        assertNotEquals(pseudonyms.of("agreement:london-resettlement-direct-care:1", "nhs-number", "9995260182"),
                pseudonyms.of("agreement:london-resettlement-evaluation:1", "nhs-number", "9995260182"));
        assertNotEquals(pseudonyms.of("subject", "nhs-number", "9995260182"), pseudonyms.of("subject", "upn",
                "9995260182"));
    }

    @Test
    void bothFormsOfAPncIdNameTheSameChild() throws Exception {
        SubjectPseudonyms subjects = new SubjectPseudonyms(keys("k1"));
        assertEquals(subjects.of(subject("{\"pncId\": \"2022/0456789U\"}")), subjects.of(subject(
                "{\"pncId\": \"22/0456789U\"}")));
    }

    @Test
    void afterARotationNewPseudonymsUseTheNewKeyAndOldOnesAreStillFound() throws Exception {
        Pseudonyms before = keys("k1");
        JsonNode child = subject("{\"nhsNumber\": \"9995260182\", \"nomisNumber\": \"A1234BC\"}");
        List<String> stored = new SubjectPseudonyms(before).of(child);
        PseudonymKeyStore.rotate(folder.resolve("keys.p12"), PASSWORD);
        Pseudonyms after = new Pseudonyms(PseudonymKeyStore.load(folder.resolve("keys.p12"), PASSWORD,
                Optional.empty()));
        SubjectPseudonyms rotated = new SubjectPseudonyms(after);
        assertEquals("k2", after.keyring().activeKeyId());
        assertTrue(rotated.of(child).get(0).startsWith("k2."));
        assertTrue(rotated.lookup(child).containsAll(stored));
    }

    @Test
    void refusesAStoreOfSeveralKeysThatMarksNoneActive() throws Exception {
        Path store = folder.resolve("unmarked.p12");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, PASSWORD);
        for (String keyId : List.of("k9", "k10")) {
            keys.setEntry(keyId, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "HmacSHA256")),
                    new KeyStore.PasswordProtection(PASSWORD));
        }
        try (OutputStream out = Files.newOutputStream(store)) {
            keys.store(out, PASSWORD);
        }
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> PseudonymKeyStore.load(store,
                PASSWORD, Optional.empty()));
        assertTrue(error.getMessage().contains("marks no key as active among [k10, k9]"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "spaces | ' 999 526 0182 '",
            "no-break spaces | '999\u00a0526\u00a00182'",
            "full-width digits | '\uff19\uff19\uff19\uff15\uff12\uff16\uff10\uff11\uff18\uff12'",
            "tab and zero-width space | '999\t526\u200b0182'"})
    void oneChildHasOnePseudonymHoweverTheNhsNumberWasTyped(String variant, String typed) throws Exception {
        SubjectPseudonyms subjects = new SubjectPseudonyms(keys("k1"));
        assertEquals(subjects.of(subject("{\"nhsNumber\": \"9995260182\"}")),
                subjects.of(new ObjectMapper().createObjectNode().put("nhsNumber", typed)), variant);
    }

    @Test
    void refusesAnActiveKeyThatIsNotInTheStore() {
        keys("k1");
        assertThrows(IllegalStateException.class, () -> PseudonymKeyStore.load(folder.resolve("keys.p12"), PASSWORD,
                Optional.of("k9")));
    }
}
