package io.throughgate.pseudonym;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.record.identifier.CanonicalIdentifier;

/**
 * One identifier of a child, in canonical form, as taken from a record's {@code subject} (already validated by the
 * record schema, check characters included).
 *
 * @param kind e.g. {@code nhs-number}, {@code pnc-id}, {@code local-case-id}
 * @param value the canonical value, e.g. a PNC ID in its short form {@code 22/0456789U}
 */
public record SubjectIdentifier(String kind, String value) {

    /** The subject fields that identify a child, with their kinds, in order of preference. */
    private static final List<String[]> FIELDS = List.of(new String[]{"nhsNumber", "nhs-number"},
            new String[]{"nomisNumber", "nomis-number"}, new String[]{"pncId", "pnc-id"},
            new String[]{"croNumber", "cro-number"}, new String[]{"probationCrn", "probation-crn"},
            new String[]{"upn", "upn"});

    public SubjectIdentifier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The identifiers of a subject, most widely shared first (NHS number, NOMIS number, PNC ID, CRO number, CRN,
     * UPN, then the local case id).
     */
    public static List<SubjectIdentifier> of(JsonNode subject) {
        List<SubjectIdentifier> identifiers = new ArrayList<>();
        for (String[] field : FIELDS) {
            JsonNode value = subject.path(field[0]);
            if (value.isTextual()) {
                identifiers.add(new SubjectIdentifier(field[1], canonical(field[1], value.asText())));
            }
        }
        JsonNode local = subject.path("localCaseId");
        if (local.path("agency").isTextual() && local.path("id").isTextual()) {
            identifiers.add(new SubjectIdentifier("local-case-id", local.path("agency").asText().strip() + "/"
                    + canonical("local-case-id", local.path("id").asText())));
        }
        return identifiers;
    }

    /**
     * The kind of identifier a record field holds, for a subject identifier field (e.g. {@code /subject/pncId} gives
     * {@code pnc-id}); empty for any other field.
     */
    public static Optional<String> kindOfField(String pointer) {
        return FIELDS.stream().filter(field -> pointer.equals("/subject/" + field[0])).map(field -> field[1])
                .findFirst();
    }

    /** The JSON pointer of the subject field this identifier comes from, e.g. {@code /subject/nhsNumber}. */
    public String pointer() {
        return FIELDS.stream().filter(field -> field[1].equals(kind)).map(field -> "/subject/" + field[0])
                .findFirst().orElse("/subject/localCaseId");
    }

    /** The canonical form of an identifier of a kind (see {@link CanonicalIdentifier}). */
    public static String canonical(String kind, String value) {
        return CanonicalIdentifier.of(kind, value);
    }
}
