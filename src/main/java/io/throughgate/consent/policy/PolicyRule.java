package io.throughgate.consent.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of the consent policy: who may decide for a child whose age on the day of the decision is in a band.
 *
 * @param id the rule's id, named in every decision it allows and every refusal, e.g. {@code under-sixteen}
 * @param fromAge the youngest age it covers, in whole years
 * @param toAge the oldest age it covers, or empty when it covers every age from {@code fromAge} on
 * @param says the rule in one plain sentence, read back in refusals
 * @param mayDecide who may decide, and when; anyone not listed may not
 */
public record PolicyRule(String id, int fromAge, Optional<Integer> toAge, String says,
        List<AllowedDecider> mayDecide) {

    public PolicyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(toAge, "toAge");
        Objects.requireNonNull(says, "says");
        mayDecide = List.copyOf(mayDecide);
        if (fromAge < 0 || toAge.filter(to -> to < fromAge).isPresent()) {
            throw new IllegalArgumentException("rule " + id + ": ages " + fromAge + " to " + toAge.orElse(null)
                    + " are not a band of ages");
        }
    }

    /** Whether the rule covers a child of this age. */
    public boolean covers(int age) {
        return age >= fromAge && toAge.map(to -> age <= to).orElse(true);
    }
}
