package io.throughgate.ingest;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * Says where in a submitted body a problem is, as "(line L, column C)": positions only, never content. Lines count
 * from the record's first line (its line in the batch, for a batch); columns count bytes from 1, as Jackson does.
 */
final class SourcePositions {

    private SourcePositions() {
    }

    /** The position of {@code bytes[at]}, for a record that starts at {@code from} on line {@code firstLine}. */
    static String of(byte[] bytes, int from, int at, int firstLine) {
        int line = firstLine;
        int rowStart = from;
        for (int i = from; i < at; i++) {
            byte b = bytes[i];
            // Like Jackson: LF, CR and CR LF each end a line.
            if (b == '\n' || b == '\r' && bytes[i + 1] != '\n') {
                line++;
                rowStart = i + 1;
            }
        }
        return describe(line, at - rowStart + 1);
    }

    /** The position Jackson reported, for a record that starts on line {@code firstLine}; empty when unknown. */
    static String of(JsonLocation location, int firstLine) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return describe(firstLine + location.getLineNr() - 1, location.getColumnNr());
    }

    private static String describe(int line, int column) {
        return " (line " + line + ", column " + column + ")";
    }
}
