package io.throughgate.ingest;

import static io.throughgate.ingest.ParseResults.accepted;
import static io.throughgate.ingest.ParseResults.assertMalformed;
import static io.throughgate.ingest.ParseResults.utf8;
import static io.throughgate.ingest.ParseResults.withBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser reads strict UTF-8 only. Jackson alone accepts overlong forms, encoded surrogates and code points
 * beyond U+10FFFF (checked on 2.20.1), so every ill-formed kind is tried here, inside a value and inside a name.
 */
class RecordParserUtf8Test {

    private static final RecordParser PARSER = new RecordParser();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "C0 AF, overlong slash",
            "C1 BF, overlong two-byte form",
            "E0 80 AF, overlong three-byte form",
            "E0 9F BF, overlong three-byte form just below U+0800",
            "F0 80 80 AF, overlong four-byte form",
            "F0 8F BF BF, overlong four-byte form just below U+10000",
            "80, lone continuation byte",
            "BF, lone continuation byte",
            "E2 82, three-byte sequence cut short",
            "F0 9F 98, four-byte sequence cut short",
            "C2 41, lead byte followed by ASCII",
            "ED A0 80, high surrogate D800",
            "ED BF BF, low surrogate DFFF",
            "ED A0 BD ED B8 80, surrogate pair encoded one half at a time (CESU-8)",
            "F4 90 80 80, code point above U+10FFFF",
            "F5 80 80 80, lead byte F5",
            "F8 88 80 80 80, five-byte form",
            "FE, byte FE",
            "FF, byte FF"})
    void refusesIllFormedUtf8InAValue(String hex, String kind) {
        assertMalformed(PARSER.parse(withBytes("{\"name\":\"x", hex, "y\"}")),
                "The record is not valid UTF-8 (line 1, column 11).");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"C0 AF", "80", "E2 82", "ED A0 80", "F4 90 80 80"})
    void refusesIllFormedUtf8InAFieldName(String hex) {
        assertMalformed(PARSER.parse(withBytes("{\"", hex, "\": 1}")),
                "The record is not valid UTF-8 (line 1, column 3).");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"E2 82", "F0 9F 98", "C3"})
    void refusesASequenceCutShortByTheEndOfTheBody(String hex) {
        assertMalformed(PARSER.parse(withBytes("{\"a\": 1}", hex, "")),
                "The record is not valid UTF-8 (line 1, column 9).");
    }

    @Test
    void namesTheLineAndColumnOfTheFirstIllFormedByte() {
        assertMalformed(PARSER.parse(withBytes("{\n\"a\": 1,\r\n\"b\": \"", "ED A0 80 C0 AF", "\"}")),
                "The record is not valid UTF-8 (line 3, column 7).");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "C2 80, U+0080",
            "C3 A9, e acute",
            "DF BF, U+07FF",
            "E0 A0 80, U+0800",
            "E2 82 AC, euro sign",
            "ED 9F BF, U+D7FF just below the surrogates",
            "EE 80 80, U+E000 just above the surrogates",
            "EF BF BD, replacement character",
            "EF BF BF, U+FFFF",
            "F0 90 80 80, U+10000",
            "F0 9F 98 80, emoji",
            "F4 8F BF BF, U+10FFFF"})
    void acceptsWellFormedUtf8(String hex, String what) {
        String expected = new String(HexFormat.ofDelimiter(" ").parseHex(hex), StandardCharsets.UTF_8);
        assertEquals("x" + expected + "y", accepted(PARSER.parse(withBytes("{\"name\":\"x", hex, "y\"}"))).get("name")
                .textValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\ud800", "\\udc00", "a\\ud800b", "\\ud800\\ud800", "\\udc00\\ud800", "\\ud83d"})
    void refusesEscapesOfUnpairedSurrogatesInAValue(String escaped) {
        assertMalformed(PARSER.parse(utf8("{\"subject\": {\"name\": \"" + escaped + "\"}}")),
                "The value contains an unpaired surrogate escape.", "/subject/name");
    }

    @Test
    void refusesEscapesOfUnpairedSurrogatesInAFieldNameNamingItsObject() {
        assertMalformed(PARSER.parse(utf8("{\"subject\": {\"a\\udc00\": 1}}")),
                "A field name in this object contains an unpaired surrogate escape.", "/subject");
    }

    @Test
    void acceptsEscapesOfASurrogatePair() {
        assertEquals("\uD83D\uDE00", accepted(PARSER.parse(utf8("{\"a\": \"\\ud83d\\ude00\"}"))).get("a").textValue());
    }
}
