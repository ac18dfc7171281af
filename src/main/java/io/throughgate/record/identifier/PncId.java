package io.throughgate.record.identifier;

/**
 * The Police National Computer ID: {@code YYYY/NNNNNNNL} (e.g. {@code 2022/0456789U}) or its short form
 * {@code YY/NNNNNNNL} ({@code 22/0456789U}); the year is when the record was created, the serial has seven digits
 * and {@code L} is a check letter.
 *
 * <p>
 * The rule: read the two-digit year followed by the seven-digit serial as one number (for the long form, the last
 * two digits of the year); the check letter is {@code ZABCDEFGHJKLMNPQRTUVWXY} at that number modulo 23. Letters
 * must be upper case.
 */
public final class PncId {

    private static final int SERIAL_DIGITS = 7;

    private PncId() {
    }

    /** Whether the text is a PNC ID, long or short form, with the correct check letter. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        int slash = text.indexOf('/');
        if (slash != 4 && slash != 2) {
            return false;
        }
        if (text.length() != slash + 1 + SERIAL_DIGITS + 1 || !CheckCharacters.digits(text, 0, slash)
                || !CheckCharacters.digits(text, slash + 1, text.length() - 1)) {
            return false;
        }
        String year = text.substring(slash - 2, slash);
        String serial = text.substring(slash + 1, text.length() - 1);
        return CheckCharacters.policeCheck(year, serial) == text.charAt(text.length() - 1);
    }
}
