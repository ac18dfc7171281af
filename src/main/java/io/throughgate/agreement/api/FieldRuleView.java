package io.throughgate.agreement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.throughgate.agreement.FieldRule;

/**
 * What happens to one field (or subtree of fields) on its way to a recipient.
 *
 * @param field the field's JSON pointer, {@code *} for array items
 * @param action {@code share}, {@code pseudonymise}, {@code generalise}, {@code encrypt} or {@code withhold}
 * @param generalisation how a generalised value is made less precise, e.g. {@code year-month}; absent otherwise
 * @param consentPurpose the purpose the child must have consented to for the field to go, if any
 * @param reason why the field is treated so, if the agreement says
 * @param rule the rule in the agreement's own words, e.g. {@code generalise:year-month (consent: evaluation)}
 */
@Schema(name = "FieldRule", description = "What happens to one field on its way to a recipient.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldRuleView(
        @Schema(examples = "/subject/dateOfBirth") String field,
        @Schema(description = "share, pseudonymise, generalise, encrypt or withhold") String action,
        @Schema(examples = "year-month") String generalisation,
        @Schema(examples = "evaluation") String consentPurpose,
        String reason,
        @Schema(examples = "generalise:year-month (consent: evaluation)") String rule) {

    /** The view of a rule, for the field the rule names. */
    public static FieldRuleView of(FieldRule rule) {
        return of(rule.field(), rule);
    }

    /** The view of the rule that applies to a field, which may be a rule on an enclosing object. */
    public static FieldRuleView of(String field, FieldRule rule) {
        return new FieldRuleView(field, rule.action().code(), rule.generalisation().map(g -> g.code()).orElse(null),
                rule.consentPurpose().orElse(null), rule.reason().orElse(null), rule.describe());
    }
}
