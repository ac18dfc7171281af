package io.throughgate.record.identifier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one canonical form of each kind of identifier of a child, so that a child has one pseudonym however a partner
 * or a person typed the identifier. Applied before an identifier is checked and before it is pseudonymised, for
 * consent decisions, look-ups and records alike:
 * <ol>
 * <li>Unicode NFKC (Unicode Standard Annex #15): full-width digits and letters become ASCII, a no-break space a
 * space;</li>
 * <li>every white space, separator and invisible format character removed (NHS numbers are often written
 * {@code 999 526 0182});</li>
 * <li>upper case;</li>
 * <li>per kind: a CRO number's fingerprint form keeps its one space ({@code SF 19/012345R}); a PNC ID drops the
 * century of a four-digit year ({@code 2022/0456789U} and {@code 22/0456789U} name the same person).</li>
 * </ol>
 */
public final class CanonicalIdentifier {

    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\p{Z}\\p{Cf}]+");
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}/.*");

    private CanonicalIdentifier() {
    }

    /**
     * The canonical form.
     *
     * @param kind the identifier's kind, e.g. {@code nhs-number}, {@code cro-number}, {@code pnc-id}
     * @param value the identifier as given
     */
    public static String of(String kind, String value) {
        String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC);
        String compact = INVISIBLE.matcher(normalised).replaceAll("").toUpperCase(Locale.ROOT);
        if (kind.equals("cro-number") && compact.startsWith("SF")) {
            return "SF " + compact.substring(2);
        }
        if (kind.equals("pnc-id") && FOUR_DIGIT_YEAR.matcher(compact).matches()) {
            return compact.substring(2);
        }
        return compact;
    }
}
