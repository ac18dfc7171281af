package io.throughgate.record.identifier;

/**
 * The NOMIS prison number given to a person in custody in England and Wales: one letter, four digits, two letters,
 * e.g. {@code A1234BC} (pattern {@code ^[A-Z]\d{4}[A-Z]{2}$}). It has no check character, so only the format is
 * checked.
 */
public final class NomisNumber {

    private static final int LENGTH = 7;

    private NomisNumber() {
    }

    /** Whether the text has the NOMIS prison number format. */
    public static boolean isValid(String text) {
        return text != null && text.length() == LENGTH && CheckCharacters.upperLetter(text, 0)
                && CheckCharacters.digits(text, 1, 5) && CheckCharacters.upperLetter(text, 5)
                && CheckCharacters.upperLetter(text, 6);
    }
}
