package io.throughgate.agreement;

import java.util.Set;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyKind;

/**
 * A set of agencies named by kind, by code, or both: {@code kinds: [yot]} is every YOT.
 *
 * @param kinds every agency of these kinds
 * @param agencies these agencies by code
 */
public record AgencySelector(Set<AgencyKind> kinds, Set<String> agencies) {

    public AgencySelector {
        kinds = Set.copyOf(kinds);
        agencies = Set.copyOf(agencies);
    }

    /** Whether the agency is in the set. */
    public boolean includes(Agency agency) {
        return kinds.contains(agency.kind()) || agencies.contains(agency.code());
    }

    /** Whether the set names nothing. */
    public boolean isEmpty() {
        return kinds.isEmpty() && agencies.isEmpty();
    }
}
