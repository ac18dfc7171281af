package io.throughgate.dpo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.throughgate.deliver.TestRecords;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.testing.TestClients;

/** Pushes records as a secure establishment and asks the DPO API about them. */
final class SharingLogFixtures {

    static final String PARTNERSHIP = "partnership-london-resettlement";
    static final String ICB = "health-icb-north-central-london";

    private SharingLogFixtures() {
    }

    /** Pushes a release notification from HMYOI Feltham; answers the record id once it is accepted. */
    static String pushRelease(String nhsNumber, String supervisingYot) {
        String recordId = UUID.randomUUID().toString();
        push(TestRecords.release(recordId, "log" + recordId.substring(0, 8), "yoi-feltham", supervisingYot,
                nhsNumber));
        return recordId;
    }

    /** Pushes a health summary from HMYOI Feltham to the North Central London ICB; answers the record id. */
    static String pushHealthSummary(String nhsNumber, String clinicalSummary) {
        String recordId = UUID.randomUUID().toString();
        push(TestRecords.healthSummary(recordId, nhsNumber, ICB, clinicalSummary));
        return recordId;
    }

    private static void push(String record) {
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record).when().post("/v1/records").then()
                .statusCode(202);
    }

    /** A search of the sharing log as an agency's DPO. */
    static ValidatableResponse search(String dpoAgency, String criteria) {
        return TestClients.asDpo(dpoAgency).contentType(ContentType.JSON).accept(ContentType.JSON).body(criteria)
                .when().post("/v1/sharing-log/search").then();
    }

    /** Search criteria naming a child by NHS number. */
    static String child(String nhsNumber) {
        return "{\"subject\": {\"nhsNumber\": \"" + nhsNumber + "\"}}";
    }

    /** The record ids of a search's entries. */
    static List<String> recordIds(ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getList("entries.event.recordId");
    }

    /** The hub's public log key, as any agency fetches it. */
    static LogVerifyingKey publicKey() {
        return LogVerifyingKey.fromPem(TestClients.as("yot-camden").accept("application/x-pem-file").when().get(
                "/v1/sharing-log/public-key").then().statusCode(200).extract().asString());
    }

    /** Waits until the index holds everything committed so far. */
    static void indexed(SharingLog log) throws Exception {
        log.awaitIndexed(Duration.ofSeconds(30));
    }
}
