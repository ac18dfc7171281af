package io.throughgate.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL database of the fault tests' own ({@code faults_<pid>}, created afresh for each scenario and dropped
 * after it, so that runs on the same server at the same time leave each other alone), on the server CI provides at
 * 127.0.0.1:5432 with trust authentication; {@code -Dthroughgate.faults.postgresql=jdbc:...} points elsewhere.
 */
final class FaultDatabase {

    static final String USER = "postgres";
    private static final String SERVER = System.getProperty("throughgate.faults.postgresql",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String NAME = "faults_" + ProcessHandle.current().pid();

    private FaultDatabase() {
    }

    /** Drops the fault tests' database if it is there and creates it empty; the hub migrates it when it starts. */
    static FaultDatabase fresh() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + NAME);
        }
        return new FaultDatabase();
    }

    /** Drops the database, closing whatever connections are left. */
    void drop() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        }
    }

    String url() {
        return SERVER + NAME;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /**
     * Makes the sharing log unavailable to the hub's indexer for a while: holds an exclusive lock on the log's head
     * row, which every append takes, so appends block; and every second terminates the connections blocked on it,
     * so the indexer also sees its connection fail mid-transaction and must retry. Ingestion, which does not touch
     * the log's tables, goes on.
     *
     * @return how many blocked connections were terminated
     */
    int blockSharingLog(Duration duration) throws SQLException {
        int terminated = 0;
        try (Connection lock = connect(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE sharing_log_head IN ACCESS EXCLUSIVE MODE");
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                ChildProcess.pause(Duration.ofSeconds(1));
                try (ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM "
                        + "pg_stat_activity WHERE datname = '" + NAME + "' AND wait_event_type = 'Lock' AND pid <> "
                        + "pg_backend_pid()")) {
                    while (rows.next()) {
                        terminated += rows.getBoolean(1) ? 1 : 0;
                    }
                }
            }
            lock.rollback();
        }
        return terminated;
    }
}
