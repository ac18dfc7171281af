package io.throughgate.agreement;

import java.util.Objects;
import java.util.Optional;

/**
 * The rule for one field (or one subtree of fields) of a record for the recipients of one flow.
 *
 * @param field the JSON pointer the rule covers; {@code *} stands for any array index, and a rule on an object
 *        covers every field beneath it unless a more specific rule says otherwise
 * @param action what is done with the value
 * @param generalisation how the value is generalised, present exactly when the action is {@link FieldAction#GENERALISE}
 * @param consentPurpose the consent purpose the child (or whoever may decide) must have permitted, if any
 * @param reason why a field is withheld or treated so, for the receipt and the sharing log
 * @param basis the conditions the rule names for special-category or criminal offence data, if any
 */
public record FieldRule(String field, FieldAction action, Optional<Generalisation> generalisation,
        Optional<String> consentPurpose, Optional<String> reason, FieldBasis basis) {

    /** A rule that names no condition of its own. */
    public FieldRule(String field, FieldAction action, Optional<Generalisation> generalisation,
            Optional<String> consentPurpose, Optional<String> reason) {
        this(field, action, generalisation, consentPurpose, reason, FieldBasis.NONE);
    }

    public FieldRule {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(generalisation, "generalisation");
        Objects.requireNonNull(consentPurpose, "consentPurpose");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(basis, "basis");
        if (generalisation.isPresent() != (action == FieldAction.GENERALISE)) {
            throw new IllegalArgumentException("field " + field + ": a generalisation goes with generalise only");
        }
    }

    /** The rule for a field no agreement names: withhold. */
    public static FieldRule notNamed(String field) {
        return new FieldRule(field, FieldAction.WITHHOLD, Optional.empty(), Optional.empty(),
                Optional.of("not named in the agreement"));
    }

    /** The rule as written in agreement files and shown in matrices, e.g. {@code generalise:year-month}. */
    public String describe() {
        return action.code() + generalisation.map(g -> ":" + g.code()).orElse("")
                + consentPurpose.map(purpose -> " (consent: " + purpose + ")").orElse("");
    }
}
