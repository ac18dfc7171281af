package io.throughgate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Result;

/**
 * Reads submitted records: the raw bytes of a request body to a JSON object, or the reason it is refused.
 *
 * <p>
 * Refused as {@link ErrorCode#RECORD_TOO_LARGE} (answered 413): a record longer than its maximum (default 256 KiB);
 * a batch longer than its maximum (default 16 MiB) or with more than {@value #MAX_BATCH_RECORDS} records. Refused as
 * {@link ErrorCode#MALFORMED_RECORD} (400): bytes that are not well-formed UTF-8 (overlong forms, encoded
 * surrogates, code points beyond U+10FFFF, cut or stray sequences) or JSON escapes of unpaired surrogates; an empty
 * body; text that is not JSON, holds more than one value, or whose value is not an object; a key twice in one
 * object; nesting deeper than {@value #MAX_DEPTH}; a string longer than {@value #MAX_STRING_CHARS} characters; a
 * number with more than {@value #MAX_NUMBER_DIGITS} digits or beyond a double's range; a field name longer than
 * {@value #MAX_NAME_CHARS} characters.
 *
 * <p>
 * Guarantees: a failure's message is built from limits, lines and columns (which count bytes) only, never from the
 * record; its pointer names the field concerned where there is one (the repeated key of a duplicate, the value that
 * breaks a limit, the object holding a broken name), otherwise it is empty. A UTF-8 byte order mark at the start
 * is ignored (RFC 8259, section 8.1). Immutable and thread-safe: one instance serves every request.
 */
public final class RecordParser {

    /** The default maximum of one record, in bytes: 256 KiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 256 * 1024;
    /** The default maximum of a batch body, in bytes: 16 MiB. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 16 * 1024 * 1024;
    /** The most records (non-blank lines) a batch may hold. */
    public static final int MAX_BATCH_RECORDS = 1_000;
    /** How deep objects and arrays may nest, the record itself being level 1. */
    public static final int MAX_DEPTH = 32;
    /** The longest string value, in UTF-16 units. */
    public static final int MAX_STRING_CHARS = 10_000;
    /** The most digits a number may have (integer part, fraction and exponent together). */
    public static final int MAX_NUMBER_DIGITS = 20;
    /** The longest field name, in UTF-16 units; field names travel in pointers and error answers. */
    public static final int MAX_NAME_CHARS = 1_000;

    // One factory for every parse: thread-safe, and its table of field names is shared between parses.
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(new RecordReadLimits(MAX_DEPTH, MAX_NUMBER_DIGITS, MAX_STRING_CHARS,
                    MAX_NAME_CHARS))
            // Locations stay free of content even if an exception is ever logged.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Names come from untrusted input: canonicalised in Jackson's bounded table, not in the JVM's pool.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private final int maxRecordBytes;
    private final int maxBatchBytes;

    /** A parser with the default maximum sizes. */
    public RecordParser() {
        this(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_BATCH_BYTES);
    }

    /**
     * A parser with the given maximum sizes.
     *
     * @param maxRecordBytes the largest record accepted, in bytes, alone or as one line of a batch
     * @param maxBatchBytes the largest batch body accepted, in bytes
     */
    public RecordParser(int maxRecordBytes, int maxBatchBytes) {
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be 1 or more, was " + maxRecordBytes);
        }
        if (maxBatchBytes < maxRecordBytes) {
            throw new IllegalArgumentException("maxBatchBytes must be at least maxRecordBytes (" + maxRecordBytes
                    + "), was " + maxBatchBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    /**
     * Reads one record.
     *
     * @param body the request body as received
     * @return the record, always a JSON object; or the failure, {@link ErrorCode#RECORD_TOO_LARGE} or
     *         {@link ErrorCode#MALFORMED_RECORD}
     */
    public Result<JsonNode> parse(byte[] body) {
        Objects.requireNonNull(body, "body");
        return parse(body, 0, body.length, 1);
    }

    /**
     * Reads a newline-delimited batch: every non-blank line is one record, read as {@link #parse(byte[])} reads a
     * body. A batch too large as a whole fails as a whole, before any line is read.
     *
     * @param body the request body as received
     * @return one result per non-blank line, in order, with the line's bytes (none for an empty body); or a
     *         {@link ErrorCode#RECORD_TOO_LARGE} failure for the whole batch
     */
    public Result<List<ParsedLine>> parseLines(byte[] body) {
        Objects.requireNonNull(body, "body");
        if (body.length > maxBatchBytes) {
            return Result.failure(ErrorCode.RECORD_TOO_LARGE, "The batch is larger than " + maxBatchBytes
                    + " bytes.");
        }
        if (BatchLines.countRecords(body) > MAX_BATCH_RECORDS) {
            return Result.failure(ErrorCode.RECORD_TOO_LARGE, "The batch has more than " + MAX_BATCH_RECORDS
                    + " records.");
        }
        List<ParsedLine> lines = new ArrayList<>();
        BatchLines.forEachRecord(body, (line, from, to) -> lines.add(new ParsedLine(line, Arrays.copyOfRange(body,
                from, to), parse(body, from, to, line))));
        return Result.success(List.copyOf(lines));
    }

    private Result<JsonNode> parse(byte[] body, int from, int to, int firstLine) {
        if (to - from > maxRecordBytes) {
            return Result.failure(ErrorCode.RECORD_TOO_LARGE, "The record is larger than " + maxRecordBytes
                    + " bytes.");
        }
        int malformed = StrictUtf8.firstMalformed(body, from, to);
        if (malformed >= 0) {
            return Result.failure(ErrorCode.MALFORMED_RECORD, "The record is not valid UTF-8"
                    + SourcePositions.of(body, from, malformed, firstLine) + ".");
        }
        // Jackson takes zero bytes among the first four for UTF-16 or UTF-32. JSON text never holds a raw NUL, so
        // refusing one there leaves UTF-8 the only encoding Jackson reads.
        for (int i = from; i < Math.min(to, from + 4); i++) {
            if (body[i] == 0) {
                return Result.failure(ErrorCode.MALFORMED_RECORD, "The record is not valid JSON"
                        + SourcePositions.of(body, from, i, firstLine) + ".");
            }
        }
        try (JsonParser parser = JSON.createParser(body, from, to - from)) {
            return RecordTreeReader.read(parser, firstLine);
        } catch (IOException e) {
            // Creating and closing a parser over a byte array does no I/O.
            throw new UncheckedIOException("opening a record in memory failed", e);
        }
    }
}
