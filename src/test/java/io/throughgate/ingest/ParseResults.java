package io.throughgate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.failure.Result;

/** Builds bodies and opens parse results for the parser's tests. */
final class ParseResults {

    private ParseResults() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The UTF-8 of {@code before}, the bytes written in hex (e.g. "C0 AF"), then the UTF-8 of {@code after}. */
    static byte[] withBytes(String before, String hex, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(HexFormat.ofDelimiter(" ").parseHex(hex));
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    static <T> T accepted(Result<T> result) {
        return result.fold(value -> value, failure -> fail("refused: " + failure));
    }

    static Failure refused(Result<?> result) {
        return result.fold(value -> fail("accepted, but a refusal was expected"), failure -> failure);
    }

    static void assertMalformed(Result<JsonNode> result, String message, String pointer) {
        assertEquals(new Failure(ErrorCode.MALFORMED_RECORD, message, pointer), refused(result));
    }

    static void assertMalformed(Result<JsonNode> result, String message) {
        assertMalformed(result, message, "");
    }
}
