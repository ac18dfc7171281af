package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import io.throughgate.database.SqlTimes;
import io.throughgate.database.Transactions;

/**
 * Removes what the log holds about entries past their retention period: their text, search columns and the
 * child's pseudonyms. Each keeps its index and leaf hash, so the Merkle tree and every signed checkpoint still
 * verify, and inclusion proofs of the remaining entries are unchanged.
 */
public final class SharingLogRetention {

    private static final String EXPIRED = "SELECT entry_index FROM sharing_log_entry WHERE expired_at IS NULL "
            + "AND received_at < ?";

    private final DataSource dataSource;

    public SharingLogRetention(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Expires every entry received before the cutoff.
     *
     * @return how many entries expired
     */
    public int expireReceivedBefore(Instant cutoff, Instant now) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> {
            delete(connection, "DELETE FROM sharing_log_subject WHERE entry_index IN (" + EXPIRED + ")", cutoff);
            delete(connection, "DELETE FROM sharing_log_consent WHERE entry_index IN (" + EXPIRED + ")", cutoff);
            try (PreparedStatement update = connection.prepareStatement("UPDATE sharing_log_entry SET "
                    + "entry_json = NULL, record_id = NULL, record_type = NULL, outcome = NULL, sender = NULL, "
                    + "recipient = NULL, recipient_pseudonym = NULL, agreement_id = NULL, purpose = NULL, "
                    + "received_at = NULL, expired_at = ? WHERE expired_at IS NULL AND received_at < ?")) {
                update.setObject(1, SqlTimes.of(now));
                update.setObject(2, SqlTimes.of(cutoff));
                return update.executeUpdate();
            }
        });
    }

    private static void delete(Connection connection, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, SqlTimes.of(cutoff));
            statement.executeUpdate();
        }
    }
}
