package io.throughgate.record.identifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** UPNs (computed with the DfE modulo 23 rule; London LA numbers), NOMIS numbers and probation CRNs. */
class SchoolAndCustodyIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"P202400112001", "M210400214017", "L306400512033", "A316541009042", "J204612315088",
            "G208401013005"})
    void acceptsPermanentUpnsWithTheCorrectCheckLetter(String upn) {
        assertTrue(UniquePupilNumber.isValid(upn));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Q202400112001, wrong check letter",
            "B316541009042, wrong check letter where remainder 0 (A) is due",
            "P20240011200, twelve characters",
            "P2024001120011, fourteen characters",
            "p202400112001, lower-case check letter",
            "2202400112001, digit as check character",
            "P20240011200A, temporary UPN (letter in position 13)",
            "P2024O0112001, letter O among the digits",
            "I202400112001, I is not in the alphabet"})
    void rejectsMalformedAndTemporaryUpns(String upn, String why) {
        assertFalse(UniquePupilNumber.isValid(upn), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1234BC", "G5821KX", "Z0000ZZ"})
    void acceptsNomisNumbersInTheirFormat(String number) {
        assertTrue(NomisNumber.isValid(number));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "A123BC, three digits",
            "A12345BC, five digits",
            "a1234BC, lower-case first letter",
            "A1234bc, lower-case last letters",
            "11234BC, digit first",
            "A1234B1, digit last",
            "'A1234BC ', trailing space"})
    void rejectsMalformedNomisNumbers(String number, String why) {
        assertFalse(NomisNumber.isValid(number), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X123456", "D004512", "N991234"})
    void acceptsProbationCrnsInTheirFormat(String crn) {
        assertTrue(ProbationCrn.isValid(crn));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "X12345, five digits",
            "X1234567, seven digits",
            "x123456, lower-case letter",
            "1123456, digit first",
            "XX23456, two letters"})
    void rejectsMalformedProbationCrns(String crn, String why) {
        assertFalse(ProbationCrn.isValid(crn), why);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNullAndEmpty(String text) {
        assertFalse(UniquePupilNumber.isValid(text));
        assertFalse(NomisNumber.isValid(text));
        assertFalse(ProbationCrn.isValid(text));
    }
}
