package io.throughgate.ingest;

/**
 * Finds the records of a newline-delimited JSON body: each line that is not blank, with its number, as a range of
 * the body (no copy). Lines end at LF or CR LF; the range leaves the line end out. A line of spaces, tabs and CRs
 * only is blank: skipped, but counted, so line numbers match what the sender sees in its file. Splitting at LF
 * never cuts a UTF-8 sequence, whose bytes are all 80 or above after the first.
 */
final class BatchLines {

    /** Receives one record's line. */
    @FunctionalInterface
    interface Visitor {

        /** The record on line {@code number} (from 1) spans {@code body[from, to)}, its line end left out. */
        void record(int number, int from, int to);
    }

    private BatchLines() {
    }

    /** Visits every non-blank line in order, and answers how many there were. */
    static int forEachRecord(byte[] body, Visitor visitor) {
        int records = 0;
        int number = 0;
        int from = 0;
        while (from < body.length) {
            int to = from;
            while (to < body.length && body[to] != '\n') {
                to++;
            }
            number++;
            if (!blank(body, from, to)) {
                records++;
                visitor.record(number, from, to > from && body[to - 1] == '\r' ? to - 1 : to);
            }
            from = to + 1;
        }
        return records;
    }

    /** How many non-blank lines the body has. */
    static int countRecords(byte[] body) {
        return forEachRecord(body, (number, from, to) -> {
        });
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
