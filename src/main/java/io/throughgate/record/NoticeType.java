package io.throughgate.record;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The records the hub issues itself, in the name of the partnership, rather than receives from an agency: timeliness
 * notices and digests (contracts/timeliness.yaml), and the evaluation's monthly tables and extract. They go out under an agreement's flow like any record, so that
 * an agreement names their recipients and fields, and the gate and the sharing log treat them as deliveries. No
 * agency can send one: they are not {@link RecordType}s, and the records API refuses every type that is not.
 * Their fields are fixed here, as a schema fixes a record type's; {@code docs/subscribing.md} describes them.
 */
public enum NoticeType {

    /** A resettlement milestone of one child is at risk, missed, or (closing an earlier notice) met. */
    TIMELINESS_NOTICE("timeliness-notice", List.of("/body/state", "/body/milestone", "/body/title", "/body/due",
            "/body/releaseOn", "/body/admittedOn", "/body/reminder", "/body/missing", "/body/metOn",
            "/body/responsibleYot", "/body/establishment")),
    /** The day's list of every milestone at risk or missed, for the partnership. */
    TIMELINESS_DIGEST("timeliness-digest", List.of("/body/day", "/body/items/*/child", "/body/items/*/milestone",
            "/body/items/*/state", "/body/items/*/due", "/body/items/*/responsibleYot",
            "/body/items/*/establishment")),
    /**
     * A month's evaluation tables, as published (GET /v1/evaluation/tables): each table for the month and the year
     * to date, its small-number rule, and its counts as CSV. About no child: counts only, protected.
     */
    EVALUATION_TABLES("evaluation-tables", List.of("/body/month", "/body/tables/*/table", "/body/tables/*/span",
            "/body/tables/*/from", "/body/tables/*/to", "/body/tables/*/suppressedFrom",
            "/body/tables/*/suppressedTo", "/body/tables/*/roundedTo", "/body/tables/*/csv")),
    /**
     * A month's record-level extract for the evaluators: one k-anonymous row per consenting child released in the
     * evaluation year, as CSV, with its columns and data dictionary.
     */
    EVALUATION_EXTRACT("evaluation-extract", List.of("/body/month", "/body/from", "/body/to", "/body/columns/*",
            "/body/csv", "/body/dictionary/covers", "/body/dictionary/k", "/body/dictionary/released",
            "/body/dictionary/leftOutWithoutConsent", "/body/dictionary/leftOutTooFewAlike", "/body/dictionary/rows",
            "/body/dictionary/columns/*/name", "/body/dictionary/columns/*/meaning",
            "/body/dictionary/columns/*/quasiIdentifier", "/body/dictionary/columns/*/generalisedTo"));

    /** The schema version of every notice type. */
    public static final int SCHEMA_VERSION = 1;

    private final String code;
    private final List<String> leafFields;

    NoticeType(String code, List<String> leafFields) {
        this.code = code;
        this.leafFields = leafFields;
    }

    /** The type as it appears in the notice's {@code type} field, e.g. {@code timeliness-notice}. */
    public String code() {
        return code;
    }

    /** Every leaf field, as JSON pointers with {@code *} for array items. */
    public List<String> leafFields() {
        return leafFields;
    }

    /** Whether the notice has a field at the pointer: a leaf, or an object or array holding leaves. */
    public boolean hasField(String pointer) {
        return pointer.equals("/body") || leafFields.stream().anyMatch(leaf -> leaf.equals(pointer) || leaf
                .startsWith(pointer + "/"));
    }

    /** The notice type with this code, or empty. */
    public static Optional<NoticeType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
