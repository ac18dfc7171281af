package io.throughgate.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.sharinglog.VerificationRuns;
import io.throughgate.testing.TestClients;

/**
 * A DPO's certificate in a browser is presented with whatever another site's page makes the browser send; the hub
 * refuses what the browser says another site made, on the API as on the console, and serves clients that say
 * nothing (case systems, curl) and the hub's own pages.
 */
@QuarkusTest
class CrossSiteRequestTest {

    private static final String PARTNERSHIP = "partnership-london-resettlement";

    @Inject
    VerificationRuns runs;

    @Test
    void anotherSitesFormCannotStartAVerificationWithADposCertificate() throws Exception {
        Optional<VerificationRuns.Run> before = runs.lastFinished();
        TestClients.asDpo(PARTNERSHIP).header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "no-cors")
                .header("Origin", "https://elsewhere.example").when().post("/v1/sharing-log/verification").then()
                .statusCode(403).contentType(containsString("problem+json")).body("code", equalTo(
                        "cross-site-request"));
        TestClients.asDpo(PARTNERSHIP).header("Origin", "https://elsewhere.example").when().post(
                "/v1/sharing-log/verification").then().statusCode(403).body("code", equalTo("cross-site-request"));
        assertEquals(before.map(VerificationRuns.Run::id), runs.lastFinished().map(VerificationRuns.Run::id),
                "no verification ran");
    }

    @Test
    void anotherSitesPageCannotReadTheAuditOrTheLogThroughTheBrowser() {
        for (String path : new String[]{"/v1/sharing-log/audit", "/v1/consents", "/console/audit"}) {
            TestClients.asDpo(PARTNERSHIP).header("Sec-Fetch-Site", "same-site").header("Sec-Fetch-Mode", "cors")
                    .when().get(path).then().statusCode(403);
        }
    }

    @Test
    void theHubsOwnPagesCaseSystemsAndALinkToTheConsoleAreServed() {
        TestClients.asDpo(PARTNERSHIP).header("Sec-Fetch-Site", "same-origin").when().get("/v1/sharing-log/audit")
                .then().statusCode(200);
        TestClients.asDpo(PARTNERSHIP).header("Sec-Fetch-Site", "none").header("Sec-Fetch-Mode", "navigate").when()
                .get("/console/audit").then().statusCode(200);
        TestClients.asDpo(PARTNERSHIP).header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .when().get("/console").then().statusCode(200).body(containsString("Overview"));
        TestClients.asDpo(PARTNERSHIP).when().post("/v1/sharing-log/verification").then().statusCode(200);
        TestClients.as("yoi-feltham").when().get("/v1/whoami").then().statusCode(200);
    }
}
