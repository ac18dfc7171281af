package io.throughgate.consent.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.throughgate.consent.ConsentDecision;
import io.throughgate.directory.AgencyKind;

/**
 * A consent decision as the API shows it: the child only as the hub's pseudonym.
 *
 * @param id the decision's id
 * @param subjectPseudonym the child's hub-wide pseudonym (of the first identifier given)
 * @param purpose the purpose
 * @param scope what it covers; empty lists place no limit
 * @param decision permit or deny
 * @param validFrom the first day
 * @param validUntil the last day, if any
 * @param decidedBy who decided
 * @param recordedBy the agency that recorded it
 * @param evidenceReference where that agency keeps the evidence
 * @param recordedAt when the hub acknowledged it
 * @param status active, withdrawn, expired or not-yet-valid, today
 * @param withdrawal the withdrawal, if withdrawn
 */
@Schema(name = "ConsentDecision")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentDecisionView(String id, String subjectPseudonym, String purpose, Scope scope, String decision,
        LocalDate validFrom, LocalDate validUntil, DecidedBy decidedBy, String recordedBy, String evidenceReference,
        Instant recordedAt, @Schema(enumeration = {
                "active", "withdrawn", "expired", "not-yet-valid"}) String status,
        Withdrawal withdrawal){

    /** The scope. */
    public record Scope(List<String> recipients, List<String> recipientKinds, List<String> recordTypes) {
    }

    /** Who decided. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecidedBy(String role, String description, Competence competenceAssessment) {
    }

    /** The competence assessment. */
    public record Competence(String assessedBy, LocalDate assessedOn, String outcome) {
    }

    /** A withdrawal. */
    public record Withdrawal(Instant withdrawnAt, String withdrawnBy, String evidenceReference) {
    }

    public static ConsentDecisionView of(ConsentDecision decision, LocalDate today) {
        var decider = decision.decidedBy();
        return new ConsentDecisionView(decision.id().toString(), decision.subjectPseudonyms().isEmpty()
                ? null
                : decision.subjectPseudonyms().get(0), decision.purpose(),
                new Scope(decision.scope().recipients().stream().sorted().toList(),
                        decision.scope().recipientKinds().stream().map(AgencyKind::code).sorted().toList(),
                        decision.scope().recordTypes().stream().sorted().toList()),
                decision.provision().name().toLowerCase(), decision.validFrom(), decision.validUntil().orElse(null),
                new DecidedBy(decider.role().code(), decider.description().orElse(null), decider.competence()
                        .map(c -> new Competence(c.assessedBy(), c.assessedOn(), c.competent()
                                ? "competent"
                                : "not-competent"))
                        .orElse(null)),
                decision.recordedBy(), decision.evidenceReference(), decision.recordedAt(), status(decision, today),
                decision.withdrawal().map(w -> new Withdrawal(w.withdrawnAt(), w.withdrawnBy(), w
                        .evidenceReference())).orElse(null));
    }

    private static String status(ConsentDecision decision, LocalDate today) {
        if (decision.withdrawal().isPresent()) {
            return "withdrawn";
        }
        if (today.isBefore(decision.validFrom())) {
            return "not-yet-valid";
        }
        return decision.appliesOn(today) ? "active" : "expired";
    }
}
