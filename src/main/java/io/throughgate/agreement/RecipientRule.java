package io.throughgate.agreement;

import java.util.Optional;

/**
 * How one recipient of a flow is chosen: a fixed agency, or the agency a record names in a routing field (the
 * supervising YOT, the establishment holding the child), restricted to the kinds the agreement allows.
 *
 * @param agency a fixed recipient, e.g. {@code ycs-placements}
 * @param field the JSON pointer of a routing field whose value is an agency code, e.g. {@code /body/supervisingYot}
 * @param allowed the agencies the routing field may name; a record naming any other goes nowhere by this rule
 */
public record RecipientRule(Optional<String> agency, Optional<String> field, AgencySelector allowed) {

    public RecipientRule {
        if (agency.isPresent() == field.isPresent()) {
            throw new IllegalArgumentException("a recipient is either a fixed agency or a routing field");
        }
    }

    /** How the rule reads in a matrix: the agency code, or the routing field and allowed kinds. */
    public String describe() {
        return agency.orElseGet(() -> "agency named at " + field.orElseThrow()
                + (allowed.isEmpty() ? "" : " (" + describeAllowed() + ")"));
    }

    private String describeAllowed() {
        return String.join(", ", allowed.kinds().stream().map(kind -> kind.code()).sorted().toList())
                + (allowed.agencies().isEmpty()
                        ? ""
                        : ", " + String.join(", ", allowed.agencies().stream().sorted()
                                .toList()));
    }
}
