package io.throughgate.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identifiers for test children, so that each test's child is its own. */
public final class TestIdentifiers {

    private TestIdentifiers() {
    }

    /**
     * A valid NHS number in the 999 range NHS England keeps for testing: nine digits, then the modulus 11 check
     * digit (weights 10 down to 2; 11 becomes 0; 10 is never issued, so another number is drawn).
     */
    public static String nhsNumber() {
        while (true) {
            String first = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return first + (check == 11 ? 0 : check);
            }
        }
    }
}
