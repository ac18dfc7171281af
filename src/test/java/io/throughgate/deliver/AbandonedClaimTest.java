package io.throughgate.deliver;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;
import io.throughgate.json.CanonicalJson;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.SqlStatements;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A claim left pending by a hub that stopped is taken over by a retry: if the sharing log shows the record's
 * transaction committed (the hub stopped between the commit and storing the receipt), the retry gets the receipt
 * and nothing is delivered again; if it shows nothing, the retry delivers.
 */
@QuarkusTest
class AbandonedClaimTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    HubDatabase database;

    @Inject
    KafkaConnection kafka;

    @Inject
    SharingLog log;

    @Test
    void aRetryAfterACommittedButUnrecordedDeliveryGetsTheReceiptAndDeliversNothingAgain() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String record = TestRecords.release(recordId, "abandoned", "yoi-feltham", "yot-kingston-upon-thames",
                TestIdentifiers.nhsNumber());
        TestClients.push("yoi-feltham", record).statusCode(202);
        log.awaitIndexed(Duration.ofSeconds(30));
        // As if the hub had stopped after the commit, before marking the claim delivered.
        update("UPDATE record_receipt SET state = 'pending', receipt = NULL, claimed_at = ? WHERE record_id = ?",
                SqlTimes.of(Instant.now().minusSeconds(120)), UUID.fromString(recordId));

        TestClients.push("yoi-feltham", record).statusCode(202).body("recordId", equalTo(recordId))
                .body("deliveries.recipient", hasItem(
                        "yot-kingston-upon-thames"));

        // A second delivery's commit markers may land just after the answer: the count must hold at one a while.
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> Inboxes.read(kafka
                .clientProperties(), "tg.inbox.yot-kingston-upon-thames").stream().filter(message -> recordId.equals(
                        Inboxes.header(message, "ce_id")))
                .count() == 1);
    }

    @Test
    void aRetryAfterAnAbortedDeliveryDelivers() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String record = TestRecords.release(recordId, "aborted", "yoi-feltham", "yot-kingston-upon-thames",
                TestIdentifiers.nhsNumber());
        // As if a hub had claimed the id and stopped before its transaction committed.
        update("INSERT INTO record_receipt (record_id, sender, content_sha256, state, claimed_at) VALUES (?, ?, ?, "
                + "'pending', ?)", UUID.fromString(recordId), "yoi-feltham",
                CanonicalJson.sha256(JSON.readTree(
                        record)),
                SqlTimes.of(Instant.now().minusSeconds(120)));

        TestClients.push("yoi-feltham", record).statusCode(202);

        assertEquals(1, Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox.yot-kingston-upon-thames",
                message -> recordId.equals(Inboxes.header(message, "ce_id"))).size());
    }

    private void update(String sql, Object... parameters) throws SQLException {
        SqlStatements.update(database, sql, parameters);
    }
}
