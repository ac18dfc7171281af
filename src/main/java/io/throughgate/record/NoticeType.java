package io.throughgate.record;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The records the hub issues itself, in the name of the partnership, rather than receives from an agency: timeliness
 * notices and digests (contracts/timeliness.yaml). They go out under an agreement's flow like any record, so that
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
            "/body/items/*/establishment"));

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
