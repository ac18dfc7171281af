package io.throughgate.dpo;

import static io.throughgate.dpo.SharingLogFixtures.ICB;
import static io.throughgate.dpo.SharingLogFixtures.PARTNERSHIP;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.database.HubDatabase;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.export.ExportVerifier;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestConsents;
import io.throughgate.testing.TestIdentifiers;

/** The subject access export holds everything shared about one child, across agencies, verifiably. */
@QuarkusTest
class SubjectAccessExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SharingLog log;

    @Inject
    HubDatabase database;

    @Test
    void theExportForAChildWithRecordsAcrossThreeAgenciesIsComplete() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = TestConsents.permitHealthSharing(nhsNumber, "FELTHAM-HC/CONSENT/2026/0300");
        SharingLogFixtures.pushRelease(nhsNumber, "yot-camden");
        SharingLogFixtures.pushHealthSummary(nhsNumber, "Under review by the mental health in-reach team.");
        SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-camden");

        JsonNode export = JSON.readTree(subjectAccess(PARTNERSHIP, nhsNumber, ContentType.JSON.toString()));

        Set<String> exported = new HashSet<>();
        export.get("entries").forEach(entry -> exported.add(entry.at("/entry/event/recordId").asText() + " to "
                + entry.at("/entry/event/recipient").asText()));
        assertEquals(storedEntriesAbout(export.at("/subjectAccess/subjectPseudonyms")), exported);
        Set<String> agencies = new HashSet<>();
        export.get("entries").forEach(entry -> agencies.add(entry.at("/entry/event/recipient").asText()));
        assertTrue(agencies.containsAll(Set.of("yot-camden", ICB, "health-nhse-health-justice")), agencies
                .toString());
        assertTrue(export.at("/subjectAccess/complete").asBoolean());
        assertEquals(decision, export.at("/subjectAccess/consentDecisions/0/id").asText());
        assertTrue(ExportVerifier.verify(export, SharingLogFixtures.publicKey()).verified());
        assertFalse(export.toString().contains(nhsNumber), "the export names the child only by pseudonyms");
        String proves = export.get("proves").asText();
        assertTrue(proves.startsWith("Each entry is included in the log's Merkle tree of " + export.at(
                "/checkpoint/treeSize").asLong() + " entries"), proves);
        assertTrue(proves.contains("complete only as far as that index is"), "it says what it does not prove");
    }

    @Test
    void theReportIsReadableHtmlNamingTheAgencies() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        SharingLogFixtures.pushRelease(nhsNumber, "yot-islington");
        String html = subjectAccess(PARTNERSHIP, nhsNumber, "text/html");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Islington"), "the agency's name, not only its code");
        assertTrue(html.contains("What they do not show: that nothing is missing."), "what the proofs cannot show");
        assertFalse(html.contains(nhsNumber));
    }

    @Test
    void aBoroughDpoGetsTheEntriesInvolvingTheirAgencyAndIsToldSo() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        SharingLogFixtures.pushRelease(nhsNumber, "yot-enfield");
        TestClients.asDpo("yot-enfield").contentType(ContentType.JSON).accept(ContentType.JSON).body(
                SharingLogFixtures.child(nhsNumber)).when().post("/v1/sharing-log/subject-access").then()
                .statusCode(200).body("subjectAccess.complete", equalTo(false))
                .body("entries.entry.event.recipient", org.hamcrest.Matchers.everyItem(equalTo("yot-enfield")));
    }

    @Test
    void answersJsonToAClientThatAcceptsAnything() {
        TestClients.asDpo(PARTNERSHIP).contentType(ContentType.JSON).accept("*/*").body(SharingLogFixtures.child(
                TestIdentifiers.nhsNumber())).when().post("/v1/sharing-log/subject-access").then().statusCode(200)
                .contentType(containsString("application/json")).body("format", equalTo(
                        "throughgate-sharing-log-export/1"));
    }

    @Test
    void refusesARequestThatDoesNotIdentifyTheChild() {
        TestClients.asDpo(PARTNERSHIP).contentType(ContentType.JSON).body("{\"subject\": {}}").when().post(
                "/v1/sharing-log/subject-access").then().statusCode(400).body("code", equalTo("invalid-request"))
                .body("violations[0].pointer", equalTo("/subject")).contentType(containsString("problem+json"));
    }

    private static String subjectAccess(String dpo, String nhsNumber, String accept) {
        return TestClients.asDpo(dpo).contentType(ContentType.JSON).accept(accept).body(SharingLogFixtures.child(
                nhsNumber)).when().post("/v1/sharing-log/subject-access").then().statusCode(200).extract().asString();
    }

    /** Every entry in the database about a child, read directly by its pseudonyms. */
    private Set<String> storedEntriesAbout(JsonNode pseudonyms) throws Exception {
        Set<String> stored = new HashSet<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT e.record_id, e.recipient "
                        + "FROM sharing_log_entry e JOIN sharing_log_subject s ON s.entry_index = e.entry_index "
                        + "WHERE s.pseudonym = ?")) {
            for (JsonNode pseudonym : pseudonyms) {
                statement.setString(1, pseudonym.asText());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1) + " to " + rows.getString(2));
                    }
                }
            }
        }
        assertTrue(stored.size() >= 5, "two records to several agencies: " + stored);
        return stored;
    }
}
