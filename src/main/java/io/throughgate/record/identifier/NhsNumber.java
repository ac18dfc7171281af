package io.throughgate.record.identifier;

import java.util.OptionalInt;

/**
 * The NHS number: ten digits, the tenth a modulus 11 check digit (NHS Data Dictionary, "NHS Number").
 *
 * <p>
 * The rule: multiply digits 1 to 9 by the weights 10 down to 2 and add the products; the check digit is 11 minus
 * the sum modulo 11. A result of 11 gives check digit 0; a result of 10 means the nine digits can never form a
 * valid NHS number. Only the canonical form is accepted: exactly ten ASCII digits, no spaces or dashes. Numbers
 * starting 999 are issued for testing and are valid by this rule.
 */
public final class NhsNumber {

    private static final int LENGTH = 10;

    private NhsNumber() {
    }

    /** Whether the text is ten digits whose last digit is the correct check digit. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != LENGTH || !CheckCharacters.digits(text, 0, LENGTH)) {
            return false;
        }
        OptionalInt check = checkDigit(text.substring(0, LENGTH - 1));
        return check.isPresent() && check.getAsInt() == text.charAt(LENGTH - 1) - '0';
    }

    /**
     * The check digit of nine digits, or empty when they can never form a valid NHS number (the rule gives 10).
     *
     * @throws IllegalArgumentException if the text is not nine ASCII digits
     */
    public static OptionalInt checkDigit(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != LENGTH - 1 || !CheckCharacters.digits(nineDigits, 0,
                LENGTH - 1)) {
            throw new IllegalArgumentException("an NHS number's check digit needs nine digits");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (nineDigits.charAt(i) - '0') * (LENGTH - i);
        }
        int check = 11 - sum % 11;
        return check == 10 ? OptionalInt.empty() : OptionalInt.of(check == 11 ? 0 : check);
    }
}
