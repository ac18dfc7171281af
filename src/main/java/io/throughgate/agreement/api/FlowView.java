package io.throughgate.agreement.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.throughgate.agreement.Flow;
import io.throughgate.agreement.RecipientRule;

/**
 * One flow of an agreement as written: which record types go from whom to whom, for what, and the field rules.
 *
 * @param id the flow's id, unique in its agreement
 * @param recordTypes the record types it carries, sorted
 * @param senders the agencies that may send them
 * @param recipients how the recipients are chosen
 * @param purpose the purpose of the flow
 * @param fields the field rules in file order; a field they do not cover is withheld
 */
@Schema(name = "Flow", description = "One flow of an agreement as written.")
public record FlowView(
        @Schema(examples = "release-to-supervising-yot") String id,
        @Schema(examples = "[\"release-notification\"]") List<String> recordTypes,
        SelectorView senders,
        List<Recipient> recipients,
        @Schema(examples = "direct-care-resettlement") String purpose,
        List<FieldRuleView> fields) {

    /**
     * How one recipient of a flow is chosen: a fixed agency, or the agency a record names in a routing field.
     *
     * @param agency the fixed recipient, absent for a routing field
     * @param field the routing field's JSON pointer, absent for a fixed recipient
     * @param allowed the agencies the routing field may name
     * @param description the rule in words, as the field matrix shows it
     */
    @Schema(name = "RecipientRule", description = "How one recipient of a flow is chosen.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(
            @Schema(examples = "ycs-placements") String agency,
            @Schema(examples = "/body/supervisingYot") String field,
            SelectorView allowed,
            @Schema(examples = "agency named at /body/supervisingYot (yot)") String description) {

        /** The view of a recipient rule. */
        public static Recipient of(RecipientRule rule) {
            return new Recipient(rule.agency().orElse(null), rule.field().orElse(null),
                    SelectorView.of(rule.allowed()), rule.describe());
        }
    }

    /** The view of a flow. */
    public static FlowView of(Flow flow) {
        return new FlowView(flow.id(), flow.recordTypes().stream().sorted().toList(), SelectorView.of(flow.senders()),
                flow.recipients().stream().map(Recipient::of).toList(), flow.purpose(),
                flow.fields().rules().stream().map(FieldRuleView::of).toList());
    }
}
