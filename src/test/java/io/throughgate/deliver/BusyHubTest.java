package io.throughgate.deliver;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.ingest.IngestAdmission;
import io.throughgate.ingest.RecordsResource;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A hub working on as many records as it takes at once answers further pushes at once with 503, hub-busy and
 * Retry-After, takes nothing of them (the record id stays free), and takes them again as soon as there is room.
 */
@QuarkusTest
class BusyHubTest {

    @Inject
    IngestAdmission admission;

    @Test
    void aFullHubAnswers503WithRetryAfterAndTakesNothingUntilThereIsRoom() {
        String recordId = UUID.randomUUID().toString();
        String nhsNumber = TestIdentifiers.nhsNumber();
        String record = TestRecords.release(recordId, "busy", "yoi-feltham", "yot-hackney", nhsNumber);
        try (IngestAdmission.Admitted everything = admission.tryAdmit(admission.maxInFlight(), 0)) {
            TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record).when().post("/v1/records")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("code", equalTo("hub-busy"))
                    .body("detail", not(containsString(nhsNumber)));
            TestClients.as("yoi-feltham").contentType(RecordsResource.NDJSON).body((record.replace('\n', ' ') + "\n")
                    .getBytes(StandardCharsets.UTF_8)).when()
                    .post("/v1/records/batch")
                    .then().statusCode(503)
                    .header("Retry-After", "1")
                    .body("code", equalTo("hub-busy"));
        }
        // Nothing was claimed: the same record is delivered now, once, as if first pushed.
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record).when().post("/v1/records")
                .then().statusCode(202)
                .body("recordId", equalTo(recordId));
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record).when().post("/v1/records")
                .then().statusCode(202);
        // Answered pushes give their room back.
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            try (IngestAdmission.Admitted all = admission.tryAdmit(admission.maxInFlight(), 0)) {
                return all != null;
            }
        });
    }

    @Test
    void aHubHoldingAsManyBytesAsItTakesAnswers503() {
        String record = TestRecords.release(UUID.randomUUID().toString(), "bytes", "yoi-feltham", "yot-hackney",
                TestIdentifiers.nhsNumber());
        try (IngestAdmission.Admitted everyByte = admission.tryAdmit(1, admission.maxBytesInFlight())) {
            TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record).when().post("/v1/records")
                    .then().statusCode(503)
                    .header("Retry-After", "1")
                    .body("code", equalTo("hub-busy"));
        }
    }
}
