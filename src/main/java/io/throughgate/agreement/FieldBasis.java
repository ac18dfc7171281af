package io.throughgate.agreement;

import java.util.List;

/**
 * The conditions a field rule names for special-category or criminal offence data: the UK GDPR Article 9(2)
 * condition and the DPA 2018 Schedule 1 condition the sharing of that one field rests on. A change that widens the
 * sharing of such a field must name them ({@link AgreementChanges}).
 *
 * @param article9 the Article 9(2) conditions, as codes of {@link Article9Condition}
 * @param schedule1 the Schedule 1 conditions, as codes of {@link Schedule1Condition}
 */
public record FieldBasis(List<String> article9, List<String> schedule1) {

    /** A rule that names no condition of its own. */
    public static final FieldBasis NONE = new FieldBasis(List.of(), List.of());

    public FieldBasis {
        article9 = List.copyOf(article9);
        schedule1 = List.copyOf(schedule1);
    }

    /** Whether the rule names no condition. */
    public boolean isEmpty() {
        return article9.isEmpty() && schedule1.isEmpty();
    }

    /**
     * Whether the conditions are enough for a field of a category: special-category data needs an Article 9
     * condition and, unless it is explicit consent, a Schedule 1 condition (DPA 2018 s10); criminal offence data
     * needs a Schedule 1 condition (s10(5)).
     *
     * @param specialCategory true for special-category data, false for criminal offence data
     */
    public boolean suffices(boolean specialCategory) {
        if (!specialCategory) {
            return !schedule1.isEmpty();
        }
        return !article9.isEmpty()
                && (!schedule1.isEmpty() || article9.equals(List.of(Article9Condition.EXPLICIT_CONSENT.code())));
    }
}
