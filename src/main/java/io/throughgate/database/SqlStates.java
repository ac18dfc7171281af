package io.throughgate.database;

import java.sql.SQLException;

/** What a database's failure means, by its SQL state, the same on PostgreSQL and H2. */
public final class SqlStates {

    /** A unique or primary key already holds the value: another transaction (or replica) got there first. */
    private static final String DUPLICATE_KEY = "23505";

    private SqlStates() {
    }

    /** Whether a failure, or one chained to it (as a batch reports them), is a duplicate key. */
    public static boolean duplicateKey(SQLException failure) {
        for (SQLException next = failure; next != null; next = next.getNextException()) {
            if (DUPLICATE_KEY.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
