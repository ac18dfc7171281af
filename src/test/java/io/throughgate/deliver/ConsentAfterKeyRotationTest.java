package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.consent.Provision;
import io.throughgate.directory.AgencyKind;
import io.throughgate.pseudonym.PseudonymKeyStore;
import io.throughgate.pseudonym.Pseudonyms;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestConsents;
import io.throughgate.testing.TestIdentifiers;

/**
 * A decision recorded before {@code pseudonym-keys rotate} still applies after it: the hub runs with keys k1 and k2,
 * k2 active; a refusal stored under k1 (as it was before the rotation) still withholds clinical detail, although a
 * permission was recorded under k2 since.
 */
@QuarkusTest
@TestProfile(ConsentAfterKeyRotationTest.RotatedKeys.class)
class ConsentAfterKeyRotationTest {

    private static final Path STORE = Path.of("target/rotated-keys/pseudonym-keys.p12");
    private static final char[] PASSWORD = "throughgate-dev".toCharArray();
    private static final String ICB = "health-icb-north-central-london";

    /** A key store with k1, then rotated to k2. */
    public static final class RotatedKeys implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(STORE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PseudonymKeyStore.rotate(STORE, PASSWORD);
            PseudonymKeyStore.rotate(STORE, PASSWORD);
            return Map.of("throughgate.pseudonym.keystore", STORE.toString(),
                    "throughgate.pseudonym.keystore-password", new String(PASSWORD));
        }
    }

    @Inject
    ConsentRegistry registry;

    @Test
    void aRefusalRecordedUnderTheEarlierKeyStillWithholdsTheField() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        SubjectPseudonyms beforeRotation = new SubjectPseudonyms(new Pseudonyms(PseudonymKeyStore.load(STORE,
                PASSWORD, Optional.of("k1"))));
        List<String> underK1 = beforeRotation.of(new ObjectMapper().createObjectNode().put("nhsNumber", nhsNumber));
        assertTrue(underK1.get(0).startsWith("k1."));
        UUID refusal = UUID.randomUUID();
        registry.record(new ConsentDecision(refusal, underK1, "health-information-sharing", new ConsentScope(Set.of(),
                Set.of(AgencyKind.HEALTH), Set.of()), Provision.DENY, LocalDate.now().minusDays(1), Optional.empty(),
                new Decider(DeciderRole.CHILD, Optional.empty(), Optional.empty()), "yoi-feltham",
                "FELTHAM-HC/CONSENT/2026/0301",
                Instant.now(), Optional.empty()));
        String permission = TestConsents.permitHealthSharing(nhsNumber, "FELTHAM-HC/CONSENT/2026/0302");
        assertEquals("k2.", TestClients.as("yoi-feltham").when().get("/v1/consents/" + permission).then()
                .statusCode(200).extract().<String>path("subjectPseudonym").substring(0, 3));

        List<Map<String, String>> withheld = TestRecords.healthSummaryWithheldFrom(ICB, nhsNumber);
        assertTrue(withheld.contains(Map.of("field", "/body/clinicalSummary", "reason",
                "consent for health-information-sharing refused")), withheld.toString());
    }
}
