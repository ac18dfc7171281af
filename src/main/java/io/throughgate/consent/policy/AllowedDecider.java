package io.throughgate.consent.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.throughgate.consent.DeciderRole;

/**
 * One entry of a rule's {@code mayDecide} list: a role that may decide, when all its conditions hold.
 *
 * @param role who may decide
 * @param when the conditions that must all hold; empty when the role may always decide under the rule
 */
public record AllowedDecider(DeciderRole role, List<Condition> when) {

    public AllowedDecider {
        Objects.requireNonNull(role, "role");
        when = List.copyOf(when);
    }

    /** Why this entry does not allow a decision in these circumstances; empty when it does. */
    Optional<String> unmetBecause(Circumstances facts) {
        return when.stream().map(condition -> condition.unmetBecause(facts)).flatMap(Optional::stream).findFirst();
    }
}
