package io.throughgate.sharinglog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.throughgate.database.SqlTimes;

/**
 * The check of one stored entry: its text against its leaf hash, and every search column and row against its
 * text. The problems name columns, never their values.
 *
 * @param leafHash the leaf hash the tree takes for the entry: computed from the text, or the stored one when the
 *        entry has expired and has no text
 * @param expired whether the entry is past retention
 * @param problems what does not match
 */
record EntryCheck(byte[] leafHash, boolean expired, List<String> problems) {

    /** The columns {@link #of} reads. */
    static final String COLUMNS = "entry_index, event_id, leaf_hash, entry_json, record_id, record_type, outcome, "
            + "sender, recipient, recipient_pseudonym, agreement_id, purpose, received_at, indexed_at, expired_at";

    /** The columns that copy the entry's text, all emptied when it expires. */
    private static final List<String> SEARCH_COLUMNS = List.of("record_id", "record_type", "outcome", "sender",
            "recipient", "recipient_pseudonym", "agreement_id", "purpose", "received_at");
    private static final HexFormat HEX = HexFormat.of();

    /** Checks the entry at the result set's current row, with its subject and consent rows. */
    static EntryCheck of(ResultSet row, Set<String> subjects, Set<String> consents) throws SQLException {
        long index = row.getLong("entry_index");
        String text = row.getString("entry_json");
        String storedHash = row.getString("leaf_hash");
        List<String> problems = new ArrayList<>();
        if (text == null) {
            if (row.getObject("expired_at") == null) {
                problems.add("entry " + index + " has lost its text but has not expired");
            }
            if (!subjects.isEmpty() || !consents.isEmpty() || SEARCH_COLUMNS.stream().anyMatch(column -> present(row,
                    column))) {
                problems.add("entry " + index + " has expired but keeps search columns or rows");
            }
            return new EntryCheck(hashOrZero(storedHash), true, problems);
        }
        byte[] leafHash = SharingLogLeaf.hash(text);
        if (!HEX.formatHex(leafHash).equals(storedHash)) {
            problems.add("entry " + index + ": its stored text does not match its leaf hash");
        }
        IndexedEntry entry;
        try {
            entry = SharingLogLeaf.read(text);
        } catch (RuntimeException e) {
            problems.add("entry " + index + ": its stored text is not a sharing-log entry");
            return new EntryCheck(leafHash, false, problems);
        }
        List<String> differing = differingColumns(row, entry, subjects, consents);
        if (!differing.isEmpty()) {
            problems.add("entry " + index + ": " + String.join(", ", differing) + " differ from its text");
        }
        return new EntryCheck(leafHash, false, problems);
    }

    private static List<String> differingColumns(ResultSet row, IndexedEntry entry, Set<String> subjects,
            Set<String> consents) throws SQLException {
        SharingLogEvent event = entry.event();
        List<String> differing = new ArrayList<>();
        compare(differing, "entry_index", row.getLong("entry_index"), entry.index());
        compare(differing, "event_id", text(row, "event_id"), event.eventId());
        compare(differing, "record_id", text(row, "record_id"), event.recordId());
        compare(differing, "record_type", row.getString("record_type"), event.recordType());
        compare(differing, "outcome", row.getString("outcome"), event.outcome());
        compare(differing, "sender", row.getString("sender"), event.sender());
        compare(differing, "recipient", row.getString("recipient"), event.recipient());
        compare(differing, "recipient_pseudonym", row.getString("recipient_pseudonym"), event.recipientPseudonym());
        compare(differing, "agreement_id", row.getString("agreement_id"), event.agreementId());
        compare(differing, "purpose", row.getString("purpose"), event.purpose());
        compare(differing, "received_at", micros(SqlTimes.instant(row, "received_at")), micros(event.receivedAt()));
        compare(differing, "indexed_at", micros(SqlTimes.instant(row, "indexed_at")), micros(entry.indexedAt()));
        compare(differing, "expired_at", row.getObject("expired_at"), null);
        compare(differing, "subject pseudonyms", subjects, new HashSet<>(SharingLogRows.subjectPseudonyms(event)));
        compare(differing, "consent decisions", consents, new HashSet<>(SharingLogRows.consentDecisions(event)
                .stream().map(UUID::toString).toList()));
        return differing;
    }

    private static void compare(List<String> differing, String column, Object stored, Object expected) {
        if (!Objects.equals(stored, expected)) {
            differing.add(column);
        }
    }

    /** A column as text (a UUID in its canonical form), or null. */
    private static String text(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        return value == null ? null : value.toString();
    }

    private static boolean present(ResultSet row, String column) {
        try {
            return row.getObject(column) != null;
        } catch (SQLException e) {
            return true;
        }
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] hashOrZero(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[32];
        }
    }
}
