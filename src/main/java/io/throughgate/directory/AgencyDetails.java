package io.throughgate.directory;

import java.util.Optional;

/**
 * Descriptive facts about an agency, shown to people and carried into reports; the hub's decisions do not
 * depend on them.
 *
 * @param borough the London borough a YOT serves
 * @param localAuthority the local authority's full name, e.g. "Royal Borough of Greenwich"
 * @param gssCode the borough's GSS code, E09000002 to E09000033
 * @param location where an establishment is
 * @param note a remark for operators, e.g. a planned closure
 */
public record AgencyDetails(
        Optional<String> borough,
        Optional<String> localAuthority,
        Optional<String> gssCode,
        Optional<String> location,
        Optional<String> note) {

    /** Details with nothing known. */
    public static AgencyDetails none() {
        return new AgencyDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
