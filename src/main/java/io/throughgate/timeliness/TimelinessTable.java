package io.throughgate.timeliness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.SmallNumbers;

/**
 * The timeliness statistics of one month, per borough: children released, and their milestones met on time, met
 * late, missed and still open, with the small-number rules of {@link SmallNumbers}. A reader knows two kinds of sum:
 * each column's 32 boroughs add up to its London total, and each row's four milestone outcomes add up to the number
 * of milestones times its releases; both are protected by secondary suppression.
 *
 * @param month the month of release
 * @param rows one row per borough, in the order given, then the London total
 */
public record TimelinessTable(YearMonth month, List<Row> rows) {

    /** The name of the total row. */
    public static final String LONDON = "london";

    /**
     * One borough's counts, or London's, as they may be published.
     *
     * @param borough the borough's YOT, or {@link #LONDON}
     * @param cells each outcome's count, rounded, or suppressed
     */
    public record Row(String borough, Map<Outcome, SmallNumbers.Cell> cells) {
    }

    public TimelinessTable {
        rows = List.copyOf(rows);
    }

    /**
     * Counts a month's released children by borough and protects the counts.
     *
     * @param month the month of release
     * @param boroughs the boroughs' YOTs, each a row; children of other YOTs are not counted
     * @param released the timelines of the children released that month, as far as the hub still keeps them
     * @param tallies what deleted timelines of that month counted for
     * @param contract the milestones
     * @param today the day the milestones are judged on
     * @param rule the small-number rule the table is published under
     */
    public static TimelinessTable of(YearMonth month, List<String> boroughs, List<Timeline> released,
            List<Timelines.Tally> tallies, TimelinessContract contract, LocalDate today, DisclosureRule rule) {
        Outcome[] outcomes = Outcome.values();
        int columns = outcomes.length;
        int london = boroughs.size();
        int[] counts = new int[(london + 1) * columns];
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < boroughs.size(); i++) {
            rowOf.put(boroughs.get(i), i);
        }
        for (Timeline timeline : released) {
            Integer row = rowOf.get(timeline.responsibleYot());
            if (row != null && YearMonth.from(timeline.releaseOn()).equals(month)) {
                Outcome.of(timeline, contract, today).forEach((outcome, count) -> counts[row * columns + outcome
                        .ordinal()] += count);
            }
        }
        for (Timelines.Tally tally : tallies) {
            Integer row = rowOf.get(tally.borough());
            if (row != null && tally.month().equals(month)) {
                counts[row * columns + tally.outcome().ordinal()] += (int) tally.children();
            }
        }
        for (int row = 0; row < london; row++) {
            for (int column = 0; column < columns; column++) {
                counts[london * columns + column] += counts[row * columns + column];
            }
        }
        List<SmallNumbers.Cell> cells = SmallNumbers.protect(counts, sums(london + 1, columns, contract.milestones()
                .size()), rule);
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row <= london; row++) {
            Map<Outcome, SmallNumbers.Cell> byOutcome = new java.util.EnumMap<>(Outcome.class);
            for (Outcome outcome : outcomes) {
                byOutcome.put(outcome, cells.get(row * columns + outcome.ordinal()));
            }
            rows.add(new Row(row < london ? boroughs.get(row) : LONDON, byOutcome));
        }
        return new TimelinessTable(month, rows);
    }

    /**
     * Each column with its total (the last row), and each row's outcomes with its releases: the outcomes add up to
     * the number of milestones times the releases.
     */
    public static List<SmallNumbers.Sum> sums(int rows, int columns, int milestones) {
        List<SmallNumbers.Sum> sums = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            int[] cells = new int[rows];
            for (int row = 0; row < rows; row++) {
                cells[row] = row * columns + column;
            }
            sums.add(SmallNumbers.Sum.ofTotal(cells));
        }
        for (int row = 0; row < rows; row++) {
            int[] cells = new int[columns];
            int[] weights = new int[columns];
            for (int column = 0; column < columns; column++) {
                cells[column] = row * columns + column;
                weights[column] = column == Outcome.RELEASES.ordinal() ? -milestones : 1;
            }
            sums.add(new SmallNumbers.Sum(cells, weights));
        }
        return sums;
    }
}
