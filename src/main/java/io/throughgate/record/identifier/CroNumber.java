package io.throughgate.record.identifier;

/**
 * The Criminal Records Office number: {@code NNNNNN/YYL} (e.g. {@code 012345/19R}: a six-digit serial, a two-digit
 * year and a check letter) or the "SF" (fingerprint) form {@code SF YY/NNNNNNL} (e.g. {@code SF 19/012345R}).
 *
 * <p>
 * The rule, the same for both forms: read the two-digit year followed by the six-digit serial as one number; the
 * check letter is {@code ZABCDEFGHJKLMNPQRTUVWXY} at that number modulo 23. Letters must be upper case, and the SF
 * form has exactly one space after {@code SF}.
 */
public final class CroNumber {

    private static final String SF_PREFIX = "SF ";
    private static final int LENGTH = 10;

    private CroNumber() {
    }

    /** Whether the text is a CRO number, in either form, with the correct check letter. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        return text.startsWith(SF_PREFIX) ? isValidSfForm(text) : isValidSerialForm(text);
    }

    /** {@code NNNNNN/YYL}. */
    private static boolean isValidSerialForm(String text) {
        if (text.length() != LENGTH || text.charAt(6) != '/' || !CheckCharacters.digits(text, 0, 6)
                || !CheckCharacters.digits(text, 7, 9)) {
            return false;
        }
        return CheckCharacters.policeCheck(text.substring(7, 9), text.substring(0, 6)) == text.charAt(9);
    }

    /** {@code SF YY/NNNNNNL}. */
    private static boolean isValidSfForm(String text) {
        if (text.length() != SF_PREFIX.length() + LENGTH || text.charAt(5) != '/'
                || !CheckCharacters.digits(text, 3, 5) || !CheckCharacters.digits(text, 6, 12)) {
            return false;
        }
        return CheckCharacters.policeCheck(text.substring(3, 5), text.substring(6, 12)) == text.charAt(12);
    }
}
