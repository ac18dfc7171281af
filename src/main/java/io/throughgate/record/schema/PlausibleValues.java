package io.throughgate.record.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.record.RecordType;

/**
 * The checks of a schema-valid record that JSON Schema cannot express: every date within a plausible range (none
 * before {@value #EARLIEST}, none after {@value #LATEST}, and no birth in the future), and no control character
 * (U+0000 to U+001F) in any text, but tabs and line breaks in narrative free text. A control character could break a
 * recipient's log, CSV or screen, and is never part of a name, a code or a note. Reasons never quote the values.
 */
final class PlausibleValues {

    static final String EARLIEST = "1990-01-01";
    static final String LATEST = "2099-12-31";
    private static final LocalDate FIRST = LocalDate.parse(EARLIEST);
    private static final LocalDate LAST = LocalDate.parse(LATEST);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String DATE_OF_BIRTH = "/subject/dateOfBirth";

    private final SchemaFieldIndex fields;

    PlausibleValues(SchemaFieldIndex fields) {
        this.fields = fields;
    }

    /** Adds a violation for every implausible value of a record of a type. */
    void check(RecordType type, JsonNode record, List<Violation> violations) {
        walk(type, record, "", "", violations);
    }

    /** Walks the record, keeping each value's pointer and its field pattern ({@code *} for array items). */
    private void walk(RecordType type, JsonNode node, String pointer, String pattern, List<Violation> violations) {
        if (node.isTextual()) {
            checkText(type, node.textValue(), pointer, pattern, violations);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String name = "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                walk(type, field.getValue(), pointer + name, pattern + name, violations);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(type, node.get(i), pointer + "/" + i, pattern + "/*", violations);
            }
        }
    }

    private void checkText(RecordType type, String text, String pointer, String pattern,
            List<Violation> violations) {
        Optional<SchemaFieldIndex.TextKind> kind = fields.textKind(type, pattern);
        boolean narrative = kind.filter(SchemaFieldIndex.TextKind.NARRATIVE::equals).isPresent();
        if (narrative ? ControlCharacters.inNarrative(text) : ControlCharacters.in(text)) {
            violations.add(new Violation(pointer, narrative
                    ? "must not contain control characters (U+0000 to U+001F) other than tabs and line breaks"
                    : "must not contain control characters (U+0000 to U+001F)"));
            return;
        }
        if (kind.filter(SchemaFieldIndex.TextKind.DATE::equals).isEmpty()) {
            return;
        }
        date(text).ifPresent(date -> {
            if (pointer.equals(DATE_OF_BIRTH) && (date.isBefore(FIRST) || date.isAfter(LocalDate.now(LONDON)))) {
                violations.add(new Violation(pointer, "must be a date from " + EARLIEST + " to today"));
            } else if (date.isBefore(FIRST) || date.isAfter(LAST)) {
                violations.add(new Violation(pointer, "must be a date from " + EARLIEST + " to " + LATEST));
            }
        });
    }

    /** The London date of a date or date-time; empty when it does not parse (the schema reports that). */
    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(text.length() <= 10
                    ? LocalDate.parse(text)
                    : OffsetDateTime.parse(text)
                            .atZoneSameInstant(LONDON).toLocalDate());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
