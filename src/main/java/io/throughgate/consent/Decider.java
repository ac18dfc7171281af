package io.throughgate.consent;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a consent decision.
 *
 * @param role the decider's role
 * @param description who they are, e.g. "mother" or "London Borough of Camden children's services"; never the
 *        child's name
 * @param competence the child's competence assessment, when one was made
 */
public record Decider(DeciderRole role, Optional<String> description, Optional<CompetenceAssessment> competence) {

    public Decider {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(competence, "competence");
    }
}
