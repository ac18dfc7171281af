package io.throughgate.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new, empty PostgreSQL database for one replica run, on the server the options name, dropped when closed: each
 * run starts with an empty sharing log and no claims.
 */
final class ReplicaDatabase implements AutoCloseable {

    private final PGSimpleDataSource server;
    private final String name;
    private final PGSimpleDataSource database;

    private ReplicaDatabase(PGSimpleDataSource server, String name, PGSimpleDataSource database) {
        this.server = server;
        this.name = name;
        this.database = database;
    }

    /**
     * Creates the database.
     *
     * @param serverUrl a JDBC URL of the server, such as {@code jdbc:postgresql://127.0.0.1:5432/postgres}: the
     *        database it names is only where the new one is created from
     * @throws IllegalStateException naming the server's complaint when it cannot be created
     */
    static ReplicaDatabase create(String serverUrl, String user, String password) {
        PGSimpleDataSource server = dataSource(serverUrl, user, password);
        String name = "throughgate_benchmark_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on " + serverUrl + ": " + e.getMessage()
                    + " (give the server with --database-url, --database-user and --database-password)", e);
        }
        PGSimpleDataSource database = dataSource(serverUrl, user, password);
        database.setDatabaseName(name);
        return new ReplicaDatabase(server, name, database);
    }

    /** The JDBC URL of the new database, for the hubs. */
    String url() {
        return database.getUrl();
    }

    /** The new database, for the checks after the load. */
    DataSource dataSource() {
        return database;
    }

    @Override
    public void close() {
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("benchmark: could not drop the database " + name + ": " + e.getMessage());
        }
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }
}
