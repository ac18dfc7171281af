package io.throughgate.consent.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.api.Problem.Violation;
import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.consent.Provision;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.record.RecordType;
import io.throughgate.record.schema.ControlCharacters;

/** Reads a consent request, reporting every violation by JSON pointer; reasons never quote the values. */
final class ConsentRequestReader {

    private static final Set<String> FIELDS = Set.of("subject", "purpose", "scope", "decision", "validFrom",
            "validUntil", "decidedBy", "evidenceReference");
    private static final int MAX_TEXT = 200;

    private final AgencyDirectory directory;
    private final PurposeCatalog purposes;
    private final List<Violation> violations = new ArrayList<>();

    ConsentRequestReader(AgencyDirectory directory, PurposeCatalog purposes) {
        this.directory = directory;
        this.purposes = purposes;
    }

    /** The request, or empty with {@link #violations()} saying why. */
    Optional<ConsentRequest> read(JsonNode body) {
        if (!body.isObject()) {
            violations.add(new Violation("", "must be a JSON object"));
            return Optional.empty();
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                violations.add(new Violation("/" + field, "is not allowed (unknown field)"));
            }
        });
        SubjectReader.check(body.path("subject"), violations);
        String purpose = text(body, "purpose", "/purpose");
        if (purpose != null && purposes.find(purpose).filter(p -> p.consentable()).isEmpty()) {
            violations.add(new Violation("/purpose", "must be a purpose that takes consent, from purposes.yaml"));
        }
        ConsentScope scope = scope(body.path("scope"));
        String decision = text(body, "decision", "/decision");
        if (decision != null && !decision.equals("permit") && !decision.equals("deny")) {
            violations.add(new Violation("/decision", "must be permit or deny"));
        }
        LocalDate validFrom = date(body.path("validFrom"), "/validFrom", true);
        LocalDate validUntil = date(body.path("validUntil"), "/validUntil", false);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            violations.add(new Violation("/validUntil", "must not be before validFrom"));
        }
        Decider decider = decider(body.path("decidedBy"));
        String evidence = text(body, "evidenceReference", "/evidenceReference");
        if (!violations.isEmpty()) {
            return Optional.empty();
        }
        JsonNode subject = body.path("subject");
        return Optional.of(new ConsentRequest(subject, SubjectReader.dateOfBirth(subject), subject.path("lookedAfter")
                .asBoolean(false), purpose, scope, decision.equals("permit") ? Provision.PERMIT : Provision.DENY,
                validFrom, Optional.ofNullable(validUntil), decider, evidence));
    }

    /** Everything wrong with the request. */
    List<Violation> violations() {
        return violations;
    }

    private ConsentScope scope(JsonNode scope) {
        Set<String> recipients = new HashSet<>();
        Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
        Set<String> types = new HashSet<>();
        if (scope.isMissingNode()) {
            return new ConsentScope(recipients, kinds, types);
        }
        if (!scope.isObject()) {
            violations.add(new Violation("/scope", "must be an object"));
            return new ConsentScope(recipients, kinds, types);
        }
        scope.fieldNames().forEachRemaining(field -> {
            if (!Set.of("recipients", "recipientKinds", "recordTypes").contains(field)) {
                violations.add(new Violation("/scope/" + field, "is not allowed (unknown field)"));
            }
        });
        each(scope.path("recipients"), "/scope/recipients", code -> directory.find(code).isPresent(),
                "must be an agency of the directory", recipients::add);
        each(scope.path("recipientKinds"), "/scope/recipientKinds", code -> AgencyKind.fromCode(code).isPresent(),
                "must be an agency kind such as health or yot", code -> kinds.add(AgencyKind.fromCode(code)
                        .orElseThrow()));
        each(scope.path("recordTypes"), "/scope/recordTypes", code -> RecordType.fromCode(code).isPresent(),
                "must be a record type", types::add);
        return new ConsentScope(recipients, kinds, types);
    }

    private void each(JsonNode array, String pointer, java.util.function.Predicate<String> valid, String reason,
            java.util.function.Consumer<String> add) {
        if (array.isMissingNode()) {
            return;
        }
        if (!array.isArray() || array.size() > 100) {
            violations.add(new Violation(pointer, "must be a list of at most 100 values"));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual() && valid.test(array.get(i).asText())) {
                add.accept(array.get(i).asText());
            } else {
                violations.add(new Violation(pointer + "/" + i, reason));
            }
        }
    }

    private Decider decider(JsonNode decidedBy) {
        if (!decidedBy.isObject()) {
            violations.add(new Violation("/decidedBy", "is required: who decided"));
            return null;
        }
        Optional<DeciderRole> role = Optional.ofNullable(text(decidedBy, "role", "/decidedBy/role"))
                .flatMap(DeciderRole::fromCode);
        if (role.isEmpty() && decidedBy.path("role").isTextual()) {
            violations.add(new Violation("/decidedBy/role", "must be child, parental-responsibility or "
                    + "local-authority"));
        }
        Optional<String> description = decidedBy.path("description").isMissingNode()
                ? Optional.empty()
                : Optional.ofNullable(text(decidedBy, "description", "/decidedBy/description"));
        Optional<CompetenceAssessment> competence = Optional.empty();
        JsonNode assessment = decidedBy.path("competenceAssessment");
        if (!assessment.isMissingNode()) {
            String by = text(assessment, "assessedBy", "/decidedBy/competenceAssessment/assessedBy");
            LocalDate on = date(assessment.path("assessedOn"), "/decidedBy/competenceAssessment/assessedOn", true);
            String outcome = text(assessment, "outcome", "/decidedBy/competenceAssessment/outcome");
            if (outcome != null && !outcome.equals("competent") && !outcome.equals("not-competent")) {
                violations.add(new Violation("/decidedBy/competenceAssessment/outcome",
                        "must be competent or not-competent"));
            }
            if (by != null && on != null && outcome != null) {
                competence = Optional.of(new CompetenceAssessment(by, on, outcome.equals("competent")));
            }
        }
        Optional<CompetenceAssessment> assessed = competence;
        return role.map(r -> new Decider(r, description, assessed)).orElse(null);
    }

    private String text(JsonNode node, String field, String pointer) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_TEXT) {
            violations.add(new Violation(pointer, "is required, as text of at most " + MAX_TEXT + " characters"));
            return null;
        }
        if (ControlCharacters.in(value.asText())) {
            violations.add(new Violation(pointer, "must not contain control characters (U+0000 to U+001F)"));
            return null;
        }
        return value.asText().strip();
    }

    private LocalDate date(JsonNode value, String pointer, boolean required) {
        if (value.isMissingNode() && !required) {
            return null;
        }
        try {
            if (value.isTextual()) {
                LocalDate date = LocalDate.parse(value.asText());
                if (!date.isBefore(SubjectReader.EARLIEST_BIRTH) && date.getYear() < 2100) {
                    return date;
                }
                violations.add(new Violation(pointer, "must be a date from " + SubjectReader.EARLIEST_BIRTH
                        + " to 2099-12-31"));
                return null;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(new Violation(pointer, "must be a date such as 2026-11-01"));
        return null;
    }
}
