package io.throughgate.consent.policy;

import java.time.LocalDate;
import java.util.Optional;

import io.throughgate.consent.CompetenceAssessment;

/**
 * The facts a rule's conditions are checked against.
 *
 * @param lookedAfter whether the child is looked after by the local authority
 * @param competence the competence assessment given with the decision, if any
 * @param onDay the day of the decision
 */
record Circumstances(boolean lookedAfter, Optional<CompetenceAssessment> competence, LocalDate onDay) {

    /** The assessment that counts: one made on or before the day of the decision. */
    Optional<CompetenceAssessment> assessment() {
        return competence.filter(assessment -> !assessment.assessedOn().isAfter(onDay));
    }
}
