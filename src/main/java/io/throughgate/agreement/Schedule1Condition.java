package io.throughgate.agreement;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Data Protection Act 2018 Schedule 1 conditions the partnership's agreements rely on for special category
 * and criminal offence data. DPV has no terms for them, so each has a local term in the {@code tg:} namespace.
 */
public enum Schedule1Condition {

    PARA_2("para-2-health-or-social-care", "Schedule 1 paragraph 2: health or social care purposes"),
    PARA_4(
            "para-4-research", "Schedule 1 paragraph 4: archiving, research and statistics"),
    PARA_6(
            "para-6-statutory-purposes", "Schedule 1 paragraph 6: statutory and government purposes"),
    PARA_10(
            "para-10-preventing-unlawful-acts",
            "Schedule 1 paragraph 10: preventing or detecting unlawful acts"),
    PARA_18(
            "para-18-safeguarding",
            "Schedule 1 paragraph 18: safeguarding of children and individuals at risk");

    private final String code;
    private final String description;

    Schedule1Condition(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The word used in agreement files, e.g. {@code para-18-safeguarding}. */
    public String code() {
        return code;
    }

    /** What the paragraph is, in words. */
    public String description() {
        return description;
    }

    /** The condition with this code, or empty. */
    public static Optional<Schedule1Condition> fromCode(String code) {
        return Arrays.stream(values()).filter(condition -> condition.code.equals(code)).findFirst();
    }
}
