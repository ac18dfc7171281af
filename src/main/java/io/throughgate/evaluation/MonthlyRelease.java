package io.throughgate.evaluation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.disclosure.SmallNumbers;

/**
 * One table of the evaluation as a month publishes it: the month's counts and the evaluation year's to date,
 * protected together under the table's rule, beside the year to date the month before published. A reader knows
 * three kinds of sum: each measure's boroughs add up to London, in both tables; and each count of this year to date
 * is last month's year to date plus this month's. The last is the difference between two months' tables: were the
 * tables protected one by one, a count suppressed last month could be worked out from this month's two (see
 * {@code docs/decisions/0024-evaluation-statistics.md}).
 *
 * @param month the month's table
 * @param yearToDate the year to date's table
 */
public record MonthlyRelease(CountTable month, CountTable yearToDate) {

    /** The row of children whose borough is outside London or not known. */
    public static final String NOT_KNOWN = "not-known";

    /**
     * Protects a month's counts and the year to date's.
     *
     * @param name the table
     * @param month the month
     * @param inMonth the true counts of the month, per borough
     * @param toDate the true counts of the evaluation year to the month's end, per borough
     * @param lastYearToDate the year to date published the month before, or empty in the year's first month
     * @param rule the table's rule
     */
    public static MonthlyRelease protect(PublishedTable name, YearMonth month, Counts inMonth, Counts toDate,
            Optional<CountTable> lastYearToDate, DisclosureRule rule) {
        int rows = inMonth.boroughs().size() + 1;
        int columns = inMonth.measures().size();
        int block = rows * columns;
        int[] counts = new int[2 * block];
        fill(counts, 0, inMonth);
        fill(counts, block, toDate);
        List<SmallNumbers.Cell> earlier = lastYearToDate.map(table -> cellsOf(table, inMonth)).orElse(List.of());
        List<SmallNumbers.Sum> sums = sums(rows, columns, !earlier.isEmpty());
        List<SmallNumbers.Cell> cells = SmallNumbers.protect(counts, sums, rule, earlier);
        return new MonthlyRelease(table(name, month, CountTable.Span.MONTH, inMonth, cells.subList(0, block)),
                table(name, month, CountTable.Span.YEAR_TO_DATE, toDate, cells.subList(block, 2 * block)));
    }

    /**
     * Every sum a reader knows: each measure's column adds up to London in the month's table (cells from 0) and the
     * year to date's (cells from {@code rows * columns}); and each year-to-date count is last month's (cells from
     * {@code 2 * rows * columns}, when {@code withLastMonth}) plus the month's.
     */
    public static List<SmallNumbers.Sum> sums(int rows, int columns, boolean withLastMonth) {
        int block = rows * columns;
        List<SmallNumbers.Sum> sums = new ArrayList<>();
        for (int start : new int[]{0, block}) {
            for (int column = 0; column < columns; column++) {
                int[] cells = new int[rows];
                for (int row = 0; row < rows; row++) {
                    cells[row] = start + row * columns + column;
                }
                sums.add(SmallNumbers.Sum.ofTotal(cells));
            }
        }
        for (int cell = 0; cell < block; cell++) {
            sums.add(withLastMonth
                    ? new SmallNumbers.Sum(new int[]{block + cell, cell, 2 * block + cell}, new int[]{1, -1, -1})
                    : new SmallNumbers.Sum(new int[]{block + cell, cell}, new int[]{1, -1}));
        }
        return sums;
    }

    /** The boroughs' counts, then London's, row after row, from {@code start}. */
    private static void fill(int[] counts, int start, Counts table) {
        int columns = table.measures().size();
        int[][] values = table.values();
        for (int row = 0; row < values.length; row++) {
            System.arraycopy(values[row], 0, counts, start + row * columns, columns);
        }
        System.arraycopy(table.totals(), 0, counts, start + values.length * columns, columns);
    }

    /**
     * Last month's year to date in this month's order of rows and measures. A row or measure it lacked (a borough
     * or milestone added since) counted nothing as far as a reader knows: it is taken as a published 0.
     */
    private static List<SmallNumbers.Cell> cellsOf(CountTable last, Counts shape) {
        List<String> rows = new ArrayList<>(shape.boroughs());
        rows.add(CountTable.LONDON);
        List<SmallNumbers.Cell> cells = new ArrayList<>();
        for (String borough : rows) {
            for (String measure : shape.measures()) {
                boolean known = last.measures().contains(measure) && last.rows().stream().anyMatch(row -> row
                        .borough().equals(borough));
                cells.add(known ? last.cell(borough, measure) : new SmallNumbers.Cell(0, false));
            }
        }
        return cells;
    }

    private static CountTable table(PublishedTable name, YearMonth month, CountTable.Span span, Counts counts,
            List<SmallNumbers.Cell> cells) {
        int columns = counts.measures().size();
        List<CountTable.Row> rows = new ArrayList<>();
        for (int row = 0; row <= counts.boroughs().size(); row++) {
            rows.add(new CountTable.Row(row < counts.boroughs().size()
                    ? counts.boroughs().get(row)
                    : CountTable.LONDON, cells.subList(row * columns, (row + 1) * columns)));
        }
        return new CountTable(name, month, span, counts.measures(), rows);
    }
}
