package io.throughgate.record.identifier;

/** Small helpers shared by the identifier rules; not part of the public API. */
final class CheckCharacters {

    /**
     * The 23-letter alphabet of the PNC ID and CRO number check character, indexed by the remainder modulo 23 (so
     * remainder 0 is Z). It leaves out I, O and S, which are easily confused with 1, 0 and 5.
     */
    static final String POLICE_ALPHABET = "ZABCDEFGHJKLMNPQRTUVWXY";

    private CheckCharacters() {
    }

    /** Whether {@code text[from, to)} is all ASCII digits. */
    static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the character at {@code index} is an ASCII upper-case letter. */
    static boolean upperLetter(String text, int index) {
        char c = text.charAt(index);
        return c >= 'A' && c <= 'Z';
    }

    /**
     * The police check character for a year and serial read as one decimal number ("2-digit year followed by the
     * serial"): {@code POLICE_ALPHABET[number mod 23]}. The caller has checked both parts are digits.
     *
     * @param year the two-digit year
     * @param serial the serial, with its leading zeros
     */
    static char policeCheck(CharSequence year, CharSequence serial) {
        long number = Long.parseLong(year.toString() + serial);
        return POLICE_ALPHABET.charAt((int) (number % 23));
    }
}
