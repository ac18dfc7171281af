package io.throughgate.ingest;

import static io.throughgate.ingest.ParseResults.accepted;
import static io.throughgate.ingest.ParseResults.assertMalformed;
import static io.throughgate.ingest.ParseResults.utf8;
import static io.throughgate.ingest.ParseResults.withBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What the parser accepts as a record, and how it refuses text that is not one JSON object. */
class RecordParserSyntaxTest {

    private static final RecordParser PARSER = new RecordParser();

    @Test
    void readsARecordIntoTheTreeJacksonWouldBuild() throws Exception {
        String json = """
                {"recordId": "0b7e4a7c-3c55-4c4e-9a51-0a4c7c1b2f10", "type": "transfer", "schemaVersion": 1,
                 "subject": {"name": {"given": "Amara", "family": "Okafor"}, "dateOfBirth": "2009-05-02"},
                 "body": {"scores": [1, -2, 3.25, 12345678901234567890, 0.1e-3], "flags": [true, false, null],
                          "notes": "Caf\\u00e9 \\ud83d\\ude00 \u00e9", "empty": {}, "none": []}}
                """;
        assertEquals(new ObjectMapper().readTree(json), accepted(PARSER.parse(utf8(json))));
    }

    @Test
    void ignoresAByteOrderMarkAtTheStart() {
        assertEquals("b", accepted(PARSER.parse(withBytes("", "EF BB BF", "{\"a\": \"b\"}"))).get("a").textValue());
    }

    /** Jackson names where it noticed the problem: the character, or the end of an unknown word. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\": tru}                 | 1 | 11",
            "{\"a\": 1,}                  | 1 | 9",
            "{\"a\" 1}                    | 1 | 6",
            "{'a': 1}                     | 1 | 2",
            "{\"a\": 01}                  | 1 | 8",
            "{\"a\": NaN}                 | 1 | 10",
            "{\"a\": -Infinity}           | 1 | 16",
            "{\"a\": \"open               | 1 | 12",
            "{\"a\": 1                    | 1 | 8",
            "{/* comment */ \"a\": 1}     | 1 | 2",
            "{\"a\": [1 2]}               | 1 | 10"})
    void refusesTextThatIsNotJsonNamingLineAndColumn(String json, int line, int column) {
        assertMalformed(PARSER.parse(utf8(json.strip())), "The record is not valid JSON (line " + line + ", column "
                + column + ").");
    }

    @Test
    void countsLinesAndColumnsInRecordsSpreadOverLines() {
        assertMalformed(PARSER.parse(utf8("{\n  \"a\": 1,\r\n  \"b\": tru\n}")),
                "The record is not valid JSON (line 3, column 12).");
    }

    @Test
    void refusesAControlCharacterInsideAString() {
        assertMalformed(PARSER.parse(utf8("{\"a\": \"tab\there\"}")),
                "The record is not valid JSON (line 1, column 11).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}x          | 4",
            "{} {}        | 4",
            "{}}          | 3",
            "{\"a\": 1} 2 | 10",
            "{} []        | 4"})
    void refusesContentAfterTheRecord(String json, int column) {
        assertMalformed(PARSER.parse(utf8(json.strip())), "The record has content after its end (line 1, column "
                + column + ").");
    }

    @Test
    void acceptsWhitespaceAfterTheRecord() {
        accepted(PARSER.parse(utf8("{\"a\": 1}\r\n\t \n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"a\": 1}]", "\"text\"", "42", "-1.5", "true", "null"})
    void refusesAnythingButAnObjectAtTheTop(String json) {
        assertMalformed(PARSER.parse(utf8(json)), "The record must be a JSON object (line 1, column 1).");
    }

    @Test
    void namesWhereTheTopValueStartsAfterWhitespace() {
        assertMalformed(PARSER.parse(utf8("\n  [1]")), "The record must be a JSON object (line 2, column 3).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r\n\t "})
    void refusesAnEmptyBody(String body) {
        assertMalformed(PARSER.parse(utf8(body)), "The record is empty.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\": 1, \"a\": 2}                           | /a",
            "{\"a\": 1, \"b\": 2, \"c\": 3, \"a\": 4}       | /a",
            "{\"a\": {\"b\": 1, \"c\": 2, \"b\": {}}}       | /a/b",
            "{\"a\": [{\"x\": 1}, {\"x\": 1, \"x\": 1}]}    | /a/1/x",
            "{\"a~b/c\": 1, \"a~b/c\": 2}                   | /a~0b~1c",
            "{\"a\": {\"b\": {\"c\": {\"d\": 1, \"d\": 1}}}} | /a/b/c/d"})
    void refusesAKeyGivenTwiceInOneObjectNamingIt(String json, String pointer) {
        assertMalformed(PARSER.parse(utf8(json.strip())), "The field appears more than once in its object.", pointer);
    }

    @Test
    void acceptsTheSameKeyInDifferentObjects() {
        accepted(PARSER.parse(utf8("{\"a\": 1, \"b\": {\"a\": 2}, \"c\": [{\"a\": 3}, {\"a\": 4}]}")));
    }

    @Test
    void refusesUtf16WhichJacksonWouldOtherwiseDetect() {
        assertMalformed(PARSER.parse("{\"a\": 1}".getBytes(StandardCharsets.UTF_16LE)),
                "The record is not valid JSON (line 1, column 2).");
        assertMalformed(PARSER.parse("{\"a\": 1}".getBytes(StandardCharsets.UTF_16BE)),
                "The record is not valid JSON (line 1, column 1).");
    }

    @Test
    void refusesARawNulCharacter() {
        assertMalformed(PARSER.parse(withBytes("{\"a\": \"", "00", "\"}")),
                "The record is not valid JSON (line 1, column 8).");
    }
}
