package io.throughgate.record.identifier;

/**
 * The Unique Pupil Number (UPN) of the Department for Education's "Unique Pupil Numbers (UPNs)" guidance: thirteen
 * characters, a check letter followed by the three-digit local authority number, the four-digit school (DfE)
 * number, the two-digit year of allocation and a three-digit serial, e.g. {@code P202400112001} (Camden, LA 202).
 *
 * <p>
 * The rule: multiply the values of characters 2 to 13 by the weights 2 to 13 and add the products; the check letter
 * is {@code ABCDEFGHJKLMNPQRTUVWXYZ} at the sum modulo 23 (remainder 0 is A).
 *
 * <p>
 * Temporary UPNs, whose thirteenth character is a letter, are not accepted: a temporary number is replaced by a
 * permanent one and must not travel between agencies as if it identified the child.
 */
public final class UniquePupilNumber {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final int LENGTH = 13;

    private UniquePupilNumber() {
    }

    /** Whether the text is a permanent UPN with the correct check letter. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH || !CheckCharacters.upperLetter(text, 0)
                || !CheckCharacters.digits(text, 1, LENGTH)) {
            return false;
        }
        int sum = 0;
        for (int position = 2; position <= LENGTH; position++) {
            sum += (text.charAt(position - 1) - '0') * position;
        }
        return ALPHABET.charAt(sum % 23) == text.charAt(0);
    }
}
