package io.throughgate.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records each start of the hub with the agency directory it loaded, so an auditor can tell which directory was in
 * force at any time.
 */
@ApplicationScoped
public class HubStartLog {

    @Inject
    HubDatabase database;

    @Inject
    Clock clock;

    /**
     * Appends a start.
     *
     * @param node the node's name (host name or pod name)
     * @param version the hub's version
     * @param directorySha256 the SHA-256 of the agency directory in force
     * @return how many starts the database has recorded, this one included
     * @throws SQLException if the database refuses the write
     */
    public long recordStart(String node, String version, String directorySha256) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO hub_start (started_at, node, version, agency_directory_sha256) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, SqlTimes.of(Instant.now(clock)));
                insert.setString(2, node);
                insert.setString(3, version);
                insert.setString(4, directorySha256);
                insert.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM hub_start");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
