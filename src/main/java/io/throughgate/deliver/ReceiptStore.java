package io.throughgate.deliver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;

/**
 * Makes a record id deliver at most once: the first request claims the id with its content digest; a retry with
 * the same content gets the stored receipt, one with other content is a conflict. A claim left pending by a hub
 * that stopped mid-way may be taken over after a while, once its Kafka transaction has surely ended: if the
 * sharing log shows that it committed (the hub stopped between the commit and marking the claim delivered), the
 * retry gets the receipt rebuilt from the log; otherwise it aborted, and the retry delivers.
 *
 * <p>Each claim carries a token: completing or releasing a claim must name it, so a request whose claim was taken
 * over cannot complete or release its successor's. A pending claim whose record the sharing log already shows
 * committed (the request failed after the commit) is settled with the receipt rebuilt from the log by the first
 * retry that finds it.
 */
public final class ReceiptStore {

    /** Finds out whether a record's deliveries were committed after all. */
    public interface CommittedDeliveries {

        /**
         * The receipt of a record whose deliveries are in the sharing log, or empty when none are.
         *
         * @param upToDate whether the answer must cover every committed transaction (waiting for the sharing log's
         *        index to catch up), or may be what the index holds now (a receipt found is certain either way)
         * @throws java.util.concurrent.TimeoutException if an up-to-date answer cannot be had now
         */
        Optional<String> receiptOf(UUID recordId, boolean upToDate) throws java.util.concurrent.TimeoutException,
                SQLException;
    }

    private final HubDatabase database;
    private final CommittedDeliveries committed;
    private final Duration abandonedAfter;

    /**
     * @param abandonedAfter how long after its arrival a pending claim is taken to belong to a request whose
     *        transaction has surely ended ({@link DeliveryDeadlines#abandonedAfter})
     */
    public ReceiptStore(HubDatabase database, CommittedDeliveries committed, Duration abandonedAfter) {
        this.database = database;
        this.committed = committed;
        this.abandonedAfter = abandonedAfter;
    }

    /** What a claim found. */
    public enum ClaimState {
        /** The id is this request's to deliver. */
        CLAIMED,
        /** Delivered before with the same content: answer with the stored receipt. */
        DELIVERED,
        /** Used before with other content, or by another agency. */
        CONFLICT,
        /** Another request with the same id is being delivered now. */
        IN_PROGRESS
    }

    /**
     * The outcome of a claim.
     *
     * @param state what the claim found
     * @param receipt the stored receipt JSON, for {@link ClaimState#DELIVERED}
     * @param token the claim's token, for {@link ClaimState#CLAIMED}: completing or releasing it must name it
     */
    public record Claim(ClaimState state, Optional<String> receipt, Optional<UUID> token) {

        static Claim claimed(UUID token) {
            return new Claim(ClaimState.CLAIMED, Optional.empty(), Optional.of(token));
        }

        static Claim delivered(String receipt) {
            return new Claim(ClaimState.DELIVERED, Optional.of(receipt), Optional.empty());
        }

        static Claim of(ClaimState state) {
            return new Claim(state, Optional.empty(), Optional.empty());
        }
    }

    /** Claims a record id for its sender and content. */
    public Claim claim(UUID recordId, String sender, String contentSha256, Instant now) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            UUID token = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO record_receipt (record_id, "
                    + "sender, content_sha256, state, claimed_at, claim_token) VALUES (?, ?, ?, 'pending', ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                insert.setObject(1, recordId);
                insert.setString(2, sender);
                insert.setString(3, contentSha256);
                insert.setObject(4, SqlTimes.of(now));
                insert.setObject(5, token);
                if (insert.executeUpdate() == 1) {
                    return Claim.claimed(token);
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT sender, content_sha256, state, "
                    + "receipt, claimed_at FROM record_receipt WHERE record_id = ?")) {
                select.setObject(1, recordId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return claim(recordId, sender, contentSha256, now);
                    }
                    if (!row.getString(1).equals(sender) || !row.getString(2).equals(contentSha256)) {
                        return Claim.of(ClaimState.CONFLICT);
                    }
                    if (row.getString(3).equals("delivered")) {
                        return Claim.delivered(row.getString(4));
                    }
                    boolean abandoned = SqlTimes.instant(row, 5).plus(abandonedAfter).isBefore(now);
                    return abandoned ? takeOverAbandoned(connection, recordId, now) : settleIfCommitted(recordId);
                }
            }
        }
    }

    /**
     * A pending claim not yet abandoned: its record may have committed while its request failed afterwards. What the
     * sharing log's index holds now says so for certain when it shows the record; otherwise the claim is in progress.
     */
    private Claim settleIfCommitted(UUID recordId) throws SQLException {
        try {
            Optional<String> receipt = committed.receiptOf(recordId, false);
            if (receipt.isPresent()) {
                settle(recordId, receipt.get());
                return Claim.delivered(receipt.get());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            // Not asked to wait: nothing to time out.
        }
        return Claim.of(ClaimState.IN_PROGRESS);
    }

    private Claim takeOverAbandoned(Connection connection, UUID recordId, Instant now) throws SQLException {
        Optional<String> receipt;
        try {
            receipt = committed.receiptOf(recordId, true);
        } catch (java.util.concurrent.TimeoutException e) {
            return Claim.of(ClaimState.IN_PROGRESS);
        }
        if (receipt.isPresent()) {
            settle(recordId, receipt.get());
            return Claim.delivered(receipt.get());
        }
        UUID token = UUID.randomUUID();
        return takeOver(connection, recordId, now, token) ? Claim.claimed(token) : Claim.of(ClaimState.IN_PROGRESS);
    }

    private boolean takeOver(Connection connection, UUID recordId, Instant now, UUID token) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE record_receipt SET claimed_at = ?, "
                + "claim_token = ? WHERE record_id = ? AND state = 'pending' AND claimed_at < ?")) {
            update.setObject(1, SqlTimes.of(now));
            update.setObject(2, token);
            update.setObject(3, recordId);
            update.setObject(4, SqlTimes.of(now.minus(abandonedAfter)));
            return update.executeUpdate() == 1;
        }
    }

    /** Settles a pending claim whose record the sharing log shows committed, whoever holds the claim. */
    private void settle(UUID recordId, String receipt) throws SQLException {
        update("UPDATE record_receipt SET state = 'delivered', receipt = ? WHERE record_id = ? AND state = "
                + "'pending'", receipt, recordId);
    }

    /**
     * Marks a claimed record delivered, with its receipt.
     *
     * @return false when the claim is no longer this token's (it was taken over, or settled by a retry)
     */
    public boolean delivered(UUID recordId, UUID token, String receipt) throws SQLException {
        return update("UPDATE record_receipt SET state = 'delivered', receipt = ? WHERE record_id = ? AND "
                + "claim_token = ? AND state = 'pending'", receipt, recordId, token) == 1;
    }

    /**
     * Gives up a claim whose delivery failed before anything was written, so that a retry can deliver.
     *
     * @return false when the claim is no longer this token's
     */
    public boolean release(UUID recordId, UUID token) throws SQLException {
        return update("DELETE FROM record_receipt WHERE record_id = ? AND claim_token = ? AND state = 'pending'",
                recordId, token) == 1;
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
