package io.throughgate.record.identifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** NHS numbers starting 999 are reserved for testing; every valid one here was computed with the modulus 11 rule. */
class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9995260182", "9991590838", "9990166137", "9993909963", "9998219930", "9997601890"})
    void acceptsTenDigitsWithTheCorrectCheckDigit(String number) {
        assertTrue(NhsNumber.isValid(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9990000050"})
    void acceptsCheckDigitZeroWhenElevenMinusRemainderIsEleven(String number) {
        assertTrue(NhsNumber.isValid(number));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "9995260183, wrong check digit",
            "9995260181, wrong check digit",
            "9990000051, check digit 1 where 0 is due",
            "9995260812, two digits swapped",
            "999526018, nine digits",
            "99952601820, eleven digits",
            "999526018A, letter as check digit",
            "99952A0182, letter among the digits",
            "'999 526 0182', spaces between the groups",
            "999-526-0182, dashes between the groups",
            "' 9995260182', leading space",
            "'9995260182 ', trailing space",
            "９９９５２６０１８２, full-width digits"})
    void rejectsMalformedNumbers(String number, String why) {
        assertFalse(NhsNumber.isValid(number), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999378650", "9999378651", "9999378655", "9999378659", "9997975430", "9997975439"})
    void rejectsEveryNumberWhoseCheckComputesToTen(String number) {
        assertFalse(NhsNumber.isValid(number));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNullAndEmpty(String number) {
        assertFalse(NhsNumber.isValid(number));
    }
}
