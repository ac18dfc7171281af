package io.throughgate.agreement;

import java.util.Arrays;
import java.util.Optional;

/** The UK GDPR Article 9(2) conditions the partnership's agreements rely on, with their W3C DPV terms. */
public enum Article9Condition {

    EXPLICIT_CONSENT("explicit-consent", "A9-2-a"),
    SUBSTANTIAL_PUBLIC_INTEREST("substantial-public-interest",
            "A9-2-g"),
    HEALTH_OR_SOCIAL_CARE("health-or-social-care",
            "A9-2-h"),
    RESEARCH_AND_STATISTICS("research-and-statistics", "A9-2-j");

    private final String code;
    private final String dpvTerm;

    Article9Condition(String code, String dpvTerm) {
        this.code = code;
        this.dpvTerm = dpvTerm;
    }

    /** The word used in agreement files. */
    public String code() {
        return code;
    }

    /** The DPV GDPR extension's term (prefix {@code dpv-gdpr:}). */
    public String dpvTerm() {
        return dpvTerm;
    }

    /** The condition with this code, or empty. */
    public static Optional<Article9Condition> fromCode(String code) {
        return Arrays.stream(values()).filter(condition -> condition.code.equals(code)).findFirst();
    }
}
