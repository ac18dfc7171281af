package io.throughgate.record.schema;

/**
 * The one rule on control characters (U+0000 to U+001F) in text a partner sends: none in names, codes and references;
 * tabs and line breaks only in narrative free text. A control character could break a recipient's log, CSV or screen.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether the text holds any control character. */
    public static boolean in(String text) {
        return text.chars().anyMatch(c -> c < 0x20);
    }

    /** Whether narrative text holds a control character other than a tab or a line break. */
    public static boolean inNarrative(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    }
}
