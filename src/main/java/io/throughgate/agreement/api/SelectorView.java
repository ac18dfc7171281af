package io.throughgate.agreement.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.agreement.AgencySelector;
import io.throughgate.directory.AgencyKind;

/**
 * A set of agencies as an agreement writes it: by kind, by code, or both.
 *
 * @param kinds every agency of these kinds, by kind code, sorted
 * @param agencies these agencies by code, sorted
 */
@Schema(name = "AgencySelector", description = "Agencies named by kind, by code, or both, as written.")
public record SelectorView(
        @Schema(examples = "[\"yot\"]") List<String> kinds,
        @Schema(examples = "[\"ycs-placements\"]") List<String> agencies) {

    /** The view of a selector. */
    public static SelectorView of(AgencySelector selector) {
        return new SelectorView(selector.kinds().stream().map(AgencyKind::code).sorted().toList(),
                selector.agencies().stream().sorted().toList());
    }
}
