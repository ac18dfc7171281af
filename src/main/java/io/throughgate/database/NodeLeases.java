package io.throughgate.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Leases on node ids, one row per id in {@code hub_node_lease}. A running replica renews its lease every few
 * seconds; another hub may take an id only when its lease has not been renewed for the lease's length. Every time
 * is the database's, so replicas' clocks need not agree.
 */
public final class NodeLeases {

    /** The answer to a request for a lease: taken, or held by another hub whose last renewal is this old. */
    public sealed interface Claim {
    }

    /** The lease is this holder's. */
    public record Taken() implements Claim {
    }

    /**
     * Another hub holds the lease.
     *
     * @param renewedAgo how long ago it last renewed it
     */
    public record HeldByAnother(Duration renewedAgo) implements Claim {
    }

    private final DataSource dataSource;

    public NodeLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the lease on a node id for a holder, unless another holder renewed it less than {@code lease} ago.
     */
    public Claim claim(String nodeId, UUID holder, Duration lease) throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> claim(connection, nodeId, holder, lease));
    }

    private static Claim claim(Connection connection, String nodeId, UUID holder, Duration lease)
            throws SQLException {
        Optional<HeldByAnother> held = heldByAnother(connection, nodeId, holder, lease);
        if (held.isPresent()) {
            return held.get();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE hub_node_lease SET holder = ?, "
                + "renewed_at = CURRENT_TIMESTAMP WHERE node_id = ?")) {
            update.setObject(1, holder);
            update.setString(2, nodeId);
            if (update.executeUpdate() == 1) {
                return new Taken();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_node_lease (node_id, holder, "
                + "renewed_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, nodeId);
            insert.setObject(2, holder);
            insert.executeUpdate();
            return new Taken();
        }
    }

    /** The lease's row, locked: held by another holder that renewed it within the lease, or not. */
    private static Optional<HeldByAnother> heldByAnother(Connection connection, String nodeId, UUID holder,
            Duration lease) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT holder, renewed_at, CURRENT_TIMESTAMP "
                + "FROM hub_node_lease WHERE node_id = ? FOR UPDATE")) {
            select.setString(1, nodeId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || holder.equals(row.getObject(1, UUID.class))) {
                    return Optional.empty();
                }
                Duration age = Duration.between(row.getObject(2, OffsetDateTime.class), row.getObject(3,
                        OffsetDateTime.class));
                return age.compareTo(lease) < 0 ? Optional.of(new HeldByAnother(age)) : Optional.empty();
            }
        }
    }

    /** Renews the holder's lease; false when it is no longer the holder's (another hub took it over). */
    public boolean renew(String nodeId, UUID holder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE hub_node_lease SET renewed_at = "
                        + "CURRENT_TIMESTAMP WHERE node_id = ? AND holder = ?")) {
            update.setString(1, nodeId);
            update.setObject(2, holder);
            return update.executeUpdate() == 1;
        }
    }

    /** Gives the lease up, if it is still the holder's. */
    public void release(String nodeId, UUID holder) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM hub_node_lease WHERE node_id = ? AND holder = ?")) {
            delete.setString(1, nodeId);
            delete.setObject(2, holder);
            delete.executeUpdate();
        }
    }
}
