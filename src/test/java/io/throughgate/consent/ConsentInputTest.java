package io.throughgate.consent;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A consent decision with an implausible date or a control character in its text is refused with 400 naming the
 * field, and nothing is recorded; the hub never answers 500 for it.
 */
@QuarkusTest
class ConsentInputTest {

    private static String decision(String dateOfBirth, String evidenceReference) {
        return """
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "%s"},
                 "purpose": "health-information-sharing", "scope": {"recipientKinds": ["health"]},
                 "decision": "permit", "validFrom": "%s", "decidedBy": {"role": "child"},
                 "evidenceReference": "%s"}
                """.formatted(TestIdentifiers.nhsNumber(), dateOfBirth, LocalDate.now(), evidenceReference);
    }

    @Test
    void refusesADateOfBirthInTheFutureNamingTheField() {
        TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body(decision(LocalDate.now().plusYears(2).toString(), "FELTHAM-HC/CONSENT/2026/0901"))
                .when().post("/v1/consents").then().statusCode(400)
                .body("code", equalTo("invalid-request"))
                .body("violations.pointer", hasItem("/subject/dateOfBirth"))
                .body("violations.reason", hasItem("must be a date from 1990-01-01 to today"));
    }

    @Test
    void refusesADateOfBirthBefore1990() {
        TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body(decision("1989-12-31", "FELTHAM-HC/CONSENT/2026/0902"))
                .when().post("/v1/consents").then().statusCode(400)
                .body("violations.pointer", hasItem("/subject/dateOfBirth"));
    }

    @Test
    void refusesAControlCharacterInTheEvidenceReference() {
        TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body(decision(LocalDate.now().minusYears(17).toString(), "FELTHAM-HC\\u0000/0903"))
                .when().post("/v1/consents").then().statusCode(400)
                .body("violations.pointer", hasItem("/evidenceReference"))
                .body("violations.reason", hasItem("must not contain control characters (U+0000 to U+001F)"));
    }
}
