package io.throughgate.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.throughgate.database.HubDatabase;

/** Changes the hub's database behind its back, as an insider or a crash would have left it. */
public final class SqlStatements {

    private SqlStatements() {
    }

    /** Runs one statement with its parameters; the number of rows it changed. */
    public static int update(HubDatabase database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
