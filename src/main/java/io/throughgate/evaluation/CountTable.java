package io.throughgate.evaluation;

import java.time.YearMonth;
import java.util.List;

import io.throughgate.disclosure.PublishedTable;
import io.throughgate.disclosure.SmallNumbers;

/**
 * A table of counts as published: per borough, then London, and measure, each count rounded or suppressed.
 *
 * @param name the table
 * @param month the month it is for
 * @param span whether it counts the month or the evaluation year to the month's end
 * @param measures the columns, in order
 * @param rows one row per borough, then {@link #LONDON}
 */
public record CountTable(PublishedTable name, YearMonth month, Span span, List<String> measures, List<Row> rows) {

    /** The name of the total row. */
    public static final String LONDON = "london";

    /** What a table counts. */
    public enum Span {

        /** What happened in the month. */
        MONTH("month"),
        /** What happened from the start of the evaluation year (April) to the month's end. */
        YEAR_TO_DATE("year-to-date");

        private final String code;

        Span(String code) {
            this.code = code;
        }

        /** The span's name in files and URLs. */
        public String code() {
            return code;
        }
    }

    /**
     * One borough's counts, or London's.
     *
     * @param borough the borough's YOT, {@code not-known}, or {@link #LONDON}
     * @param cells each measure's count as published, in the order of the measures
     */
    public record Row(String borough, List<SmallNumbers.Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    public CountTable {
        measures = List.copyOf(measures);
        rows = List.copyOf(rows);
    }

    /** A count as published. */
    public SmallNumbers.Cell cell(String borough, String measure) {
        int column = measures.indexOf(measure);
        return rows.stream().filter(row -> row.borough().equals(borough)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no row for " + borough)).cells().get(column);
    }
}
