package io.throughgate.testing;

import java.time.LocalDate;

import io.restassured.http.ContentType;

/** Consent decisions recorded for test children. */
public final class TestConsents {

    private TestConsents() {
    }

    /**
     * Records, as HMYOI Feltham's health team, a 17-year-old's permission to share health information with health
     * bodies from today.
     *
     * @return the decision's id
     */
    public static String permitHealthSharing(String nhsNumber, String evidenceReference) {
        return decideHealthSharing(nhsNumber, "permit", evidenceReference);
    }

    /**
     * Records, as HMYOI Feltham's health team, a 17-year-old's refusal to share health information with health
     * bodies from today.
     *
     * @param nhsNumber the NHS number as the health team typed it (spaces and all)
     * @return the decision's id
     */
    public static String refuseHealthSharing(String nhsNumber, String evidenceReference) {
        return decideHealthSharing(nhsNumber, "deny", evidenceReference);
    }

    private static String decideHealthSharing(String nhsNumber, String decision, String evidenceReference) {
        String consent = """
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "%s"},
                 "purpose": "health-information-sharing", "scope": {"recipientKinds": ["health"]},
                 "decision": "%s", "validFrom": "%s", "decidedBy": {"role": "child"},
                 "evidenceReference": "%s"}
                """.formatted(nhsNumber, LocalDate.now().minusYears(17), decision, LocalDate.now(), evidenceReference);
        return TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(consent).when().post("/v1/consents")
                .then().statusCode(201).extract().path("id");
    }
}
