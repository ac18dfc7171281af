package io.throughgate.consent;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.database.HubDatabase;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.testing.DatabaseCells;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/** Consent decisions and withdrawals, through the API, the shared Kafka topic and a second hub replica. */
@QuarkusTest
class ConsentRegistryTest {

    private static final String NHS_NUMBER = "9995260182";
    private static final String NOMIS_NUMBER = "A1234BC";

    @Inject
    ConsentRegistry registry;

    @Inject
    SubjectPseudonyms pseudonyms;

    @Inject
    AgencyDirectory directory;

    @Inject
    KafkaConnection kafka;

    @Inject
    HubDatabase database;

    private static String request(String nhsNumber, String dateOfBirth) {
        return """
                {"subject": {"nhsNumber": "%s", "nomisNumber": "%s", "dateOfBirth": "%s", "lookedAfter": false},
                 "purpose": "health-information-sharing",
                 "scope": {"recipientKinds": ["health"], "recordTypes": ["health-summary"]},
                 "decision": "permit",
                 "validFrom": "%s",
                 "decidedBy": {"role": "child"},
                 "evidenceReference": "FELTHAM-HC/CONSENT/2026/0412"}
                """.formatted(nhsNumber, NOMIS_NUMBER, dateOfBirth, LocalDate.now().minusDays(1));
    }

    private static String seventeenYearsAgo() {
        return LocalDate.now().minusYears(17).toString();
    }

    private List<String> subject(String nhsNumber) throws Exception {
        JsonNode subject = new ObjectMapper().readTree("{\"nhsNumber\": \"" + nhsNumber + "\"}");
        return pseudonyms.of(subject);
    }

    private boolean permitted(ConsentCheck check) throws Exception {
        return permitted(check, NHS_NUMBER);
    }

    private boolean permitted(ConsentCheck check, String nhsNumber) throws Exception {
        Agency icb = directory.find("health-icb-north-central-london").orElseThrow();
        return check.answer(subject(nhsNumber), "health-information-sharing", icb, "health-summary", LocalDate
                .now()).permitted();
    }

    @Test
    void withdrawalAppliesToTheVeryNextCheckAlsoOnASecondReplica() throws Exception {
        String id = TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(request(NHS_NUMBER,
                seventeenYearsAgo()))
                .when().post("/v1/consents")
                .then().statusCode(201)
                .body("status", equalTo("active"))
                .body("recordedBy", equalTo("yoi-feltham"))
                .extract().path("id");

        ConsentView secondView = new ConsentView();
        try (ConsentFollower secondFollower = new ConsentFollower(kafka.clientProperties(), secondView, event -> {
        }); ConsentCatchUp secondCatchUp = new ConsentCatchUp(kafka.clientProperties(), secondFollower)) {
            secondCatchUp.await(Duration.ofSeconds(10));
            assertTrue(permitted(registry.currentCheck()));
            assertTrue(permitted(new ConsentCheck(secondView)));

            TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                    .body("{\"evidenceReference\": \"FELTHAM-HC/CONSENT/2026/0519\"}")
                    .when().post("/v1/consents/" + id + "/withdrawal")
                    .then().statusCode(200)
                    .body("status", equalTo("withdrawn"))
                    .body("withdrawal.withdrawnBy", equalTo("yoi-feltham"));

            assertFalse(permitted(registry.currentCheck()), "this replica");
            secondCatchUp.await(Duration.ofSeconds(10));
            assertFalse(permitted(new ConsentCheck(secondView)), "the second replica");
        }
        assertEquals("withdrawn", registry.find(UUID.fromString(id)).flatMap(ConsentDecision::withdrawal)
                .map(w -> "withdrawn").orElse("active"));
    }

    @Test
    void aRoundThatBeganAfterACallerArrivedServesItAndALaterCallerGetsItsOwn() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String id = TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(request(nhsNumber,
                seventeenYearsAgo()))
                .when().post("/v1/consents")
                .then().statusCode(201)
                .extract().path("id");
        ConsentView secondView = new ConsentView();
        try (ConsentFollower secondFollower = new ConsentFollower(kafka.clientProperties(), secondView, event -> {
        }); ConsentCatchUp secondCatchUp = new ConsentCatchUp(kafka.clientProperties(), secondFollower)) {
            // A batch arrives; its first record's round brings the view up to then.
            long batchArrived = System.nanoTime();
            secondCatchUp.await(batchArrived, Duration.ofSeconds(10));
            long rounds = secondCatchUp.rounds();
            assertTrue(permitted(new ConsentCheck(secondView), nhsNumber));

            TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                    .body("{\"evidenceReference\": \"FELTHAM-HC/CONSENT/2026/0520\"}")
                    .when().post("/v1/consents/" + id + "/withdrawal")
                    .then().statusCode(200);

            // The batch's later records arrived before the withdrawal: the round already done serves them.
            secondCatchUp.await(batchArrived, Duration.ofSeconds(10));
            assertEquals(rounds, secondCatchUp.rounds(), "no second round for the same batch");

            // A record arriving after the withdrawal was acknowledged gets a round of its own, and sees it.
            secondCatchUp.await(System.nanoTime(), Duration.ofSeconds(10));
            assertEquals(rounds + 1, secondCatchUp.rounds());
            assertFalse(permitted(new ConsentCheck(secondView), nhsNumber), "the withdrawal applies to the later "
                    + "record");
        }
    }

    @Test
    void answersNoWithoutAnyDecision() throws Exception {
        Agency icb = directory.find("health-icb-south-east-london").orElseThrow();
        JsonNode stranger = new ObjectMapper().readTree("{\"nhsNumber\": \"9991590838\"}");
        ConsentAnswer answer = registry.currentCheck().answer(pseudonyms.of(stranger), "health-information-sharing",
                icb, "health-summary", LocalDate.now());
        assertFalse(answer.permitted());
        assertEquals("no consent for health-information-sharing covers health-icb-south-east-london",
                answer.reason());
    }

    @Test
    void listsAChildsHistoryByAnyOfItsIdentifiers() {
        TestClients.as("yot-camden").contentType(ContentType.JSON).body(request("9990166137", seventeenYearsAgo()))
                .when().post("/v1/consents").then().statusCode(201);
        TestClients.as("yot-camden").contentType(ContentType.JSON)
                .body("{\"subject\": {\"nhsNumber\": \"9990166137\"}}")
                .when().post("/v1/consents/history")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].purpose", equalTo("health-information-sharing"))
                .body("[0].subjectPseudonym", notNullValue());
    }

    @Test
    void refusesAnInvalidRequestListingEveryViolation() {
        TestClients.as("yot-camden").contentType(ContentType.JSON)
                .body("{\"subject\": {\"nhsNumber\": \"9995260183\"}, \"purpose\": \"direct-care-resettlement\","
                        + " \"decision\": \"maybe\", \"colour\": \"blue\"}")
                .when().post("/v1/consents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-request"))
                .body("violations.pointer", org.hamcrest.Matchers.hasItems("/colour", "/subject/nhsNumber",
                        "/subject/dateOfBirth", "/purpose", "/decision", "/validFrom", "/decidedBy",
                        "/evidenceReference"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("9995260183")));
    }

    @Test
    void refusesAnAgencyKindThatMayNotRecordConsent() {
        TestClients.as("eval-mopac").contentType(ContentType.JSON).body(request(NHS_NUMBER, seventeenYearsAgo()))
                .when().post("/v1/consents")
                .then().statusCode(403)
                .body("code", equalTo("consent-recording-not-allowed"));
    }

    @Test
    void refusesADecisionThatBreaksTheWhoMayConsentRules() {
        String parentFor17 = request(NHS_NUMBER, seventeenYearsAgo()).replace("\"role\": \"child\"",
                "\"role\": \"parental-responsibility\", \"description\": \"mother\"");
        TestClients.as("yot-camden").contentType(ContentType.JSON).body(parentFor17)
                .when().post("/v1/consents")
                .then().statusCode(422)
                .body("code", equalTo("consent-not-allowed"))
                .body("violations[0].pointer", equalTo("/decidedBy/role"));
    }

    @Test
    void aDpoListsTheDecisionsTheirAgencyRecorded() {
        TestClients.as("yot-hackney").contentType(ContentType.JSON).body(request("9993909963", seventeenYearsAgo()))
                .when().post("/v1/consents").then().statusCode(201);
        TestClients.asDpo("yot-hackney").when().get("/v1/consents")
                .then().statusCode(200)
                .body("recordedBy", org.hamcrest.Matchers.everyItem(equalTo("yot-hackney")))
                .body("$", hasSize(1));
        TestClients.as("yot-hackney").when().get("/v1/consents")
                .then().statusCode(403).body("code", equalTo("dpo-only"));
    }

    @Test
    void theDatabaseHoldsNoRawIdentifier() throws Exception {
        TestClients.as("yot-camden").contentType(ContentType.JSON).body(request("9998219930", seventeenYearsAgo()))
                .when().post("/v1/consents").then().statusCode(201);
        List<String> identifiers = List.of(NHS_NUMBER, "9990166137", "9998219930", "9993909963", NOMIS_NUMBER);
        for (String cell : everyTextCell()) {
            for (String identifier : identifiers) {
                assertFalse(cell.contains(identifier), "a table holds a raw identifier");
            }
        }
    }

    private List<String> everyTextCell() throws SQLException {
        assertTrue(DatabaseCells.tables(database.dataSource()).stream().anyMatch(table -> table.toLowerCase()
                .endsWith("consent_subject")));
        return DatabaseCells.everyTextCell(database.dataSource());
    }
}
