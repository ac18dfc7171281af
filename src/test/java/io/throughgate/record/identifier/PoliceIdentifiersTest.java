package io.throughgate.record.identifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** PNC IDs and CRO numbers share the modulo 23 check letter; the valid values were computed with the rule. */
class PoliceIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"2022/0456789U", "22/0456789U", "2023/0012345T", "2021/0198765T", "2024/0007312M",
            "2019/0345678A", "2020/0000001E", "1922/0456789U"})
    void acceptsPncIdsWithTheCorrectCheckLetter(String pncId) {
        assertTrue(PncId.isValid(pncId));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2022/0456789V, wrong check letter",
            "22/0456789T, wrong check letter in the short form",
            "2023/0012345Z, check letter Z (remainder 0) where T (remainder 17) is due",
            "2022/456789U, six-digit serial",
            "2022/00456789U, eight-digit serial",
            "022/0456789U, three-digit year",
            "2022/0456789u, lower-case check letter",
            "2022-0456789U, dash instead of slash",
            "20A2/0456789U, letter in the year",
            "2022/04567B9U, letter in the serial",
            "2022/04567890, digit as check character",
            "'2022/0456789U ', trailing space"})
    void rejectsMalformedPncIds(String pncId, String why) {
        assertFalse(PncId.isValid(pncId), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345/19R", "456789/21W", "123456/22J", "098765/20H", "SF 19/012345R", "SF 22/123456J"})
    void acceptsCroNumbersWithTheCorrectCheckLetter(String croNumber) {
        assertTrue(CroNumber.isValid(croNumber));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "012345/19S, wrong check letter",
            "SF 19/012345S, wrong check letter in the SF form",
            "12345/19R, five-digit serial",
            "0123456/19R, seven-digit serial",
            "012345/199R, three-digit year",
            "012345/19r, lower-case check letter",
            "012345-19R, dash instead of slash",
            "SF19/012345R, no space after SF",
            "SF  19/012345R, two spaces after SF",
            "sf 19/012345R, lower-case SF",
            "SF 19/12345R, five-digit serial in the SF form",
            "19/012345R, SF form without SF"})
    void rejectsMalformedCroNumbers(String croNumber, String why) {
        assertFalse(CroNumber.isValid(croNumber), why);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNullAndEmpty(String text) {
        assertFalse(PncId.isValid(text));
        assertFalse(CroNumber.isValid(text));
    }

    @Test
    void usesZForRemainderZero() {
        // Year 23 and serial 0000000 read as 230000000 = 23 x 10^7: remainder 0.
        assertEquals('Z', CheckCharacters.policeCheck("23", "0000000"));
        assertTrue(PncId.isValid("23/0000000Z"));
    }
}
