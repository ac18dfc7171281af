package io.throughgate.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Reads every cell of every table of the hub's database as text, to scan for what must not be stored. */
public final class DatabaseCells {

    private DatabaseCells() {
    }

    /** The names of the hub's tables (not the database's own catalogues). */
    public static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                if (schema == null || !schema.equalsIgnoreCase("information_schema")
                        && !schema.equalsIgnoreCase("pg_catalog")) {
                    tables.add((schema == null ? "" : schema + ".") + rows.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    /** Every non-null cell of every table, as text. */
    public static List<String> everyTextCell(DataSource dataSource) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(dataSource)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            String value = rows.getString(column);
                            if (value != null) {
                                cells.add(value);
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }
}
