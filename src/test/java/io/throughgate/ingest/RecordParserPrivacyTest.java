package io.throughgate.ingest;

import static io.throughgate.ingest.ParseResults.accepted;
import static io.throughgate.ingest.ParseResults.refused;
import static io.throughgate.ingest.ParseResults.utf8;
import static io.throughgate.ingest.ParseResults.withBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.throughgate.failure.Failure;

/**
 * No refusal repeats the record: each kind of refusal is provoked by a body full of a marker value, and neither the
 * message nor the pointer may hold the marker, part of it, or any character outside ASCII (so no byte of the
 * marker's non-ASCII part either).
 */
class RecordParserPrivacyTest {

    private static final String MARKER = "Ωμέγα-ZQXJV-隐私";
    private static final String PLAIN_PART = "ZQXJV";
    private static final RecordParser PARSER = new RecordParser(4_096, 65_536);

    static Stream<Arguments> hostileBodies() {
        String m = MARKER;
        return Stream.of(
                Arguments.of("too large", utf8("{\"name\": \"" + m.repeat(400) + "\"}")),
                Arguments.of("ill-formed UTF-8", withBytes("{\"name\": \"" + m, "C0 AF", m + "\"}")),
                Arguments.of("encoded surrogate", withBytes("{\"name\": \"" + m, "ED A0 80", m + "\"}")),
                Arguments.of("unquoted word", utf8("{\"name\": " + PLAIN_PART + "}")),
                Arguments.of("two strings", utf8("{\"name\": \"" + m + "\" \"" + m + "\"}")),
                Arguments.of("unterminated string", utf8("{\"name\": \"" + m)),
                Arguments.of("control character", utf8("{\"name\": \"" + m + "\t" + m + "\"}")),
                Arguments.of("trailing word", utf8("{\"name\": \"" + m + "\"} " + PLAIN_PART)),
                Arguments.of("trailing object", utf8("{} {\"name\": \"" + m + "\"}")),
                Arguments.of("array at the top", utf8("[\"" + m + "\"]")),
                Arguments.of("string at the top", utf8("\"" + m + "\"")),
                Arguments.of("duplicate key", utf8("{\"name\": \"" + m + "\", \"name\": \"" + m + "\"}")),
                Arguments.of("too deep", utf8("{\"a\": ".repeat(40) + "\"" + m + "\"" + "}".repeat(40))),
                Arguments.of("long string", utf8("{\"name\": \"" + (m + " ").repeat(700) + "\"}")),
                Arguments.of("long number", utf8("{\"n\": 314159265358979323846264338327950288}")),
                Arguments.of("unpaired surrogate", utf8("{\"name\": \"" + m + "\\ud800" + m + "\"}")),
                Arguments.of("NUL", withBytes("{\"", "00", m + "\"}")),
                Arguments.of("escape", utf8("{\"name\": \"" + m + "\\q" + m + "\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void refusesWithoutRepeatingAnyOfTheRecord(String kind, byte[] body) {
        assertSafe(refused(PARSER.parse(body)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void refusesBatchLinesWithoutRepeatingAnyOfTheRecord(String kind, byte[] body) {
        List<ParsedLine> lines = accepted(PARSER.parseLines(body));
        assertEquals(1, lines.size());
        assertSafe(refused(lines.get(0).result()));
    }

    private static void assertSafe(Failure failure) {
        String message = failure.message() + " " + failure.pointer();
        assertFalse(message.contains(PLAIN_PART), message);
        assertTrue(message.chars().allMatch(c -> c < 128), message);
    }
}
