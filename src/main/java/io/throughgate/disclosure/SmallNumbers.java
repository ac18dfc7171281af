package io.throughgate.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Disclosure control of published counts, as UK official statistics do it (DOMAIN.md), under a table's
 * {@link DisclosureRule}: a small count (for most tables 1 to 4) is suppressed (primary suppression); every other
 * count is rounded (to the nearest 5); and wherever counts are tied by a known sum (a row and its total, a column and
 * its total, this month's year to date and last month's) that holds exactly one suppressed count, another count of
 * that sum is suppressed too (secondary suppression), so that no suppressed count is the difference between the
 * total and the counts published beside it. Zero is published as zero.
 *
 * <p>
 * Counts are numbered cells; a {@link Sum} names cells whose values are tied by one equation (for example the 32
 * boroughs and the London total of one column). Secondary suppression picks, in each such sum, the smallest count
 * that is not yet suppressed and not zero (a zero, once suppressed, would protect little: it is the first value a
 * reader tries), then any count; it repeats until every sum holds no suppressed count or at least two. Then it
 * solves the table as a reader would ({@link FeasibleRanges}): while a suppressed count can be narrowed to a range
 * less than the rule's threshold wide, it suppresses one more count tied to it, the smallest, and solves again.
 * Counts published before (an earlier month's table) take part as the reader sees them and are never changed: only
 * the new counts are suppressed further.
 */
public final class SmallNumbers {

    /**
     * Cells tied by one equation a reader knows: the sum over the cells of each weight times its count is zero. A
     * total and its parts are the parts with weight 1 and the total with weight -1 ({@link #ofTotal}).
     *
     * @param cells the cells' numbers
     * @param weights each cell's weight, in the same order
     */
    public record Sum(int[] cells, int[] weights) {

        public Sum {
            cells = cells.clone();
            weights = weights.clone();
            if (cells.length != weights.length) {
                throw new IllegalArgumentException(cells.length + " cells but " + weights.length + " weights");
            }
        }

        /** A total (the last cell) and its parts (the others). */
        public static Sum ofTotal(int... partsThenTotal) {
            int[] weights = new int[partsThenTotal.length];
            Arrays.fill(weights, 1);
            weights[weights.length - 1] = -1;
            return new Sum(partsThenTotal, weights);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sum sum && Arrays.equals(cells, sum.cells) && Arrays.equals(weights, sum.weights);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(cells) + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "Sum" + Arrays.toString(cells) + " weights " + Arrays.toString(weights);
        }
    }

    /**
     * A published count: its rounded value, or suppressed.
     *
     * @param value the count rounded to the nearest 5, or null when suppressed
     * @param primary whether it was suppressed because it is from 1 to 4
     */
    public record Cell(Integer value, boolean primary) {

        /** Whether the count is withheld. */
        public boolean suppressed() {
            return value == null;
        }
    }

    private SmallNumbers() {
    }

    /**
     * Protects counts for publication.
     *
     * @param counts the true counts, by cell number
     * @param sums every equation a reader knows between the cells
     * @param rule the table's small-number rule
     * @return each cell as it may be published, by cell number
     */
    public static List<Cell> protect(int[] counts, List<Sum> sums, DisclosureRule rule) {
        return protect(counts, sums, rule, List.of());
    }

    /**
     * Protects counts for publication beside counts published before, which a reader holds too.
     *
     * @param counts the true counts, by cell number
     * @param sums every equation a reader knows between the cells, new and earlier
     * @param rule the table's small-number rule, which the earlier cells were published under too
     * @param earlier the cells published before, numbered after the new ones ({@code counts.length + i})
     * @return each new cell as it may be published, by cell number
     */
    public static List<Cell> protect(int[] counts, List<Sum> sums, DisclosureRule rule, List<Cell> earlier) {
        Objects.requireNonNull(sums, "sums");
        int fresh = counts.length;
        int[] all = Arrays.copyOf(counts, fresh + earlier.size());
        boolean[] suppressed = new boolean[all.length];
        boolean[] primary = new boolean[all.length];
        for (int i = 0; i < fresh; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count " + i + " is negative: " + counts[i]);
            }
            primary[i] = rule.small(counts[i]);
            suppressed[i] = primary[i];
        }
        for (int i = 0; i < earlier.size(); i++) {
            Cell cell = earlier.get(i);
            all[fresh + i] = cell.suppressed() ? 0 : cell.value();
            suppressed[fresh + i] = cell.suppressed();
            primary[fresh + i] = cell.primary();
        }
        Cells table = new Cells(all, suppressed, fresh);
        table.noLoneSuppression(sums);
        while (true) {
            if (noneSuppressed(suppressed)) {
                return table.published(primary, rule, earlier);
            }
            List<Cell> seen = new ArrayList<>(table.published(primary, rule, earlier));
            seen.addAll(earlier);
            List<FeasibleRanges.Range> narrow = FeasibleRanges.of(seen, sums, rule).stream().filter(range -> range
                    .width() < rule.threshold()).toList();
            if (narrow.isEmpty()) {
                return table.published(primary, rule, earlier);
            }
            boolean more = false;
            for (FeasibleRanges.Range range : narrow) {
                int partner = table.partnerOf(range.cell(), sums);
                if (partner >= 0) {
                    suppressed[partner] = true;
                    more = true;
                }
            }
            if (!more) {
                // Every count tied to them is suppressed already, and the published ones elsewhere still pin them:
                // withhold the whole table rather than publish it.
                Arrays.fill(suppressed, 0, fresh, true);
                return table.published(primary, rule, earlier);
            }
            table.noLoneSuppression(sums);
        }
    }

    /** A count rounded to the nearest 5 (halves up), as most official statistics publish it. */
    public static int round(int count) {
        return DisclosureRule.OFFICIAL_STATISTICS.round(count);
    }

    /**
     * The counts being protected, new and earlier, and which are suppressed; only the first {@code fresh} may be
     * suppressed further.
     */
    private record Cells(int[] counts, boolean[] suppressed, int fresh) {

        /** The new cells as they would be published now. */
        List<Cell> published(boolean[] primary, DisclosureRule rule, List<Cell> earlier) {
            List<Cell> cells = new ArrayList<>(fresh);
            for (int i = 0; i < fresh; i++) {
                cells.add(suppressed[i] ? new Cell(null, primary[i]) : new Cell(rule.round(counts[i]), false));
            }
            return cells;
        }

        /** The smallest new count not yet suppressed in any sum that holds the cell, or -1 when there is none. */
        int partnerOf(int cell, List<Sum> sums) {
            int partner = -1;
            for (Sum sum : sums) {
                if (Arrays.stream(sum.cells()).anyMatch(member -> member == cell)) {
                    int candidate = complement(sum);
                    if (candidate >= 0 && (partner < 0 || rank(counts[candidate]) < rank(counts[partner]))) {
                        partner = candidate;
                    }
                }
            }
            return partner;
        }

        /** Secondary suppression by sums: until no sum holds exactly one suppressed count. */
        void noLoneSuppression(List<Sum> sums) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Sum sum : sums) {
                    if (Arrays.stream(sum.cells()).filter(cell -> suppressed[cell]).count() == 1) {
                        int partner = complement(sum);
                        if (partner >= 0) {
                            suppressed[partner] = true;
                            changed = true;
                        }
                    }
                }
            }
        }

        /** The new cell of a sum to suppress beside its suppressed ones, or -1 when the sum has none left. */
        private int complement(Sum sum) {
            int best = -1;
            for (int cell : sum.cells()) {
                if (cell >= fresh || suppressed[cell]) {
                    continue;
                }
                if (best < 0 || rank(counts[cell]) < rank(counts[best])) {
                    best = cell;
                }
            }
            return best;
        }
    }

    private static boolean noneSuppressed(boolean[] suppressed) {
        for (boolean one : suppressed) {
            if (one) {
                return false;
            }
        }
        return true;
    }

    /** Smaller counts first, zeros last. */
    private static long rank(int count) {
        return count == 0 ? Long.MAX_VALUE : count;
    }
}
