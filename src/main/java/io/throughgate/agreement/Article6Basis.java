package io.throughgate.agreement;

import java.util.Arrays;
import java.util.Optional;

/** The lawful bases of UK GDPR Article 6(1), with their W3C DPV terms. */
public enum Article6Basis {

    CONSENT("consent", "A6-1-a"),
    CONTRACT("contract", "A6-1-b"),
    LEGAL_OBLIGATION("legal-obligation",
            "A6-1-c"),
    VITAL_INTERESTS("vital-interests", "A6-1-d"),
    PUBLIC_TASK("public-task",
            "A6-1-e"),
    LEGITIMATE_INTERESTS("legitimate-interests", "A6-1-f");

    private final String code;
    private final String dpvTerm;

    Article6Basis(String code, String dpvTerm) {
        this.code = code;
        this.dpvTerm = dpvTerm;
    }

    /** The word used in agreement files, e.g. {@code public-task}. */
    public String code() {
        return code;
    }

    /** The DPV GDPR extension's term, e.g. {@code A6-1-e} (prefix {@code dpv-gdpr:}). */
    public String dpvTerm() {
        return dpvTerm;
    }

    /** The basis with this code, or empty. */
    public static Optional<Article6Basis> fromCode(String code) {
        return Arrays.stream(values()).filter(basis -> basis.code.equals(code)).findFirst();
    }
}
