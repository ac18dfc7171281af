package io.throughgate.dpo.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.SharingLogEvent;

/**
 * The sharing log as CSV (RFC 4180) for a data protection officer's spreadsheet: a header row, then one row per
 * entry in the order given, lines ended by CRLF.
 *
 * <p>
 * A field holding a comma, a double quote, CR or LF is quoted, its quotes doubled (RFC 4180 section 2, rules 5 to
 * 7). A cell that a spreadsheet would take for a formula (starting with {@code =}, {@code +}, {@code -}, {@code @},
 * tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection; no column holds a negative number,
 * so no number is altered. A missing value gives an empty cell. Lists are joined with {@code "; "}.
 */
public final class SharingLogCsv {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("index", "indexedAt", "receivedAt", "occurredAt", "outcome",
            "recordId", "recordType", "sender", "recipient", "recipientPseudonym", "agreementId", "agreementVersion",
            "purpose", "article6", "article9", "schedule1", "statutoryGateways", "consentDecisions", "fieldsShared",
            "fieldsWithheld", "topic", "partition", "offset");

    private static final String CRLF = "\r\n";
    private static final String LIST_SEPARATOR = "; ";
    private static final String WITHHOLD = "withhold";

    private SharingLogCsv() {
    }

    /**
     * The entries as CSV.
     *
     * @param entries the entries, in the order the rows should have
     * @return the header row and one row per entry, each ended by CRLF
     * @throws NullPointerException when the list or one of its entries is null
     */
    public static String of(List<IndexedEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        StringBuilder csv = new StringBuilder();
        appendRow(csv, COLUMNS);
        for (IndexedEntry entry : entries) {
            appendRow(csv, row(Objects.requireNonNull(entry, "entries must not hold null")));
        }
        return csv.toString();
    }

    private static List<String> row(IndexedEntry entry) {
        SharingLogEvent event = entry.event();
        SharingLogEvent.LawfulBasis basis = event.lawfulBasis();
        List<SharingLogEvent.Field> fields = event.fields() == null ? List.of() : event.fields();
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(Long.toString(entry.index()));
        row.add(text(entry.indexedAt()));
        row.add(text(event.receivedAt()));
        row.add(event.occurredAt());
        row.add(event.outcome());
        row.add(event.recordId());
        row.add(event.recordType());
        row.add(event.sender());
        row.add(event.recipient());
        row.add(event.recipientPseudonym());
        row.add(event.agreementId());
        row.add(Integer.toString(event.agreementVersion()));
        row.add(event.purpose());
        row.add(basis == null ? null : basis.article6());
        row.add(basis == null ? null : joined(basis.article9()));
        row.add(basis == null ? null : joined(basis.schedule1()));
        row.add(basis == null ? null : joined(basis.statutoryGateways()));
        row.add(joined(event.consentDecisions()));
        row.add(fields(fields, field -> !WITHHOLD.equals(field.outcome()), SharingLogEvent.Field::outcome));
        row.add(fields(fields, field -> WITHHOLD.equals(field.outcome()), SharingLogEvent.Field::reason));
        row.add(event.topic());
        row.add(text(event.partition()));
        row.add(text(event.offset()));
        return row;
    }

    private static String fields(List<SharingLogEvent.Field> fields, Predicate<SharingLogEvent.Field> which,
            Function<SharingLogEvent.Field, String> detail) {
        return fields.stream().filter(Objects::nonNull).filter(which)
                .map(field -> Objects.toString(field.field(), "") + "=" + Objects.toString(detail.apply(field), ""))
                .collect(Collectors.joining(LIST_SEPARATOR));
    }

    private static String joined(List<String> values) {
        return values == null
                ? null
                : values.stream().map(value -> Objects.toString(value, "")).collect(Collectors.joining(LIST_SEPARATOR));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void appendRow(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(CRLF);
    }

    /** One cell: defused against formula injection, then quoted when RFC 4180 requires it. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String defused = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = defused.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? '"' + defused.replace("\"", "\"\"") + '"' : defused;
    }

    private static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
