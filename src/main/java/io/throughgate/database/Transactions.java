package io.throughgate.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Work done in one database transaction: all of it, or none. */
public final class Transactions {

    /** What runs inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {

        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /** Runs the work on a connection of its own: committed when it returns, rolled back when it throws. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
