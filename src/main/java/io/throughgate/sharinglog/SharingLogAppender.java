package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.throughgate.database.SqlTimes;
import io.throughgate.database.Transactions;
import io.throughgate.merkle.MerkleFrontier;

/**
 * Appends sharing-log events read from Kafka to the indexed log. One call is one database transaction: it locks
 * the log's head (so every hub replica appends to the same log, one at a time), skips events before the stored
 * read position of their partition (already indexed, perhaps by another replica), appends the rest with the next
 * indexes, and moves the head and the read positions. Whatever fails, an event is indexed once or not at all.
 */
public final class SharingLogAppender {

    /**
     * An event as read from its partition of {@code tg.sharing-log}.
     *
     * @param partition the partition
     * @param offset its offset
     * @param columns the entry's search columns and rows
     * @param canonicalEvent the event's canonical JSON, which the entry's leaf text holds
     */
    public record SourcedEvent(int partition, long offset, SharingLogColumns columns, String canonicalEvent) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;

    public SharingLogAppender(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored read positions: per partition, the offset of the next event to index. */
    public Map<Integer, Long> positions() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return positions(connection);
        }
    }

    /**
     * Appends events and moves the read positions.
     *
     * @param events the events read, in partition order
     * @param readUpTo per partition, the offset the consumer has read up to (the next to read)
     * @param indexedAt the time to stamp the new entries with
     * @return how many entries were appended
     */
    public int append(List<SourcedEvent> events, Map<Integer, Long> readUpTo, Instant indexedAt)
            throws SQLException {
        return Transactions.inTransaction(dataSource, connection -> append(connection, events, readUpTo,
                indexedAt));
    }

    private static int append(Connection connection, List<SourcedEvent> events, Map<Integer, Long> readUpTo,
            Instant indexedAt) throws SQLException {
        MerkleFrontier frontier = SharingLogHead.lock(connection);
        Map<Integer, Long> positions = positions(connection);
        List<SourcedEvent> unread = events.stream().filter(sourced -> sourced.offset() >= positions.getOrDefault(
                sourced.partition(), 0L)).toList();
        Set<UUID> indexed = alreadyIndexed(connection, unread);
        int appended = 0;
        try (PreparedStatement insertEntry = connection.prepareStatement("INSERT INTO sharing_log_entry (entry_index, "
                + "event_id, leaf_hash, entry_json, record_id, record_type, outcome, sender, recipient, "
                + "recipient_pseudonym, agreement_id, purpose, received_at, indexed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement subject = connection.prepareStatement(
                        "INSERT INTO sharing_log_subject (pseudonym, entry_index) VALUES (?, ?)");
                PreparedStatement consent = connection.prepareStatement(
                        "INSERT INTO sharing_log_consent (decision_id, entry_index) VALUES (?, ?)")) {
            for (SourcedEvent sourced : unread) {
                SharingLogColumns columns = sourced.columns();
                if (!indexed.add(columns.eventId())) {
                    continue;
                }
                long index = frontier.size();
                String leaf = SharingLogLeaf.text(sourced.canonicalEvent(), index, indexedAt);
                byte[] leafHash = SharingLogLeaf.hash(leaf);
                bindEntry(insertEntry, index, indexedAt, columns, leaf, leafHash);
                insertEntry.addBatch();
                for (String pseudonym : columns.subjectPseudonyms()) {
                    subject.setString(1, pseudonym);
                    subject.setLong(2, index);
                    subject.addBatch();
                }
                for (UUID decision : columns.consentDecisions()) {
                    consent.setObject(1, decision);
                    consent.setLong(2, index);
                    consent.addBatch();
                }
                frontier.append(leafHash);
                appended++;
            }
            if (appended > 0) {
                insertEntry.executeBatch();
                subject.executeBatch();
                consent.executeBatch();
            }
        }
        if (appended > 0) {
            SharingLogHead.store(connection, frontier);
        }
        movePositions(connection, positions, readUpTo);
        return appended;
    }

    private static void bindEntry(PreparedStatement statement, long index, Instant indexedAt,
            SharingLogColumns columns, String leaf, byte[] leafHash) throws SQLException {
        statement.setLong(1, index);
        statement.setObject(2, columns.eventId());
        statement.setString(3, HEX.formatHex(leafHash));
        statement.setString(4, leaf);
        statement.setObject(5, columns.recordId());
        statement.setString(6, columns.recordType());
        statement.setString(7, columns.outcome());
        statement.setString(8, columns.sender());
        statement.setString(9, columns.recipient());
        statement.setString(10, columns.recipientPseudonym());
        statement.setString(11, columns.agreementId());
        statement.setString(12, columns.purpose());
        // Databases round to microseconds; the columns keep that precision, so the column matches the text.
        statement.setObject(13, SqlTimes.of(columns.receivedAt()));
        statement.setObject(14, SqlTimes.of(indexedAt));
    }

    /** The ids of these events already in the log: none, unless the same event was written to Kafka twice. */
    private static Set<UUID> alreadyIndexed(Connection connection, List<SourcedEvent> events) throws SQLException {
        Set<UUID> found = new HashSet<>();
        if (events.isEmpty()) {
            return found;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(events.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT event_id FROM sharing_log_entry WHERE event_id IN (" + marks + ")")) {
            for (int i = 0; i < events.size(); i++) {
                statement.setObject(i + 1, events.get(i).columns().eventId());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    private static Map<Integer, Long> positions(Connection connection) throws SQLException {
        Map<Integer, Long> positions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT source_partition, next_offset FROM sharing_log_position");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                positions.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return positions;
    }

    private static void movePositions(Connection connection, Map<Integer, Long> stored, Map<Integer, Long> readUpTo)
            throws SQLException {
        for (Map.Entry<Integer, Long> read : readUpTo.entrySet()) {
            Long current = stored.get(read.getKey());
            if (current != null && current >= read.getValue()) {
                continue;
            }
            String sql = current == null
                    ? "INSERT INTO sharing_log_position (next_offset, source_partition) VALUES (?, ?)"
                    : "UPDATE sharing_log_position SET next_offset = ? WHERE source_partition = ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, read.getValue());
                statement.setInt(2, read.getKey());
                statement.executeUpdate();
            }
        }
    }
}
