package io.throughgate.sharinglog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks a result set of {@code (entry_index, value)} rows ordered by index beside the walk over the entries, giving
 * each entry its values; rows whose entry does not exist are counted as orphans.
 */
final class GroupedRows {

    private final ResultSet rows;
    private boolean hasRow;
    private long orphans;

    GroupedRows(ResultSet rows) throws SQLException {
        this.rows = rows;
        this.hasRow = rows.next();
    }

    /** The values of this entry's rows; rows of lower indexes not yet taken are orphans. */
    Set<String> take(long index) throws SQLException {
        Set<String> values = new HashSet<>();
        while (hasRow && rows.getLong(1) <= index) {
            if (rows.getLong(1) == index) {
                values.add(rows.getString(2));
            } else {
                orphans++;
            }
            hasRow = rows.next();
        }
        return values;
    }

    /** Rows left after the last entry, and rows skipped, that belong to no entry. */
    long orphans() throws SQLException {
        while (hasRow) {
            orphans++;
            hasRow = rows.next();
        }
        return orphans;
    }
}
