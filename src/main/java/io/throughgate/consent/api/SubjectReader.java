package io.throughgate.consent.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.api.Problem.Violation;
import io.throughgate.pseudonym.SubjectIdentifier;
import io.throughgate.record.identifier.CroNumber;
import io.throughgate.record.identifier.NhsNumber;
import io.throughgate.record.identifier.NomisNumber;
import io.throughgate.record.identifier.PncId;
import io.throughgate.record.identifier.ProbationCrn;
import io.throughgate.record.identifier.UniquePupilNumber;

/**
 * Checks the child named in a consent request: at least one identifier, each valid with its check characters, a
 * date of birth and whether the child is looked after. Identifiers are checked in their canonical form
 * ({@link SubjectIdentifier#canonical}), so {@code 999 526 0182} is the NHS number {@code 9995260182}. Reasons never
 * quote the values.
 */
public final class SubjectReader {

    private static final Map<String, Predicate<String>> IDENTIFIERS = Map.of("nhsNumber", NhsNumber::isValid,
            "pncId", PncId::isValid, "croNumber", CroNumber::isValid, "nomisNumber", NomisNumber::isValid,
            "probationCrn", ProbationCrn::isValid, "upn", UniquePupilNumber::isValid);
    private static final Set<String> OTHER = Set.of("localCaseId", "dateOfBirth", "lookedAfter");

    /** The earliest plausible date of birth of a child or young adult the hub exchanges records about. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1990, 1, 1);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private SubjectReader() {
    }

    /** Adds a violation for everything wrong with the subject at {@code /subject}. */
    static void check(JsonNode subject, List<Violation> violations) {
        checkIdentified(subject, violations);
        if (subject.isObject() && subject.path("dateOfBirth").isMissingNode()) {
            violations.add(new Violation("/subject/dateOfBirth", "is required, as a date such as 2010-03-14"));
        }
    }

    /**
     * Adds a violation for everything wrong with the subject at {@code /subject} when it is only looked up: at
     * least one valid identifier, no unknown field; the date of birth is optional.
     */
    public static void checkIdentified(JsonNode subject, List<Violation> violations) {
        if (!subject.isObject()) {
            violations.add(new Violation("/subject", "is required: the child's identifiers and date of birth"));
            return;
        }
        subject.fieldNames().forEachRemaining(field -> {
            if (!IDENTIFIERS.containsKey(field) && !OTHER.contains(field)) {
                violations.add(new Violation("/subject/" + field, "is not allowed (unknown field)"));
            }
        });
        boolean identified = false;
        for (Map.Entry<String, Predicate<String>> identifier : IDENTIFIERS.entrySet()) {
            JsonNode value = subject.path(identifier.getKey());
            if (value.isMissingNode()) {
                continue;
            }
            identified = true;
            String kind = SubjectIdentifier.kindOfField("/subject/" + identifier.getKey()).orElseThrow();
            if (!value.isTextual() || !identifier.getValue().test(SubjectIdentifier.canonical(kind, value.asText()))) {
                violations.add(new Violation("/subject/" + identifier.getKey(),
                        "must be a valid identifier of its kind (format and check characters)"));
            }
        }
        JsonNode local = subject.path("localCaseId");
        if (!local.isMissingNode()) {
            identified = true;
            if (!local.path("agency").isTextual() || !local.path("id").isTextual() || local.path("id").asText()
                    .isBlank() || local.size() != 2) {
                violations.add(new Violation("/subject/localCaseId", "must be an object with agency and id"));
            }
        }
        if (!identified) {
            violations.add(new Violation("/subject", "must name the child by at least one identifier"));
        }
        LocalDate born = dateOfBirth(subject);
        if (!subject.path("dateOfBirth").isMissingNode() && born == null) {
            violations.add(new Violation("/subject/dateOfBirth", "must be a date such as 2010-03-14"));
        } else if (born != null && (born.isBefore(EARLIEST_BIRTH) || born.isAfter(LocalDate.now(LONDON)))) {
            violations.add(new Violation("/subject/dateOfBirth", "must be a date from " + EARLIEST_BIRTH
                    + " to today"));
        }
        if (!subject.path("lookedAfter").isMissingNode() && !subject.path("lookedAfter").isBoolean()) {
            violations.add(new Violation("/subject/lookedAfter", "must be true or false"));
        }
    }

    /** The date of birth, or null when absent or malformed. */
    static LocalDate dateOfBirth(JsonNode subject) {
        try {
            return subject.path("dateOfBirth").isTextual()
                    ? LocalDate.parse(subject.path("dateOfBirth").asText())
                    : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
