package io.throughgate.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.throughgate.agreement.FieldAction;

/**
 * What each flow of the shipped agreements lets leave, field by field, as written by hand in
 * {@code src/test/resources/gate/expected-fields.tsv}: the expectation tests judge the gate against, independent of
 * the hub's own rule lookup. A field the table does not list is withheld.
 */
public final class ExpectedFields {

    private static final String RESOURCE = "/gate/expected-fields.tsv";
    private static final Pattern INDEX = Pattern.compile("/[0-9]+(?=/|$)");

    /** One row: how a field leaves under a flow, and the consent purpose it needs, if any. */
    public record Expected(String agreement, String flow, String recordType, String field, FieldAction action,
            Optional<String> consent) {
    }

    private final List<Expected> rows;
    private final Map<String, Expected> byFlow = new HashMap<>();

    private ExpectedFields(List<Expected> rows) {
        this.rows = rows;
        rows.forEach(row -> byFlow.put(key(row.flow(), row.recordType(), row.field()), row));
    }

    /** The table of the shipped agreements. */
    public static ExpectedFields shipped() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ExpectedFields.class
                .getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
            return new ExpectedFields(reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).map(
                    ExpectedFields::row).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Expected row(String line) {
        String[] cells = line.split("\t");
        if (cells.length != 6) {
            throw new IllegalArgumentException(RESOURCE + ": six tab-separated cells expected in: " + line);
        }
        return new Expected(cells[0], cells[1], cells[2], cells[3],
                FieldAction.valueOf(cells[4].toUpperCase(Locale.ROOT)),
                "-".equals(cells[5]) ? Optional.empty() : Optional.of(cells[5]));
    }

    /** Every row of the table. */
    public List<Expected> rows() {
        return rows;
    }

    /**
     * How a field leaves under one flow, by its place in the record ({@code /body/actions/0/owner} is looked up as
     * {@code /body/actions/{@literal *}/owner}); empty when the table withholds it.
     */
    public Optional<Expected> under(String flow, String recordType, String pointer) {
        return Optional.ofNullable(byFlow.get(key(flow, recordType, pattern(pointer))));
    }

    /**
     * Whether some flow of the agreement shares the field of a record of this type as it is, given the consent
     * purposes the child has permitted.
     */
    public boolean sharesInClear(String agreement, String recordType, String pointer, Set<String> consents) {
        String field = pattern(pointer);
        return rows.stream().anyMatch(row -> row.agreement().equals(agreement) && row.recordType().equals(
                recordType) && row.field().equals(field) && row.action() == FieldAction.SHARE && row.consent()
                        .map(
                                consents::contains)
                        .orElse(true));
    }

    /** The table's form of a pointer: array indices as {@code *}. */
    public static String pattern(String pointer) {
        return INDEX.matcher(pointer).replaceAll("/*");
    }

    private static String key(String flow, String recordType, String field) {
        return flow + " " + recordType + " " + field;
    }
}
