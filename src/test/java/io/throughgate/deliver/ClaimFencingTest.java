package io.throughgate.deliver;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.SqlStatements;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A record's claim is fenced end to end (decision record 0015): a record that waited past its deadline is never
 * written, so a retry that took its claim over delivers it once; a claim taken over cannot be completed or released
 * by the request it was taken from; and a failure after the commit keeps the claim, so the retry gets the receipt.
 */
@QuarkusTest
@TestProfile(ShortDeliveryWaits.class)
class ClaimFencingTest {

    private static final String SENDER = "yoi-feltham";
    private static final String RECIPIENT = "yot-kingston-upon-thames";

    @Inject
    HubDatabase database;

    @Inject
    KafkaConnection kafka;

    @Inject
    SharingLog log;

    @AfterEach
    void releaseTheWriters() {
        DeliveryHooks.reset();
    }

    @Test
    void aRetryThatTakesOverTheClaimOfARecordStillQueuedDeliversItOnce() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String record = TestRecords.release(recordId, "queued", SENDER, RECIPIENT, TestIdentifiers.nhsNumber());
        CountDownLatch writersHeld = new CountDownLatch(1);
        DeliveryHooks.beforeTransaction = () -> awaitQuietly(writersHeld);

        TestClients.push(SENDER, record).statusCode(503).body("detail", containsString("could not confirm"));
        // As if the claim had been left long enough to be taken for abandoned while the record still waited.
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        update("UPDATE record_receipt SET claimed_at = ? WHERE record_id = ?", SqlTimes.of(longAgo), UUID.fromString(
                recordId));
        CompletableFuture<ValidatableResponse> retry = CompletableFuture
                .supplyAsync(() -> TestClients.push(SENDER, record));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> claimedAt(recordId).isAfter(longAgo));
        writersHeld.countDown();

        retry.get(30, TimeUnit.SECONDS).statusCode(202).body("recordId", equalTo(recordId));
        assertDeliveredOnce(recordId);
    }

    @Test
    void aFailureAfterTheCommitKeepsTheClaimAndTheRetryGetsTheReceipt() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String record = TestRecords.release(recordId, "receipt", SENDER, RECIPIENT, TestIdentifiers.nhsNumber());
        AtomicBoolean failedOnce = new AtomicBoolean();
        DeliveryHooks.afterCommit = () -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("the receipt could not be built");
            }
        };

        TestClients.push(SENDER, record).statusCode(503).body("code", equalTo("exchange-unavailable")).body("detail",
                containsString(
                        "never delivered twice"));
        log.awaitIndexed(Duration.ofSeconds(30));

        TestClients.push(SENDER, record).statusCode(202).body("recordId", equalTo(recordId))
                .body("deliveries.recipient", hasItem(
                        RECIPIENT));
        assertDeliveredOnce(recordId);
    }

    @Test
    void aClaimTakenOverCannotBeCompletedOrReleasedByTheRequestItWasTakenFrom() throws Exception {
        ReceiptStore store = new ReceiptStore(database, (id, upToDate) -> Optional.empty(), Duration.ofSeconds(70));
        UUID recordId = UUID.randomUUID();
        Instant now = Instant.now();
        ReceiptStore.Claim original = store.claim(recordId, SENDER, "a".repeat(64), now.minus(Duration.ofMinutes(
                5)));
        ReceiptStore.Claim successor = store.claim(recordId, SENDER, "a".repeat(64), now);
        assertEquals(ReceiptStore.ClaimState.CLAIMED, successor.state(), "an abandoned claim is taken over");

        assertFalse(store.release(recordId, original.token().orElseThrow()), "the original's release");
        assertFalse(store.delivered(recordId, original.token().orElseThrow(), "{}"), "the original's completion");
        assertEquals(ReceiptStore.ClaimState.IN_PROGRESS, store.claim(recordId, SENDER, "a".repeat(64), now).state(),
                "the successor still holds the claim");

        assertTrue(store.delivered(recordId, successor.token().orElseThrow(), "{\"receipt\":1}"));
        ReceiptStore.Claim again = store.claim(recordId, SENDER, "a".repeat(64), now);
        assertEquals(ReceiptStore.ClaimState.DELIVERED, again.state());
        assertEquals(Optional.of("{\"receipt\":1}"), again.receipt());
    }

    private void assertDeliveredOnce(String recordId) {
        // A second delivery's commit markers may land just after the answer: the count must hold at one a while.
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> Inboxes.read(kafka
                .clientProperties(), "tg.inbox." + RECIPIENT).stream().filter(message -> recordId.equals(
                        Inboxes
                                .header(message, "ce_id")))
                .count() == 1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Instant claimedAt(String recordId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT claimed_at FROM record_receipt WHERE "
                        + "record_id = ?")) {
            select.setObject(1, UUID.fromString(recordId));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? SqlTimes.instant(row, 1) : Instant.EPOCH;
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        SqlStatements.update(database, sql, parameters);
    }
}
