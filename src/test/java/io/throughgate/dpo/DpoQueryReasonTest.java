package io.throughgate.dpo;

import static io.throughgate.dpo.SharingLogFixtures.PARTNERSHIP;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.audit.DpoAudit;
import io.throughgate.audit.DpoScope;
import io.throughgate.sharinglog.VerificationRuns;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A DPO says why they look, from a fixed list that the audit records (never free text, which could name a child);
 * and every whole-log verification is kept with its outcome.
 */
@QuarkusTest
class DpoQueryReasonTest {

    @Inject
    DpoAudit audit;

    @Inject
    VerificationRuns runs;

    @Test
    void aSearchsReasonIsRecordedInTheAudit() throws Exception {
        long before = last();
        SharingLogFixtures.search(PARTNERSHIP, "{\"outcome\": \"withheld\", \"reason\": \"incident\"}").statusCode(
                200);
        DpoAudit.Query search = since(before).stream().filter(query -> query.action().equals("search")).findFirst()
                .orElseThrow();
        assertTrue(search.criteria().contains("\"reason\":\"incident\""), search.criteria());
    }

    @Test
    void aReasonNotOnTheListIsRefusedByEveryChildLookUp() {
        String child = "{\"nhsNumber\": \"" + TestIdentifiers.nhsNumber() + "\"}";
        for (String path : List.of("/v1/sharing-log/search", "/v1/sharing-log/subject-access",
                "/v1/consents/history")) {
            TestClients.asDpo(PARTNERSHIP).contentType(ContentType.JSON).body("{\"subject\": " + child
                    + ", \"reason\": \"the child's name is Sam\"}").when().post(path).then().statusCode(400).body(
                            "violations.find { it.pointer == '/reason' }.reason", equalTo("must be one of "
                                    + "subject-access-request, complaint, incident, audit, agreement-review"));
        }
    }

    @Test
    void aConsentHistoryLookUpRecordsItsReason() throws Exception {
        long before = last();
        TestClients.asDpo(PARTNERSHIP).contentType(ContentType.JSON).body("{\"subject\": {\"nhsNumber\": \""
                + TestIdentifiers.nhsNumber() + "\"}, \"reason\": \"complaint\"}").when().post("/v1/consents/history")
                .then().statusCode(200);
        DpoAudit.Query lookUp = since(before).stream().filter(query -> query.action().equals("consent-history"))
                .findFirst().orElseThrow();
        assertEquals("{\"reason\":\"complaint\"}", lookUp.criteria());
    }

    @Test
    void aVerificationThroughTheApiIsKeptAsTheLastRun() throws Exception {
        TestClients.asDpo("yot-camden").when().post("/v1/sharing-log/verification").then().statusCode(200).body(
                "verified", equalTo(true));
        VerificationRuns.Run last = runs.lastFinished().orElseThrow();
        assertEquals("yot-camden", last.requestedBy());
        assertEquals(Boolean.TRUE, last.verified());
        assertEquals(100, last.percent());
    }

    private List<DpoAudit.Query> since(long position) throws Exception {
        return audit.readableBy(new DpoScope(PARTNERSHIP, true, "test"), position, 1000);
    }

    private long last() throws Exception {
        List<DpoAudit.Query> all = since(0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).position();
    }
}
