package io.throughgate.consent;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The assessment of whether a child under 16 understands the decision well enough to make it (Gillick competence).
 *
 * @param assessedBy the practitioner who assessed, by role and name
 * @param assessedOn the day of the assessment
 * @param competent whether the child was assessed competent
 */
public record CompetenceAssessment(String assessedBy, LocalDate assessedOn, boolean competent) {

    public CompetenceAssessment {
        Objects.requireNonNull(assessedBy, "assessedBy");
        Objects.requireNonNull(assessedOn, "assessedOn");
    }
}
