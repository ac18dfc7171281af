package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A record answered 202 is in the sharing-log index once {@link SharingLog#awaitIndexed} returns, even when asked
 * straight after the answer, while the broker may still be writing the transaction's commit markers (the DPO API
 * and the takeover of abandoned claims rely on this).
 */
@QuarkusTest
class IndexedAfterAnswerTest {

    @Inject
    SharingLog log;

    @Test
    void everyAnsweredRecordIsIndexedWhenTheWaitReturns() throws Exception {
        for (int i = 0; i < 25; i++) {
            String recordId = UUID.randomUUID().toString();
            TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(TestRecords.release(recordId, "indexed",
                    "yoi-feltham", "yot-hackney", TestIdentifiers.nhsNumber())).when().post("/v1/records").then()
                    .statusCode(202);
            log.awaitIndexed(Duration.ofSeconds(10));
            assertFalse(log.queries().eventsOfRecord(UUID.fromString(recordId)).isEmpty(), "record " + i
                    + " answered 202 but not in the index");
        }
    }
}
