package io.throughgate.replay;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.throughgate.agreement.AgreementChanges;
import io.throughgate.disclosure.DisclosureRule;

/**
 * What a draft agreement would have changed over a period of the sharing log, fit for a DPIA annex: for each flow
 * and recipient, the fields newly released, newly withheld or changing form, consent now needed or no longer needed,
 * and recipients gained or lost, each with the deliveries and distinct children it applies to, small numbers
 * suppressed and the rest rounded; and the draft's changes rule by rule.
 *
 * @param agreementId the agreement
 * @param draftVersion the draft's version
 * @param inForceVersion the version in force it is compared with, null for a new agreement
 * @param from the period's first day
 * @param to the period's last day
 * @param records how many records of the period the replay read (that the DPO may see), protected as the counts
 * @param protection the small-number rule the counts are published under
 * @param changes what would have changed, by flow, recipient, kind and field
 * @param unresolved recipient rules whose routing field the log does not know, with the records they could not be
 *        resolved for: the replay cannot say where those would have gone
 * @param ruleChanges the draft's changes rule by rule, as {@code lint-contracts --compare} prints them
 * @param refusals widenings of special-category or criminal offence data whose rule names no condition
 */
@Schema(name = "AgreementReplay", description = "What a draft agreement would have changed over a period of the "
        + "sharing log.")
public record ReplayReport(
        @Schema(examples = "london-resettlement-direct-care") String agreementId,
        @Schema(examples = "4") int draftVersion,
        @Schema(examples = "3") Integer inForceVersion,
        LocalDate from,
        LocalDate to,
        Count records,
        Protection protection,
        List<Row> changes,
        List<Unresolved> unresolved,
        List<String> ruleChanges,
        List<String> refusals) {

    /**
     * A published count: the count rounded, or suppressed when small.
     *
     * @param value the rounded count, null when suppressed
     * @param suppressed whether it is suppressed
     */
    @Schema(name = "ReplayCount", description = "A count rounded, or suppressed (value null) when from 1 to the rule's "
            + "suppressTo.")
    public record Count(Integer value, boolean suppressed) {

        /** A true count published under a rule. */
        public static Count of(int count, DisclosureRule rule) {
            return rule.small(count) ? new Count(null, true) : new Count(rule.round(count), false);
        }

        /** The count in words: the number, or "[c]" when suppressed. */
        public String text() {
            return suppressed ? "[c]" : String.valueOf(value);
        }
    }

    /**
     * The rule the counts are published under (contracts/disclosure.yaml, table {@code agreement-replay}).
     *
     * @param suppressTo counts from 1 to this are suppressed
     * @param roundTo other counts are rounded to the nearest multiple of this
     */
    @Schema(name = "ReplayProtection", description = "The small-number rule of the replay's counts.")
    public record Protection(int suppressTo, int roundTo) {
    }

    /**
     * One change for one flow and recipient.
     *
     * @param kind what would change
     * @param description the change in words, e.g. "newly released"
     * @param flow the flow
     * @param recipient the recipient agency's code
     * @param field the field, for a field change
     * @param before what went, null when nothing did
     * @param after what would go, null when nothing would
     * @param deliveries the deliveries (record and recipient) it applies to
     * @param children the distinct children it applies to
     * @param recordIds the records whose delivery it applies to, only when asked for ({@code records=true}); the
     *        sharing log gives each one's entries
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReplayChange", description = "One change for one flow and recipient, with its counts.")
    public record Row(AgreementChanges.Kind kind, String description, String flow, String recipient, String field,
            String before, String after, Count deliveries, Count children, List<String> recordIds) {
    }

    /**
     * A recipient rule the replay could not resolve for some records.
     *
     * @param rule the flow and rule, e.g. "release: agency named at /body/supervisingYot (yot)"
     * @param records the records it could not be resolved for
     */
    @Schema(name = "ReplayUnresolved", description = "A recipient rule whose routing field the sharing log does not "
            + "know for some records.")
    public record Unresolved(String rule, Count records) {
    }

    /** The unresolved rules, counted under a rule. */
    static List<Unresolved> unresolved(Map<String, Integer> counts, DisclosureRule rule) {
        return counts.entrySet().stream().map(entry -> new Unresolved(entry.getKey(), Count.of(entry.getValue(),
                rule))).toList();
    }
}
