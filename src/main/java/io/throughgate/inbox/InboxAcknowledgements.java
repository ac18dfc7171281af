package io.throughgate.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;
import io.throughgate.database.Transactions;

/**
 * Each agency's acknowledged position in its HTTPS inbox, in the database, so that it holds across restarts and
 * replicas. A position only moves forward: two clients of one agency acknowledging out of order never make the
 * inbox forget a message one of them has not acknowledged past.
 */
@ApplicationScoped
public class InboxAcknowledgements {

    @Inject
    HubDatabase database;

    @Inject
    Clock clock;

    /** The agency's acknowledged positions: per partition, the next offset not acknowledged; empty for none. */
    public Map<Integer, Long> positions(String agency) throws SQLException {
        Map<Integer, Long> positions = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT source_partition, next_offset "
                        + "FROM inbox_acknowledgement WHERE agency = ?")) {
            select.setString(1, agency);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        return positions;
    }

    /** Acknowledges everything before the cursor, keeping any position already further on. */
    public void acknowledge(String agency, InboxCursor cursor) throws SQLException {
        Transactions.inTransaction(database.dataSource(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_acknowledgement (agency, "
                    + "source_partition, next_offset, acknowledged_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
                    PreparedStatement forward = connection.prepareStatement("UPDATE inbox_acknowledgement SET "
                            + "next_offset = ?, acknowledged_at = ? WHERE agency = ? AND source_partition = ? "
                            + "AND next_offset < ?")) {
                for (Map.Entry<Integer, Long> position : cursor.positions().entrySet()) {
                    insert.setString(1, agency);
                    insert.setInt(2, position.getKey());
                    insert.setLong(3, position.getValue());
                    insert.setObject(4, SqlTimes.of(clock.instant()));
                    insert.addBatch();
                    forward.setLong(1, position.getValue());
                    forward.setObject(2, SqlTimes.of(clock.instant()));
                    forward.setString(3, agency);
                    forward.setInt(4, position.getKey());
                    forward.setLong(5, position.getValue());
                    forward.addBatch();
                }
                insert.executeBatch();
                forward.executeBatch();
            }
            return null;
        });
    }
}
