package io.throughgate.ingest;

import java.util.Arrays;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.failure.Result;

/**
 * One record of a newline-delimited batch, read: the record, or why it was refused.
 *
 * @param line the record's line in the batch, from 1; blank lines carry no record but are counted
 * @param bytes the line as sent, without its line end (LF or CR LF); the parser's own copy, shared, not to be
 *        changed
 * @param result the record as a JSON object, or the failure (whose message names this line, never content)
 */
public record ParsedLine(int line, byte[] bytes, Result<JsonNode> result) {

    public ParsedLine {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(result, "result");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedLine that && line == that.line && Arrays.equals(bytes, that.bytes)
                && result.equals(that.result);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, Arrays.hashCode(bytes), result);
    }

    @Override
    public String toString() {
        // Never the bytes: they are a child's record.
        return "ParsedLine[line=" + line + ", bytes=" + bytes.length + ", succeeded=" + result.succeeded() + "]";
    }
}
