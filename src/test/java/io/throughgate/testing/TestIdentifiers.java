package io.throughgate.testing;

import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

import io.throughgate.record.identifier.NhsNumber;

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
            OptionalInt check = NhsNumber.checkDigit(first);
            if (check.isPresent()) {
                return first + check.getAsInt();
            }
        }
    }
}
