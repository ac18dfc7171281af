package io.throughgate.exchange;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.throughgate.agreement.FieldAction;

/**
 * What happened to one field (all its array items together) of a record on its way to one recipient. Never holds
 * a value.
 *
 * @param field the field's JSON pointer, {@code *} for array items
 * @param outcome what was done: shared, pseudonymised, generalised, encrypted or withheld
 * @param reason why, when withheld (or the rule's own reason)
 * @param consentDecision the consent decision relied on, if the rule asked for consent
 */
public record FieldOutcome(String field, FieldAction outcome, Optional<String> reason, Optional<UUID> consentDecision) {

    public FieldOutcome {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(consentDecision, "consentDecision");
    }
}
