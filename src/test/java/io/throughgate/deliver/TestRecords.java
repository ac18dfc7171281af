package io.throughgate.deliver;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.throughgate.testing.TestClients;

/** Realistic records for the exchange tests. */
public final class TestRecords {

    private TestRecords() {
    }

    /** A health summary from HMYOI Feltham's health team about a 17-year-old, for a community health service. */
    public static String healthSummary(String recordId, String nhsNumber, String receivingHealthService,
            String clinicalSummary) {
        return """
                {"recordId": "%s", "type": "health-summary", "schemaVersion": 1, "sender": "yoi-feltham",
                 "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nhsNumber": "%s", "name": {"given": "Ade", "family": "Example"},
                   "dateOfBirth": "%s"},
                 "body": {"responsibleYot": "yot-camden", "establishment": "yoi-feltham",
                   "receivingHealthService": "%s", "gpRegistered": true,
                   "clinician": {"name": "Healthcare lead", "role": "Nurse", "agency": "yoi-feltham"},
                   "selfHarmRisk": {"level": "low", "notes": "No incidents in custody."},
                   "clinicalSummary": "%s"}}
                """.formatted(recordId, nhsNumber, LocalDate.now().minusYears(17), receivingHealthService,
                clinicalSummary);
    }

    /**
     * A release notification about a child released from custody to a supervising YOT, with a marker in the
     * family name and ethnicity so tests can look for them.
     */
    public static String release(String recordId, String marker, String sender, String supervisingYot,
            String nhsNumber) {
        return """
                {"recordId": "%s", "type": "release-notification", "schemaVersion": 1, "sender": "%s",
                 "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nhsNumber": "%s", "nomisNumber": "A1234BC",
                   "name": {"given": "Jordan", "family": "Marker%s"}, "dateOfBirth": "2009-05-02",
                   "ethnicity": "Ethnicity%s", "lookedAfter": false},
                 "body": {"establishment": "yoi-feltham", "supervisingYot": "%s", "releaseDate": "2026-12-04",
                   "releaseType": "dto-midpoint",
                   "releaseAddress": {"lines": ["Flat 2, Agar Grove"], "town": "London", "postcode": "NW1 9UG"},
                   "addressConfirmedOn": "2026-11-19",
                   "gateCollection": {"name": "Sam Marker", "relationship": "mother", "phone": "07700 900123"}}}
                """.formatted(recordId, sender, nhsNumber, marker, marker, supervisingYot);
    }

    /**
     * Pushes a health summary from HMYOI Feltham's health team about the child to a community health service and
     * answers the fields its receipt says were withheld from that service, each with its reason.
     */
    public static List<Map<String, String>> healthSummaryWithheldFrom(String healthService, String nhsNumber) {
        String recordId = UUID.randomUUID().toString();
        return TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body(healthSummary(recordId, nhsNumber, healthService, "Follow-up with community CAMHS."))
                .when().post("/v1/records").then().statusCode(202)
                .extract().path("deliveries.find { it.recipient == '" + healthService + "' }.withheld");
    }
}
