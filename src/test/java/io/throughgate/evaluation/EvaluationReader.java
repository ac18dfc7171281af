package io.throughgate.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.FeasibleRanges;
import io.throughgate.disclosure.SmallNumbers;

/**
 * A reader of the evaluation's tables, written down apart from the code that protects them: holding this month's
 * table, this year to date's and last month's year to date, knowing that each measure's boroughs add up to London in
 * each, and that this year to date is last month's plus this month's (or, in a year's first month, this month's).
 */
public final class EvaluationReader {

    private EvaluationReader() {
    }

    /** What the reader can infer of every suppressed count, the cells numbered month, year to date, last month. */
    public static List<FeasibleRanges.Range> solve(CountTable month, CountTable yearToDate, Optional<CountTable> last,
            DisclosureRule rule) {
        List<SmallNumbers.Cell> seen = new ArrayList<>();
        List<CountTable> tables = last.isPresent()
                ? List.of(month, yearToDate, last.get())
                : List.of(month,
                        yearToDate);
        tables.forEach(table -> table.rows().forEach(row -> seen.addAll(row.cells())));
        int rows = month.rows().size();
        int columns = month.measures().size();
        int block = rows * columns;
        List<SmallNumbers.Sum> sums = new ArrayList<>();
        for (int start = 0; start < seen.size(); start += block) {
            for (int column = 0; column < columns; column++) {
                int first = start + column;
                sums.add(SmallNumbers.Sum.ofTotal(IntStream.range(0, rows).map(row -> first + row * columns)
                        .toArray()));
            }
        }
        for (int cell = 0; cell < block; cell++) {
            // This year to date, less this month, less last month's year to date, is 0.
            sums.add(last.isPresent()
                    ? new SmallNumbers.Sum(new int[]{block + cell, cell, 2 * block + cell}, new int[]{1, -1, -1})
                    : new SmallNumbers.Sum(new int[]{block + cell, cell}, new int[]{1, -1}));
        }
        return FeasibleRanges.of(seen, sums, rule);
    }
}
