package io.throughgate.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.directory.AgencyDirectory;

/** Runs on H2 by default and on PostgreSQL with -Dthroughgate.database.kind=postgresql (see .ci/run). */
@QuarkusTest
class HubDatabaseTest {

    @Inject
    HubDatabase database;

    @Inject
    AgencyDirectory directory;

    @Test
    void runsOnTheConfiguredDatabase() throws SQLException {
        DatabaseKind expected = DatabaseKind.parse(System.getProperty(DatabaseSelection.KIND));
        assertEquals(expected, database.kind());
        try (Connection connection = database.dataSource().getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertEquals(expected == DatabaseKind.H2 ? "H2" : "PostgreSQL", product);
        }
    }

    @Test
    void recordsTheStartWithTheDirectoryInForce() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM hub_start WHERE agency_directory_sha256 = ?")) {
            query.setString(1, directory.sha256());
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertTrue(rows.getLong(1) >= 1, "no start recorded with the loaded directory");
            }
        }
    }
}
