package io.throughgate.ingest;

import static io.throughgate.ingest.ParseResults.accepted;
import static io.throughgate.ingest.ParseResults.assertMalformed;
import static io.throughgate.ingest.ParseResults.refused;
import static io.throughgate.ingest.ParseResults.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;

/** The parser's limits, each tried at its boundary: size, nesting, strings, numbers and field names. */
class RecordParserLimitsTest {

    private static final RecordParser PARSER = new RecordParser();

    @Test
    void acceptsARecordOfExactlyTheDefaultMaximumSize() {
        accepted(PARSER.parse(padded(RecordParser.DEFAULT_MAX_RECORD_BYTES)));
    }

    @Test
    void refusesARecordOneByteOverTheDefaultMaximumSizeAsTooLarge() {
        assertEquals(Failure.of(ErrorCode.RECORD_TOO_LARGE, "The record is larger than 262144 bytes."),
                refused(PARSER.parse(padded(RecordParser.DEFAULT_MAX_RECORD_BYTES + 1))));
    }

    @Test
    void appliesAConfiguredMaximumSize() {
        RecordParser small = new RecordParser(64, 1024);
        accepted(small.parse(padded(64)));
        assertEquals(Failure.of(ErrorCode.RECORD_TOO_LARGE, "The record is larger than 64 bytes."),
                refused(small.parse(padded(65))));
    }

    @Test
    void refusesTooLargeBeforeLookingAtTheContent() {
        byte[] garbage = new byte[65];
        assertEquals(ErrorCode.RECORD_TOO_LARGE, refused(new RecordParser(64, 64).parse(garbage)).code());
    }

    @Test
    void acceptsObjectsNestedThirtyTwoDeep() {
        accepted(PARSER.parse(utf8(nestedObjects(32))));
    }

    @Test
    void refusesObjectsNestedThirtyThreeDeepNamingTheField() {
        assertMalformed(PARSER.parse(utf8(nestedObjects(33))),
                "The record nests objects and arrays more than 32 levels deep.", "/a".repeat(32));
    }

    @Test
    void countsArraysAsLevelsOfNesting() {
        accepted(PARSER.parse(utf8("{\"a\": " + "[".repeat(31) + "]".repeat(31) + "}")));
        assertMalformed(PARSER.parse(utf8("{\"a\": " + "[".repeat(32) + "]".repeat(32) + "}")),
                "The record nests objects and arrays more than 32 levels deep.", "/a" + "/0".repeat(31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "\u00e9", "\u20ac"})
    void acceptsAStringOfTenThousandCharacters(String character) {
        String value = character.repeat(10_000);
        assertEquals(value, accepted(PARSER.parse(utf8("{\"notes\": \"" + value + "\"}"))).get("notes").textValue());
    }

    @Test
    void refusesAStringOfTenThousandAndOneCharactersNamingIt() {
        assertMalformed(PARSER.parse(utf8("{\"body\": {\"notes\": \"" + "x".repeat(10_001) + "\"}}")),
                "The value is longer than 10000 characters.", "/body/notes");
        assertMalformed(PARSER.parse(utf8("{\"lines\": [\"a\", \"" + "\u00e9".repeat(10_001) + "\"]}")),
                "The value is longer than 10000 characters.", "/lines/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901234567890", "-12345678901234567890", "99999999999999999999",
            "1.2345678901234567890", "1234567890.123456789e1", "1e-400", "-0.0"})
    void acceptsNumbersOfUpToTwentyDigits(String number) {
        accepted(PARSER.parse(utf8("{\"n\": " + number + "}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678901", "-123456789012345678901", "1.23456789012345678901",
            "12345678901234567890e1", "100000000000000000000000000000000000000000000000000000000000000000000000000000"})
    void refusesNumbersOfMoreThanTwentyDigitsNamingThem(String number) {
        assertMalformed(PARSER.parse(utf8("{\"body\": {\"scores\": [1, " + number + "]}}")),
                "The number has more than 20 digits.", "/body/scores/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1.7976931348623159e308"})
    void refusesNumbersBeyondTheRangeOfADoubleNamingThem(String number) {
        assertMalformed(PARSER.parse(utf8("{\"n\": " + number + "}")), "The number is too large.", "/n");
    }

    @Test
    void acceptsAFieldNameOfAThousandCharacters() {
        accepted(PARSER.parse(utf8("{\"o\": {\"" + "k".repeat(1_000) + "\": 1}}")));
    }

    @Test
    void refusesAFieldNameOfAThousandAndOneCharactersNamingItsObject() {
        assertMalformed(PARSER.parse(utf8("{\"o\": {\"" + "k".repeat(1_001) + "\": 1}}")),
                "A field name in this object is longer than 1000 characters.", "/o");
    }

    @ParameterizedTest
    @CsvSource({"0, 10", "10, 9"})
    void refusesLimitsThatMakeNoSense(int record, int batch) {
        assertThrows(IllegalArgumentException.class, () -> new RecordParser(record, batch));
    }

    /** A valid record of exactly {@code size} bytes: an object padded with spaces. */
    static byte[] padded(int size) {
        return utf8("{\"a\": 1}" + " ".repeat(size - 8));
    }

    private static String nestedObjects(int depth) {
        return "{\"a\": ".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }
}
