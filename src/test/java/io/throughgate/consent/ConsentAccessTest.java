package io.throughgate.consent;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestConsents;
import io.throughgate.testing.TestIdentifiers;

/**
 * A child's consent decisions are seen and changed only by those they concern (docs/decisions/0012): the agency
 * that recorded a decision, the agencies its scope names, their DPOs and the partnership's DPO; only the recording
 * agency, its DPO and the partnership's DPO withdraw it; every history look-up is audited.
 */
@QuarkusTest
class ConsentAccessTest {

    /** As Feltham's health team: the child refuses to share health information with health bodies. */
    private static String felthamRecordsARefusal(String nhsNumber) {
        return TestConsents.refuseHealthSharing(nhsNumber, "FELTHAM-HC/CONSENT/2026/0733");
    }

    private static Response history(RequestSpecification caller, String nhsNumber) {
        return caller.contentType(ContentType.JSON).body(Map.of("subject", Map.of("nhsNumber", nhsNumber)))
                .when().post("/v1/consents/history");
    }

    private static Response withdraw(RequestSpecification caller, String decision) {
        return caller.contentType(ContentType.JSON).body("{\"evidenceReference\": \"CASE-NOTE-2026-0999\"}")
                .when().post("/v1/consents/" + decision + "/withdrawal");
    }

    @Test
    void anotherBoroughCannotReadTheChildsHistoryOrTheDecision() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = felthamRecordsARefusal(nhsNumber);

        history(TestClients.as("yot-camden"), nhsNumber).then().statusCode(200).body("$", empty());
        TestClients.as("yot-camden").when().get("/v1/consents/" + decision).then().statusCode(404)
                .body("code", equalTo("consent-not-found"));
        TestClients.asDpo("yot-camden").when().get("/v1/consents").then().statusCode(200)
                .body("id", not(hasItem(decision)));
    }

    @Test
    void anotherBoroughCannotWithdrawTheDecisionAndItStillStands() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = felthamRecordsARefusal(nhsNumber);

        withdraw(TestClients.as("yot-camden"), decision).then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("consent-not-yours"))
                .body("detail", equalTo("Only the agency that recorded this decision, its data protection officer or "
                        + "the partnership's data protection officer may withdraw it."));
        withdraw(TestClients.asDpo("yot-camden"), decision).then().statusCode(403)
                .body("code", equalTo("consent-not-yours"));
        TestClients.as("yoi-feltham").when().get("/v1/consents/" + decision).then().statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void anAgencyTheScopeNamesReadsTheDecisionButCannotWithdrawIt() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = felthamRecordsARefusal(nhsNumber);
        RequestSpecification icb = TestClients.as("health-icb-north-central-london");

        assertEquals(List.of(decision), history(icb, nhsNumber).then().statusCode(200).extract().path("id"));
        TestClients.as("health-icb-north-central-london").when().get("/v1/consents/" + decision).then()
                .statusCode(200);
        withdraw(TestClients.as("health-icb-north-central-london"), decision).then().statusCode(403)
                .body("code", equalTo("consent-not-yours"));
    }

    @Test
    void theRecordingAgencysDpoWithdrawsTheDecision() {
        String decision = felthamRecordsARefusal(TestIdentifiers.nhsNumber());
        TestClients.asDpo("yoi-feltham").when().get("/v1/consents").then().statusCode(200)
                .body("id", hasItem(decision));
        withdraw(TestClients.asDpo("yoi-feltham"), decision).then().statusCode(200)
                .body("status", equalTo("withdrawn"));
    }

    @Test
    void thePartnershipDpoReadsAndWithdrawsAnyDecision() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = felthamRecordsARefusal(nhsNumber);
        RequestSpecification partnership = TestClients.asDpo("partnership-london-resettlement");

        assertEquals(List.of(decision), history(partnership, nhsNumber).then().statusCode(200).extract()
                .path("id"));
        withdraw(TestClients.asDpo("partnership-london-resettlement"), decision).then().statusCode(200)
                .body("status", equalTo("withdrawn"));
    }

    @Test
    void everyHistoryLookUpIsInTheAuditUnderTheCallersAgencyWithoutTheIdentifier() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        felthamRecordsARefusal(nhsNumber);
        history(TestClients.as("yot-camden"), nhsNumber).then().statusCode(200);

        List<Map<String, Object>> audit = wholeAudit("yot-camden");
        Map<String, Object> lookUp = audit.stream().filter(query -> "consent-history".equals(query.get("action")))
                .reduce((earlier, later) -> later).orElseThrow();
        assertEquals("yot-camden", lookUp.get("agency"));
        assertEquals(0, lookUp.get("results"));
        assertFalse(((List<?>) lookUp.get("subjectPseudonyms")).isEmpty());
        assertFalse(audit.toString().contains(nhsNumber), "the audit holds pseudonyms, never the identifier");
        assertTrue(wholeAudit("yoi-feltham").stream().noneMatch(query -> "yot-camden".equals(query.get("agency"))),
                "a borough's DPO sees its own agency's look-ups only");
    }

    /** Every recorded query a DPO may read, page by page, up to the read itself. */
    private static List<Map<String, Object>> wholeAudit(String agency) {
        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Map<String, Object>> page = TestClients.asDpo(agency).when()
                    .get("/v1/sharing-log/audit?limit=1000&after=" + after).then().statusCode(200).extract()
                    .path("$");
            all.addAll(page);
            // Each read of the audit is itself recorded in it, so the last page is the one that is not full.
            if (page.size() < 1000) {
                return all;
            }
            after = ((Number) page.get(page.size() - 1).get("position")).longValue();
        }
    }

    @Test
    void aDecisionRecordedWithAnIdentifierTypedWithSpacesIsFoundByTheCanonicalOne() {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String typed = " " + nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " "
                + nhsNumber.substring(6) + " ";
        String decision = felthamRecordsARefusal(typed);
        assertEquals(List.of(decision), history(TestClients.as("yoi-feltham"), nhsNumber).then().statusCode(200)
                .extract().path("id"));
    }
}
