package io.throughgate.consent.policy;

import java.util.Arrays;
import java.util.Optional;

import io.throughgate.consent.CompetenceAssessment;

/** A condition on who may decide, as written in a rule's {@code when} list of {@code contracts/consent-policy.yaml}. */
public enum Condition {

    /** The child is looked after by the local authority. */
    LOOKED_AFTER("looked-after"),
    /** A competence assessment made on or before the day of the decision found the child competent (Gillick). */
    ASSESSED_COMPETENT("assessed-competent"),
    /** The child has not been assessed, or was assessed not competent, on or before the day of the decision. */
    NOT_ASSESSED_COMPETENT("not-assessed-competent");

    private final String code;

    Condition(String code) {
        this.code = code;
    }

    /** The word used in the policy file, e.g. {@code looked-after}. */
    public String code() {
        return code;
    }

    /** The condition with this code, or empty. */
    public static Optional<Condition> fromCode(String code) {
        return Arrays.stream(values()).filter(condition -> condition.code.equals(code)).findFirst();
    }

    /** Why the condition does not hold in these circumstances, in words for a refusal; empty when it holds. */
    Optional<String> unmetBecause(Circumstances facts) {
        Optional<CompetenceAssessment> assessment = facts.assessment();
        return switch (this) {
            case LOOKED_AFTER -> reason(!facts.lookedAfter(), "the child is not looked after by the local authority");
            case ASSESSED_COMPETENT -> {
                if (facts.competence().isEmpty()) {
                    yield Optional.of("no competence assessment was given");
                }
                if (assessment.isEmpty()) {
                    yield Optional.of("the competence assessment is dated after the decision");
                }
                yield reason(!assessment.get().competent(), "the child was assessed not competent to make it");
            }
            case NOT_ASSESSED_COMPETENT -> reason(assessment.filter(CompetenceAssessment::competent).isPresent(),
                    "the child was assessed competent, and a competent child's own decision stands");
        };
    }

    private static Optional<String> reason(boolean unmet, String because) {
        return unmet ? Optional.of(because) : Optional.empty();
    }
}
