package io.throughgate.record;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The record types the hub exchanges, each with the schema that fixes its content. The list is fixed in code, not
 * discovered from the contracts folder: a new type needs routing and gating decisions, not only a schema file.
 */
public enum RecordType {

    /** The YOT's placement information form and post-court report, sent when a child is remanded or sentenced. */
    PLACEMENT_INFORMATION("placement-information"),
    /** The establishment's notice that it admitted a child, with the first health screening. */
    CUSTODY_ADMISSION("custody-admission"),
    /** The outcome of a sentence or remand planning meeting. */
    PLANNING_MEETING("planning-meeting"),
    /** Progress on one of the seven resettlement pathways. */
    PATHWAY_UPDATE("pathway-update"),
    /** A clinical summary between health teams in custody and in the community. */
    HEALTH_SUMMARY("health-summary"),
    /** A release on temporary licence, planned or done. */
    ROTL_EVENT("rotl-event"),
    /** The plan for a child's release: date, address, gate collection, conditions, appointments. */
    RELEASE_NOTIFICATION("release-notification"),
    /** A move from one secure establishment to another. */
    TRANSFER("transfer"),
    /** The hand-over from the YOT to the Probation Service at 18. */
    TRANSITION_TO_ADULT_SERVICES("transition-to-adult-services");

    /** The schema version every type has today; the envelope's {@code schemaVersion} must equal it. */
    public static final int SCHEMA_VERSION = 1;

    private static final Map<String, RecordType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RecordType::code, Function.identity()));

    private final String code;

    RecordType(String code) {
        this.code = code;
    }

    /** The type as it appears in a record's {@code type} field, e.g. {@code release-notification}. */
    public String code() {
        return code;
    }

    /** The schema file, relative to the contracts folder, e.g. {@code schemas/records/transfer.v1.schema.json}. */
    public String schemaFile() {
        return "schemas/records/" + code + ".v" + SCHEMA_VERSION + ".schema.json";
    }

    /** The {@code $id} the schema file must declare, e.g. {@code urn:throughgate:schema:transfer:1}. */
    public String schemaId() {
        return "urn:throughgate:schema:" + code + ":" + SCHEMA_VERSION;
    }

    /** The type with this code, or empty when there is none (codes are case-sensitive). */
    public static Optional<RecordType> fromCode(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }
}
