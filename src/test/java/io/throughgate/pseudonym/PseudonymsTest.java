package io.throughgate.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Pseudonyms after = keys("k2");
        SubjectPseudonyms rotated = new SubjectPseudonyms(after);
        assertEquals("k2", after.keyring().activeKeyId());
        assertTrue(rotated.of(child).get(0).startsWith("k2."));
        assertTrue(rotated.lookup(child).containsAll(stored));
    }

    @Test
    void refusesAnActiveKeyThatIsNotInTheStore() {
        keys("k1");
        assertThrows(IllegalStateException.class, () -> PseudonymKeyStore.load(folder.resolve("keys.p12"), PASSWORD,
                Optional.of("k9")));
    }
}
