package io.throughgate.ingest;

/**
 * Checks that bytes are well-formed UTF-8 (Unicode 15, section 3.9, table 3-7), without decoding them. Jackson's
 * own decoder lets overlong forms ({@code C0 AF}), encoded surrogates ({@code ED A0 80}) and code points above
 * U+10FFFF through, so records are checked here first. Allocation-free, and about as fast as a copy.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    /**
     * The index of the first byte of the first ill-formed sequence in {@code bytes[from, to)}, or -1 when every
     * sequence is well-formed. A sequence cut short by {@code to} is ill-formed.
     */
    static int firstMalformed(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int lead = bytes[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xFF;
            // Table 3-7: the lead byte fixes the length and the range of the second byte; later bytes are 80..BF.
            int trailing;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                trailing = 1;
            } else if (lead == 0xE0) {
                trailing = 2;
                secondMin = 0xA0; // below: overlong
            } else if (lead == 0xED) {
                trailing = 2;
                secondMax = 0x9F; // above: surrogates D800..DFFF
            } else if (lead >= 0xE1 && lead <= 0xEF) {
                trailing = 2;
            } else if (lead == 0xF0) {
                trailing = 3;
                secondMin = 0x90; // below: overlong
            } else if (lead >= 0xF1 && lead <= 0xF3) {
                trailing = 3;
            } else if (lead == 0xF4) {
                trailing = 3;
                secondMax = 0x8F; // above: beyond U+10FFFF
            } else {
                return i; // 80..C1 (continuation or overlong lead) and F5..FF never start a sequence
            }
            if (i + trailing >= to) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return i;
            }
            for (int k = 2; k <= trailing; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += trailing + 1;
        }
        return -1;
    }

    /**
     * Whether a decoded string holds a surrogate that is not half of a pair: a JSON escape of a lone surrogate (for
     * example backslash, {@code u}, {@code D800}) makes one although the bytes are well-formed.
     */
    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isLowSurrogate(c) || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }
}
