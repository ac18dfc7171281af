package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.throughgate.merkle.MerkleFrontier;

/** The head of the indexed log: its size and the Merkle frontier that gives its root, in one database row. */
final class SharingLogHead {

    private SharingLogHead() {
    }

    /** Reads the head. */
    static MerkleFrontier read(Connection connection) throws SQLException {
        return read(connection, "SELECT tree_size, frontier FROM sharing_log_head WHERE id = 1");
    }

    /** Reads the head and locks it until the transaction ends: appends are serialised across replicas. */
    static MerkleFrontier lock(Connection connection) throws SQLException {
        return read(connection, "SELECT tree_size, frontier FROM sharing_log_head WHERE id = 1 FOR UPDATE");
    }

    /** Stores the head after an append, in the append's transaction. */
    static void store(Connection connection, MerkleFrontier frontier) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sharing_log_head SET tree_size = ?, frontier = ? WHERE id = 1")) {
            update.setLong(1, frontier.size());
            update.setString(2, frontier.encode());
            update.executeUpdate();
        }
    }

    private static MerkleFrontier read(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the sharing log has no head row; the database was not migrated");
            }
            return MerkleFrontier.decode(row.getLong(1), row.getString(2));
        }
    }
}
