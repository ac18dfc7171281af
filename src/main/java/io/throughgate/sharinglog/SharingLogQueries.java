package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.throughgate.database.SqlTimes;

/** Reads the indexed log: searches, single entries, and the leaf hashes that inclusion proofs are made from. */
public final class SharingLogQueries {

    /**
     * A page of entries.
     *
     * @param entries the entries, in log order
     * @param more whether more entries match after the last one
     */
    public record Page(List<IndexedEntry> entries, boolean more) {

        public Page {
            entries = List.copyOf(entries);
        }

        /** The index to continue after, when there are more. */
        public Optional<Long> next() {
            return more && !entries.isEmpty()
                    ? Optional.of(entries.get(entries.size() - 1).index())
                    : Optional.empty();
        }
    }

    /**
     * An entry's stored text with its index, for exports that let the reader check the hash.
     *
     * @param index the entry's index
     * @param leaf the exact text the leaf hash covers
     */
    public record StoredLeaf(long index, String leaf) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;

    public SharingLogQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many entries the log holds, expired ones included: the size of its Merkle tree. */
    public long size() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return SharingLogHead.read(connection).size();
        }
    }

    /** The entries that match, in log order, one page at a time; expired entries are not returned. */
    public Page search(LogSearch search) throws SQLException {
        List<StoredLeaf> leaves = searchLeaves(search);
        boolean more = leaves.size() > search.limit();
        return new Page(leaves.stream().limit(search.limit()).map(leaf -> SharingLogLeaf.read(leaf.leaf()))
                .toList(), more);
    }

    /** Like {@link #search}, giving each entry's stored text; one more than the limit tells that there are more. */
    public List<StoredLeaf> searchLeaves(LogSearch search) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT e.entry_index, e.entry_json FROM sharing_log_entry e WHERE e.entry_json IS NOT NULL "
                        + "AND e.entry_index > ?");
        List<Object> parameters = new ArrayList<>(List.of(search.after()));
        search.visibleTo().ifPresent(agency -> {
            sql.append(" AND (e.sender = ? OR e.recipient = ?)");
            parameters.add(agency);
            parameters.add(agency);
        });
        search.agency().ifPresent(agency -> {
            sql.append(" AND (e.sender = ? OR e.recipient = ?)");
            parameters.add(agency);
            parameters.add(agency);
        });
        equal(sql, parameters, "e.agreement_id", search.agreementId());
        equal(sql, parameters, "e.record_type", search.recordType());
        equal(sql, parameters, "e.outcome", search.outcome());
        search.from().ifPresent(from -> {
            sql.append(" AND e.received_at >= ?");
            parameters.add(SqlTimes.of(from));
        });
        search.to().ifPresent(to -> {
            sql.append(" AND e.received_at < ?");
            parameters.add(SqlTimes.of(to));
        });
        if (!search.subjectPseudonyms().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM sharing_log_subject s WHERE s.entry_index = e.entry_index "
                    + "AND s.pseudonym IN (").append(String.join(", ",
                            Collections.nCopies(search.subjectPseudonyms()
                                    .size(), "?")))
                    .append("))");
            parameters.addAll(search.subjectPseudonyms().stream().sorted().toList());
        }
        sql.append(" ORDER BY e.entry_index LIMIT ?");
        parameters.add(search.limit() + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<StoredLeaf> leaves = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    leaves.add(new StoredLeaf(rows.getLong(1), rows.getString(2)));
                }
            }
            return leaves;
        }
    }

    private static void equal(StringBuilder sql, List<Object> parameters, String column, Optional<String> value) {
        value.ifPresent(wanted -> {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(wanted);
        });
    }

    /** The entry at an index, unless it has expired or does not exist. */
    public Optional<StoredLeaf> entry(long index) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT entry_json FROM sharing_log_entry WHERE entry_index = ? AND entry_json IS NOT NULL")) {
            statement.setLong(1, index);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new StoredLeaf(index, row.getString(1))) : Optional.empty();
            }
        }
    }

    /** The events of one record's deliveries (and withheld deliveries) that have not expired, in log order. */
    public List<SharingLogEvent> eventsOfRecord(java.util.UUID recordId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT entry_json FROM sharing_log_entry "
                        + "WHERE record_id = ? AND entry_json IS NOT NULL ORDER BY entry_index")) {
            statement.setObject(1, recordId);
            List<SharingLogEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(SharingLogLeaf.read(rows.getString(1)).event());
                }
            }
            return events;
        }
    }

    /** The leaf hashes of the first {@code size} entries, in order, for a tree of that size. */
    public List<byte[]> leafHashes(long size) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return leafHashes(connection, 0, size);
            } finally {
                connection.rollback();
            }
        }
    }

    /** The leaf hashes of entries {@code from} to {@code to - 1}, in order. */
    static List<byte[]> leafHashes(Connection connection, long from, long to) throws SQLException {
        List<byte[]> hashes = new ArrayList<>((int) Math.min(to - from, 1_000_000));
        try (PreparedStatement statement = connection.prepareStatement("SELECT leaf_hash FROM sharing_log_entry "
                + "WHERE entry_index >= ? AND entry_index < ? ORDER BY entry_index")) {
            statement.setFetchSize(10_000);
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hashes.add(HEX.parseHex(rows.getString(1)));
                }
            }
        }
        return hashes;
    }

    /** When the earliest record the log still holds was received, if it holds any. */
    public Optional<Instant> firstReceived() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT MIN(received_at) FROM "
                        + "sharing_log_entry");
                ResultSet row = select.executeQuery()) {
            return row.next() && row.getObject(1) != null ? Optional.of(SqlTimes.instant(row, 1)) : Optional.empty();
        }
    }

    /**
     * A record the log holds entries of: its id, type, and the child's hub-wide pseudonyms.
     *
     * @param recordId the record's id
     * @param type its record type
     * @param pseudonyms the child's hub-wide pseudonyms, from every entry of the record
     */
    public record LoggedRecord(UUID recordId, String type, Set<String> pseudonyms) {
    }

    /**
     * Every record of the types the hub received in a span, whatever became of its copies: one per record, however
     * many entries it has, in the order of their ids.
     *
     * @param types the record types
     * @param from the first instant, inclusive
     * @param to the last instant, exclusive
     */
    public List<LoggedRecord> recordsReceived(Set<String> types, Instant from, Instant to) throws SQLException {
        Map<UUID, LoggedRecord> records = new TreeMap<>();
        String in = String.join(", ", Collections.nCopies(types.size(), "?"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT e.record_id, e.record_type, "
                        + "s.pseudonym FROM sharing_log_entry e LEFT JOIN sharing_log_subject s ON s.entry_index = "
                        + "e.entry_index WHERE e.record_type IN (" + in + ") AND e.received_at >= ? AND "
                        + "e.received_at < ?")) {
            int at = 1;
            for (String type : new TreeSet<>(types)) {
                select.setString(at++, type);
            }
            select.setObject(at++, SqlTimes.of(from));
            select.setObject(at, SqlTimes.of(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    String type = rows.getString(2);
                    LoggedRecord record = records.computeIfAbsent(id, key -> new LoggedRecord(key, type,
                            new TreeSet<>()));
                    String pseudonym = rows.getString(3);
                    if (pseudonym != null) {
                        record.pseudonyms().add(pseudonym);
                    }
                }
            }
        }
        return List.copyOf(records.values());
    }

    /**
     * Reads, one record at a time, every entry of the records the hub received in a span whose text has not expired:
     * each record's entries together, in log order, the records in the order of their ids. Streamed, so a long span
     * does not sit in memory at once.
     *
     * @param from the first instant, inclusive
     * @param to the last instant, exclusive
     * @param eachRecord called with the entries of one record
     */
    public void forEachRecordReceived(Instant from, Instant to, Consumer<List<SharingLogEvent>> eachRecord)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // PostgreSQL streams a result with a cursor only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT record_id, entry_json FROM "
                    + "sharing_log_entry WHERE received_at >= ? AND received_at < ? AND entry_json IS NOT NULL "
                    + "ORDER BY record_id, entry_index")) {
                select.setFetchSize(500);
                select.setObject(1, SqlTimes.of(from));
                select.setObject(2, SqlTimes.of(to));
                try (ResultSet rows = select.executeQuery()) {
                    UUID current = null;
                    List<SharingLogEvent> entries = new ArrayList<>();
                    while (rows.next()) {
                        UUID record = rows.getObject(1, UUID.class);
                        if (!record.equals(current) && !entries.isEmpty()) {
                            eachRecord.accept(List.copyOf(entries));
                            entries.clear();
                        }
                        current = record;
                        entries.add(SharingLogLeaf.read(rows.getString(2)).event());
                    }
                    if (!entries.isEmpty()) {
                        eachRecord.accept(List.copyOf(entries));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
