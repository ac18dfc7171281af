package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.testing.TestConsents;
import io.throughgate.testing.TestIdentifiers;

/**
 * A refusal applies however the child's identifier was typed when it was recorded: identifiers are compared in
 * their canonical form (docs/decisions/0012), so a refusal recorded as {@code  999 526 0182 } withholds clinical
 * detail from a record carrying {@code 9995260182}, although a permission was recorded with the plain number.
 */
@QuarkusTest
class RefusalOfAnyFormTest {

    private static final String ICB = "health-icb-north-central-london";

    @Test
    void aRefusalRecordedWithSpacesInTheNhsNumberWithholdsTheFieldFromARecordWithout() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        TestConsents.permitHealthSharing(nhsNumber, "FELTHAM-HC/CONSENT/2026/0201");
        String typed = " " + nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " "
                + nhsNumber.substring(6) + " ";
        TestConsents.refuseHealthSharing(typed, "FELTHAM-HC/CONSENT/2026/0202");

        List<Map<String, String>> withheldFromIcb = TestRecords.healthSummaryWithheldFrom(ICB, nhsNumber);
        assertTrue(withheldFromIcb.contains(Map.of("field", "/body/clinicalSummary", "reason",
                "consent for health-information-sharing refused")), withheldFromIcb.toString());
    }
}
