package io.throughgate.dpo;

import static io.throughgate.dpo.SharingLogFixtures.PARTNERSHIP;
import static io.throughgate.dpo.SharingLogFixtures.child;
import static io.throughgate.dpo.SharingLogFixtures.recordIds;
import static io.throughgate.dpo.SharingLogFixtures.search;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/** The DPO search of the sharing log: who may see what, the criteria, paging, CSV, and the audit of DPO queries. */
@QuarkusTest
class SharingLogSearchTest {

    @Inject
    SharingLog log;

    @Test
    void aCamdenDpoCannotSeeEntriesThatInvolveOnlyWestminster() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String recordId = SharingLogFixtures.pushRelease(nhsNumber, "yot-westminster");

        search(PARTNERSHIP, child(nhsNumber)).body("entries.event.recipient", hasItem("yot-westminster"));
        search("yot-westminster", child(nhsNumber)).body("entries.event.recordId", everyItem(equalTo(recordId)))
                .body("entries.event.recipient", hasItem("yot-westminster"));
        search("yot-camden", child(nhsNumber)).body("entries", empty());
        search("yot-camden", "{\"agency\": \"yot-westminster\"}").body("entries.event.recipient", not(hasItem(
                "yot-westminster")));
        long index = search("yot-westminster", child(nhsNumber)).extract().jsonPath().getLong("entries[0].index");
        TestClients.asDpo("yot-camden").when().get("/v1/sharing-log/entries/" + index).then().statusCode(404)
                .body("code", equalTo("entry-not-found"));
        TestClients.asDpo("yot-westminster").when().get("/v1/sharing-log/entries/" + index).then().statusCode(200)
                .body("index", equalTo((int) index)).body("checkpoint.note", containsString("throughgate"));
    }

    @Test
    void onlyDpoCertificatesReadTheSharingLog() {
        TestClients.as("yot-camden").contentType(ContentType.JSON).body("{}").when().post("/v1/sharing-log/search")
                .then().statusCode(403).body("code", equalTo("dpo-only"));
        TestClients.as("yot-camden").when().get("/v1/sharing-log/audit").then().statusCode(403);
    }

    @Test
    void findsAChildByAnyIdentifierAndFiltersByEveryCriterion() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String release = SharingLogFixtures.pushRelease(nhsNumber, "yot-lambeth");
        String health = SharingLogFixtures.pushHealthSummary(nhsNumber, "Reviewed by the custody nurse.");

        assertEquals(Set.of(release, health), Set.copyOf(recordIds(search(PARTNERSHIP, child(nhsNumber)))));
        String criteria = "{\"subject\": {\"nhsNumber\": \"%s\"}, %s}";
        assertEquals(Set.of(health), Set.copyOf(recordIds(search(PARTNERSHIP, criteria.formatted(nhsNumber,
                "\"recordType\": \"health-summary\"")))));
        assertEquals(Set.of(release), Set.copyOf(recordIds(search(PARTNERSHIP, criteria.formatted(nhsNumber,
                "\"agency\": \"yot-lambeth\"")))));
        assertEquals(Set.of(health), Set.copyOf(recordIds(search(PARTNERSHIP, criteria.formatted(nhsNumber,
                "\"agreement\": \"london-resettlement-health\"")))));
        search(PARTNERSHIP, criteria.formatted(nhsNumber, "\"from\": \"2999-01-01\"")).body("entries", empty());
        search(PARTNERSHIP, criteria.formatted(nhsNumber, "\"to\": \"2000-01-01\"")).body("entries", empty());
        search(PARTNERSHIP, criteria.formatted(nhsNumber, "\"outcome\": \"withheld\"")).body("entries.event"
                + ".outcome", everyItem(equalTo("withheld")));
    }

    @Test
    void pagesThroughEntriesWithoutLosingOrRepeatingOne() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        for (int i = 0; i < 3; i++) {
            SharingLogFixtures.pushRelease(nhsNumber, "yot-hackney");
        }
        List<Integer> all = search(PARTNERSHIP, child(nhsNumber)).extract().jsonPath().getList("entries.index");
        List<Integer> paged = new java.util.ArrayList<>();
        Object after = -1;
        do {
            var page = search(PARTNERSHIP, "{\"subject\": {\"nhsNumber\": \"" + nhsNumber + "\"}, \"limit\": 2, "
                    + "\"after\": " + after + "}").statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("entries.index"));
            after = page.get("next");
        } while (after != null);
        assertEquals(all, paged);
        assertTrue(all.size() >= 6, "three records, each to at least two recipients");
    }

    @Test
    void exportsCsvWithOneRowPerEntry() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String recordId = SharingLogFixtures.pushRelease(nhsNumber, "yot-brent");
        String csv = TestClients.asDpo("yot-brent").contentType(ContentType.JSON).accept("text/csv").body(child(
                nhsNumber)).when().post("/v1/sharing-log/search").then().statusCode(200).contentType(containsString(
                        "text/csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("index,indexedAt,receivedAt"), lines[0]);
        assertEquals(2, lines.length, "a header and the one entry Brent received");
        assertTrue(lines[1].contains(recordId) && lines[1].contains("yot-brent"));
        assertFalse(csv.contains(nhsNumber), "no identifier in the export");
    }

    @Test
    void rejectsInvalidCriteriaNamingEachField() {
        search(PARTNERSHIP, "{\"subject\": {\"nhsNumber\": \"1234567890\"}, \"agency\": \"yot-atlantis\", "
                + "\"outcome\": \"lost\", \"from\": \"yesterday\", \"limit\": 0, \"colour\": \"red\"}")
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("code", equalTo("invalid-request"))
                .body("violations.pointer", hasItem("/subject/nhsNumber"))
                .body("violations.pointer", hasItem("/agency"))
                .body("violations.pointer", hasItem("/outcome"))
                .body("violations.pointer", hasItem("/from"))
                .body("violations.pointer", hasItem("/limit"))
                .body("violations.pointer", hasItem("/colour"))
                .body("detail", not(containsString("1234567890")));
    }

    @Test
    void recordsEveryDpoQueryWithThePseudonymsNotTheIdentifiers() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        search("yot-barnet", child(nhsNumber)).statusCode(200);
        var barnet = TestClients.asDpo("yot-barnet").when().get("/v1/sharing-log/audit?limit=10000").then()
                .statusCode(200).extract().jsonPath();
        List<String> actions = barnet.getList("action");
        assertTrue(actions.contains("search"));
        assertTrue(barnet.getList("agency").stream().allMatch("yot-barnet"::equals), "Barnet sees its own queries");
        List<List<String>> looked = barnet.getList("subjectPseudonyms");
        assertTrue(looked.stream().anyMatch(pseudonyms -> !pseudonyms.isEmpty()), "the child, as pseudonyms");
        assertFalse(barnet.prettify().contains(nhsNumber), "never the identifier");
        TestClients.asDpo(PARTNERSHIP).when().get("/v1/sharing-log/audit?limit=10000").then().statusCode(200)
                .body("agency", hasItem("yot-barnet"));
        TestClients.asDpo("yot-camden").when().get("/v1/sharing-log/audit?limit=10000").then().statusCode(200)
                .body("agency", not(hasItem("yot-barnet")));
    }

    @Test
    void theLatestCheckpointAndPublicKeyAreForEveryAgency() throws Exception {
        SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-ealing");
        SharingLogFixtures.indexed(log);
        log.checkpoints().covering(1, java.time.Instant.now());
        TestClients.as("yot-ealing").accept(ContentType.JSON).when().get("/v1/sharing-log/checkpoints/latest").then()
                .statusCode(200).body("origin", equalTo(log.origin())).body("keyName", equalTo(log.origin()));
        TestClients.as("yot-ealing").accept(ContentType.TEXT).when().get("/v1/sharing-log/checkpoints/latest").then()
                .statusCode(200).body(containsString("\n\n\u2014 " + log.origin() + " "));
        TestClients.as("yot-ealing").accept("application/x-pem-file").when().get("/v1/sharing-log/public-key").then()
                .statusCode(200).body(containsString("-----BEGIN PUBLIC KEY-----"));
        TestClients.as("yot-ealing").accept(ContentType.JSON).when().get("/v1/sharing-log/public-key").then()
                .statusCode(200).body("noteVerifierKey", containsString(log.origin() + "+"))
                .body("certificate", containsString("BEGIN CERTIFICATE"));
    }

    @Test
    void theSearchPageHasNoNextOnTheLastPage() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        SharingLogFixtures.pushRelease(nhsNumber, "yot-harrow");
        search(PARTNERSHIP, child(nhsNumber)).body("next", equalTo(null)).body("entries", not(hasSize(0)));
    }
}
