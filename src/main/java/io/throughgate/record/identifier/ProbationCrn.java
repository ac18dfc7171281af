package io.throughgate.record.identifier;

/**
 * The Probation Service case reference number (CRN, from nDelius): one letter and six digits, e.g. {@code X123456}
 * (pattern {@code ^[A-Z]\d{6}$}). It has no check character, so only the format is checked.
 */
public final class ProbationCrn {

    private static final int LENGTH = 7;

    private ProbationCrn() {
    }

    /** Whether the text has the probation CRN format. */
    public static boolean isValid(String text) {
        return text != null && text.length() == LENGTH && CheckCharacters.upperLetter(text, 0)
                && CheckCharacters.digits(text, 1, LENGTH);
    }
}
