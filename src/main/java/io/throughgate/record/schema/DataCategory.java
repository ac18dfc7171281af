package io.throughgate.record.schema;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of data the law protects beyond ordinary personal data, as a record schema marks them on a field with
 * the annotation {@value #KEYWORD}: the special categories of UK GDPR Article 9(1) that children's records carry,
 * and criminal offence data (Article 10, DPA 2018 section 11(2)). Such a field, and everything beneath it, leaves
 * the hub only under a rule of its own: a rule on a container above it never covers it.
 */
public enum DataCategory {

    /** Data concerning health (Article 9(1)), substance misuse and CAMHS referrals included. */
    HEALTH("health", "special-category data (health)"),
    /** Racial or ethnic origin (Article 9(1)). */
    RACIAL_OR_ETHNIC_ORIGIN("racial-or-ethnic-origin", "special-category data (racial or ethnic origin)"),
    /** Religious or philosophical beliefs (Article 9(1)). */
    RELIGIOUS_BELIEF("religious-belief", "special-category data (religious or philosophical beliefs)"),
    /** Sex life or sexual orientation (Article 9(1)). */
    SEX_LIFE_OR_ORIENTATION("sex-life-or-orientation", "special-category data (sex life or sexual orientation)"),
    /** Criminal convictions and offences, and the sentences and conditions that follow them (Article 10). */
    CRIMINAL_OFFENCE("criminal-offence", "criminal offence data");

    /** The schema annotation that marks a field, e.g. {@code "x-throughgate-category": "health"}. */
    public static final String KEYWORD = "x-throughgate-category";

    private final String code;
    private final String description;

    DataCategory(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The annotation's value, e.g. {@code health}. */
    public String code() {
        return code;
    }

    /** How a receipt or a linter problem names it, e.g. "special-category data (health)". */
    public String description() {
        return description;
    }

    /** The category with this code, or empty. */
    public static Optional<DataCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(category -> category.code.equals(code)).findFirst();
    }
}
