package io.throughgate.agreement;

import java.util.Objects;
import java.util.Optional;

/**
 * What a flow does with one field of a record type, as the gate would do it: the rule that covers the field (or
 * withhold, when a container rule may not cover it under the pinned schema) and the consent it asks for. Compared
 * between two versions of an agreement to say what a change would release, withhold or change in form.
 *
 * @param action what is done with the value
 * @param generalisation how it is generalised, for {@link FieldAction#GENERALISE}
 * @param consentPurpose the consent purpose the rule asks for, if any (never for a withheld field)
 */
public record FieldTreatment(FieldAction action, Optional<Generalisation> generalisation,
        Optional<String> consentPurpose) {

    /** Withheld. */
    public static final FieldTreatment WITHHELD = new FieldTreatment(FieldAction.WITHHOLD, Optional.empty(),
            Optional.empty());

    public FieldTreatment {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(generalisation, "generalisation");
        Objects.requireNonNull(consentPurpose, "consentPurpose");
    }

    /**
     * How a flow treats a field.
     *
     * @param flow the flow
     * @param pinned the record type's schema as the flow's agreement pins it
     * @param field the field's pointer, {@code *} for array items
     */
    public static FieldTreatment of(Flow flow, PinnedSchema pinned, String field) {
        FieldRule rule = flow.fields().ruleFor(field);
        if (rule.action() == FieldAction.WITHHOLD || pinned.refusal(rule, field).isPresent()) {
            return WITHHELD;
        }
        return new FieldTreatment(rule.action(), rule.generalisation(), rule.consentPurpose());
    }

    /** The treatment a sharing-log entry records, by its outcome code ({@code share}, {@code withhold}, ...). */
    public static FieldTreatment logged(String outcome, Optional<String> consentPurpose) {
        FieldAction action = FieldAction.fromCode(outcome).orElse(FieldAction.WITHHOLD);
        return action == FieldAction.WITHHOLD
                ? WITHHELD
                : new FieldTreatment(action, Optional.empty(),
                        consentPurpose);
    }

    /** Whether the field goes at all. */
    public boolean released() {
        return action != FieldAction.WITHHOLD;
    }

    /**
     * How much of the value the recipient learns: nothing (withheld), a pseudonym, a generalised value, or all of
     * it (shared, or encrypted for the recipient alone).
     */
    public int disclosure() {
        return switch (action) {
            case WITHHOLD -> 0;
            case PSEUDONYMISE -> 1;
            case GENERALISE -> 2;
            case SHARE, ENCRYPT -> 3;
        };
    }

    /** The form in the agreements' words, e.g. {@code generalise:year-month}; without the consent. */
    public String form() {
        return action.code() + generalisation.map(how -> ":" + how.code()).orElse("");
    }

    /** Whether the recipient would learn more of the field under this treatment than under another. */
    public boolean widens(FieldTreatment before) {
        return disclosure() > before.disclosure() || released() && before.consentPurpose().isPresent()
                && consentPurpose.isEmpty();
    }
}
