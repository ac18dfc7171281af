package io.throughgate.ingest;

import static io.throughgate.ingest.ParseResults.accepted;
import static io.throughgate.ingest.ParseResults.assertMalformed;
import static io.throughgate.ingest.ParseResults.refused;
import static io.throughgate.ingest.ParseResults.utf8;
import static io.throughgate.ingest.ParseResults.withBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;

/** Newline-delimited batches: one result per non-blank line, numbered as the sender's file is. */
class RecordParserBatchTest {

    private static final RecordParser PARSER = new RecordParser();

    @Test
    void readsEveryLineNumberingThemAndSkippingBlankLines() {
        List<ParsedLine> lines = accepted(PARSER.parseLines(utf8("{\"n\": 1}\n\n  \t\r\n{\"n\": 2}\r\n{\"n\": 3}\n")));
        assertEquals(List.of(1, 4, 5), lines.stream().map(ParsedLine::line).toList());
        assertEquals(List.of(1, 2, 3), lines.stream().map(line -> accepted(line.result()).get("n").intValue())
                .toList());
    }

    @Test
    void keepsEachLinesBytesWithoutItsLineEnd() {
        List<ParsedLine> lines = accepted(PARSER.parseLines(utf8("{\"n\": 1}\r\n\n {\"n\": tru} \n{}")));
        assertEquals(List.of("{\"n\": 1}", " {\"n\": tru} ", "{}"), lines.stream()
                .map(line -> new String(line.bytes(), StandardCharsets.UTF_8)).toList());
    }

    @Test
    void readsALastLineWithoutANewline() {
        List<ParsedLine> lines = accepted(PARSER.parseLines(utf8("{\"n\": 1}\n{\"n\": 2}")));
        assertEquals(List.of(1, 2), lines.stream().map(ParsedLine::line).toList());
    }

    @Test
    void refusesEachBadLineAloneNamingItsLine() {
        List<ParsedLine> lines = accepted(PARSER.parseLines(withBytes("{\"n\": 1}\n{\"n\": tru}\n\n[1]\n"
                + "{\"n\": 1, \"n\": 2}\n{\"n\": \"", "C0 AF", "\"}\n{\"n\": 1} {}\n{\"n\": 7}")));
        assertEquals(List.of(1, 2, 4, 5, 6, 7, 8), lines.stream().map(ParsedLine::line).toList());
        accepted(lines.get(0).result());
        assertMalformed(lines.get(1).result(), "The record is not valid JSON (line 2, column 11).");
        assertMalformed(lines.get(2).result(), "The record must be a JSON object (line 4, column 1).");
        assertMalformed(lines.get(3).result(), "The field appears more than once in its object.", "/n");
        assertMalformed(lines.get(4).result(), "The record is not valid UTF-8 (line 6, column 8).");
        assertMalformed(lines.get(5).result(), "The record has content after its end (line 7, column 10).");
        assertEquals(7, accepted(lines.get(6).result()).get("n").intValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n \n\t\n"})
    void readsABatchWithoutRecordsAsNoLines(String body) {
        assertEquals(List.of(), accepted(PARSER.parseLines(utf8(body))));
    }

    @Test
    void acceptsAThousandRecords() {
        assertEquals(1_000, accepted(PARSER.parseLines(utf8("{\"n\": 1}\n".repeat(1_000)))).size());
    }

    @Test
    void refusesAThousandAndOneRecordsAsTooLarge() {
        assertEquals(Failure.of(ErrorCode.RECORD_TOO_LARGE, "The batch has more than 1000 records."),
                refused(PARSER.parseLines(utf8("{\"n\": 1}\n".repeat(1_001)))));
    }

    @Test
    void countsOnlyRecordsTowardsTheThousand() {
        List<ParsedLine> lines = accepted(PARSER.parseLines(utf8("\n".repeat(500) + "{\"n\": 1}\n".repeat(1_000))));
        assertEquals(1_500, lines.get(999).line());
    }

    @Test
    void refusesABatchOverItsMaximumSizeAsTooLarge() {
        RecordParser small = new RecordParser(64, 128);
        String line = "{\"n\": 1}" + " ".repeat(55) + "\n";
        assertEquals(2, accepted(small.parseLines(utf8(line + line))).size());
        assertEquals(Failure.of(ErrorCode.RECORD_TOO_LARGE, "The batch is larger than 128 bytes."),
                refused(small.parseLines(utf8(line + line + " "))));
    }

    @Test
    void refusesOneLineOverTheRecordMaximumAlone() {
        RecordParser small = new RecordParser(16, 1_024);
        List<ParsedLine> lines = accepted(small.parseLines(utf8("{\"n\": 1}\n{\"n\": \"0123456789\"}\n{\"n\": 3}")));
        assertEquals(Failure.of(ErrorCode.RECORD_TOO_LARGE, "The record is larger than 16 bytes."),
                refused(lines.get(1).result()));
        assertEquals(3, accepted(lines.get(2).result()).get("n").intValue());
    }

    @Test
    void acceptsABatchOfExactlyTheDefaultMaximumSize() {
        // 64 lines of 256 KiB each, newline included: 16 MiB.
        String line = "{\"n\": 1}" + " ".repeat(RecordParser.DEFAULT_MAX_BATCH_BYTES / 64 - 9) + "\n";
        String body = line.repeat(64);
        assertEquals(64, accepted(PARSER.parseLines(utf8(body))).size());
        assertEquals(Failure.of(ErrorCode.RECORD_TOO_LARGE, "The batch is larger than 16777216 bytes."),
                refused(PARSER.parseLines(utf8(body + " "))));
    }
}
