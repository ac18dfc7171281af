package io.throughgate.consent;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event of the consent registry, as written to the {@code tg.consent-events} topic (key: the decision id). Every
 * hub replica applies the events in order to its own view, so all answer alike.
 *
 * @param type what happened
 * @param decisionId the decision concerned
 * @param decision the decision, for {@link Type#RECORDED}
 * @param withdrawal the withdrawal, for {@link Type#WITHDRAWN}
 */
public record ConsentEvent(Type type, UUID decisionId, Optional<ConsentDecision> decision,
        Optional<ConsentDecision.Withdrawal> withdrawal) {

    /** What happened to a decision. */
    public enum Type {
        RECORDED,
        WITHDRAWN
    }

    public ConsentEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decisionId, "decisionId");
        if ((type == Type.RECORDED) != decision.isPresent() || (type == Type.WITHDRAWN) != withdrawal.isPresent()) {
            throw new IllegalArgumentException("a " + type + " event carries exactly its own part");
        }
    }

    /** A decision was recorded. */
    public static ConsentEvent recorded(ConsentDecision decision) {
        return new ConsentEvent(Type.RECORDED, decision.id(), Optional.of(decision), Optional.empty());
    }

    /** A decision was withdrawn. */
    public static ConsentEvent withdrawn(UUID decisionId, ConsentDecision.Withdrawal withdrawal) {
        return new ConsentEvent(Type.WITHDRAWN, decisionId, Optional.empty(), Optional.of(withdrawal));
    }
}
