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
 */
public final class ReceiptStore {

    /** Finds out whether a record's deliveries were committed after all. */
    public interface CommittedDeliveries {

        /**
         * The receipt of a record whose deliveries are in the sharing log, or empty when none are.
         *
         * @throws java.util.concurrent.TimeoutException if that cannot be known now
         */
        Optional<String> receiptOf(UUID recordId) throws java.util.concurrent.TimeoutException, SQLException;
    }

    /** After this, a pending claim is taken to belong to a hub that stopped (well past the transaction timeout). */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private final HubDatabase database;
    private final CommittedDeliveries committed;

    public ReceiptStore(HubDatabase database, CommittedDeliveries committed) {
        this.database = database;
        this.committed = committed;
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
     */
    public record Claim(ClaimState state, Optional<String> receipt) {
    }

    /** Claims a record id for its sender and content. */
    public Claim claim(UUID recordId, String sender, String contentSha256, Instant now) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO record_receipt (record_id, "
                    + "sender, content_sha256, state, claimed_at) VALUES (?, ?, ?, 'pending', ?) "
                    + "ON CONFLICT DO NOTHING")) {
                insert.setObject(1, recordId);
                insert.setString(2, sender);
                insert.setString(3, contentSha256);
                insert.setObject(4, SqlTimes.of(now));
                if (insert.executeUpdate() == 1) {
                    return new Claim(ClaimState.CLAIMED, Optional.empty());
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
                        return new Claim(ClaimState.CONFLICT, Optional.empty());
                    }
                    if (row.getString(3).equals("delivered")) {
                        return new Claim(ClaimState.DELIVERED, Optional.of(row.getString(4)));
                    }
                    boolean abandoned = SqlTimes.instant(row, 5).plus(ABANDONED_AFTER).isBefore(now);
                    return abandoned
                            ? takeOverAbandoned(connection, recordId, now)
                            : new Claim(ClaimState.IN_PROGRESS, Optional.empty());
                }
            }
        }
    }

    private Claim takeOverAbandoned(Connection connection, UUID recordId, Instant now) throws SQLException {
        Optional<String> receipt;
        try {
            receipt = committed.receiptOf(recordId);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Claim(ClaimState.IN_PROGRESS, Optional.empty());
        }
        if (receipt.isPresent()) {
            delivered(recordId, receipt.get());
            return new Claim(ClaimState.DELIVERED, receipt);
        }
        return takeOver(connection, recordId, now)
                ? new Claim(ClaimState.CLAIMED, Optional.empty())
                : new Claim(ClaimState.IN_PROGRESS, Optional.empty());
    }

    private static boolean takeOver(Connection connection, UUID recordId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE record_receipt SET claimed_at = ? "
                + "WHERE record_id = ? AND state = 'pending' AND claimed_at < ?")) {
            update.setObject(1, SqlTimes.of(now));
            update.setObject(2, recordId);
            update.setObject(3, SqlTimes.of(now.minus(ABANDONED_AFTER)));
            return update.executeUpdate() == 1;
        }
    }

    /** Marks a claimed record delivered, with its receipt. */
    public void delivered(UUID recordId, String receipt) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE record_receipt SET state = "
                        + "'delivered', receipt = ? WHERE record_id = ?")) {
            update.setString(1, receipt);
            update.setObject(2, recordId);
            update.executeUpdate();
        }
    }

    /** Gives up a claim whose delivery failed, so that a retry can deliver. */
    public void release(UUID recordId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM record_receipt WHERE record_id = "
                        + "? AND state = 'pending'")) {
            delete.setObject(1, recordId);
            delete.executeUpdate();
        }
    }
}
