package io.throughgate.sharinglog.checkpoint;

import java.util.Objects;

/** The text rules of the C2SP signed-note format (c2sp.org/signed-note, "Format") shared by the note types. */
final class NoteText {

    /** The signature line's first character: U+2014 EM DASH, followed by a space. */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    private NoteText() {
    }

    /**
     * Checks a key name: "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or plus (U+002B)
     * characters", and, as note text, no control character.
     *
     * @throws IllegalArgumentException quoting the name and saying what is wrong
     */
    static String requireKeyName(String keyName) {
        Objects.requireNonNull(keyName, "keyName");
        if (keyName.isEmpty()) {
            throw new IllegalArgumentException("keyName must not be empty");
        }
        keyName.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '+' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("keyName '" + keyName + "' must contain no space, plus sign or "
                        + "control character (C2SP signed-note), found U+" + String.format("%04X", c));
            }
        });
        return keyName;
    }

    /**
     * Checks a line of note text: "Signed notes ... MUST NOT contain any ASCII control characters (those below
     * U+0020) other than newline"; a line holds no newline either.
     *
     * @throws IllegalArgumentException naming the value and the character
     */
    static String requireLine(String line, String name) {
        Objects.requireNonNull(line, name);
        line.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException(name + " '" + line.replace("\n", "\\n") + "' must be one line "
                        + "without control characters, found U+" + String.format("%04X", c));
            }
        });
        return line;
    }
}
