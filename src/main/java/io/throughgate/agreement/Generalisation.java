package io.throughgate.agreement;

import java.util.Arrays;
import java.util.Optional;

/** How a generalised field is made less precise. */
public enum Generalisation {

    /** A date or date of birth to its year and month, e.g. {@code 2009-04}. */
    YEAR_MONTH("year-month"),
    /** A date to its year, e.g. {@code 2009}. */
    YEAR("year"),
    /** A UK address or postcode to its postcode district (the outward code), e.g. {@code NW1}. */
    POSTCODE_DISTRICT("postcode-district");

    private final String code;

    Generalisation(String code) {
        this.code = code;
    }

    /** The word used in agreement files, e.g. {@code year-month}. */
    public String code() {
        return code;
    }

    /** The generalisation with this code, or empty. */
    public static Optional<Generalisation> fromCode(String code) {
        return Arrays.stream(values()).filter(generalisation -> generalisation.code.equals(code)).findFirst();
    }
}
