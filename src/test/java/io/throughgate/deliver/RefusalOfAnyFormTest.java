package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.testing.TestClients;
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
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body("""
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "%s"},
                 "purpose": "health-information-sharing", "scope": {"recipientKinds": ["health"]},
                 "decision": "deny", "validFrom": "%s", "decidedBy": {"role": "child"},
                 "evidenceReference": "FELTHAM-HC/CONSENT/2026/0202"}
                """.formatted(typed, LocalDate.now().minusYears(17), LocalDate.now()))
                .when().post("/v1/consents").then().statusCode(201);

        String recordId = UUID.randomUUID().toString();
        List<Map<String, String>> withheldFromIcb = TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body(TestRecords.healthSummary(recordId, nhsNumber, ICB, "Follow-up with community CAMHS."))
                .when().post("/v1/records").then().statusCode(202)
                .extract().path("deliveries.find { it.recipient == '" + ICB + "' }.withheld");
        assertTrue(withheldFromIcb.contains(Map.of("field", "/body/clinicalSummary", "reason",
                "consent for health-information-sharing refused")), withheldFromIcb.toString());
    }
}
