package io.throughgate.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Disclosure control of published counts, as UK official statistics do it (DOMAIN.md): a count from 1 to 4 is
 * suppressed (primary suppression); every other count is rounded to the nearest 5; and wherever counts are tied by a
 * known sum (a row and its total, a column and its total) that holds exactly one suppressed count, another count of
 * that sum is suppressed too (secondary suppression), so that no suppressed count is the difference between the
 * total and the counts published beside it. Zero is published as zero.
 *
 * <p>
 * Counts are numbered cells; a {@link Sum} names cells whose values are tied by one equation (for example the 32
 * boroughs and the London total of one column). {@link FeasibleRanges} solves what a reader can infer. Secondary suppression picks, in each such sum, the smallest count
 * that is not yet suppressed and not zero (a zero, once suppressed, would protect little: it is the first value a
 * reader tries), then any count; it repeats until every sum holds no suppressed count or at least two. Then it
 * solves the table as a reader would ({@link FeasibleRanges}): while a suppressed count can be narrowed to a range
 * less than 5 wide, it suppresses one more count tied to it, the smallest, and solves again.
 */
public final class SmallNumbers {

    /** Counts below this, and above zero, are suppressed. */
    public static final int THRESHOLD = 5;
    /** Published counts are rounded to the nearest multiple of this. */
    public static final int ROUNDING = 5;

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
     * @return each cell as it may be published, by cell number
     */
    public static List<Cell> protect(int[] counts, List<Sum> sums) {
        Objects.requireNonNull(sums, "sums");
        boolean[] suppressed = new boolean[counts.length];
        boolean[] primary = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count " + i + " is negative: " + counts[i]);
            }
            primary[i] = counts[i] > 0 && counts[i] < THRESHOLD;
            suppressed[i] = primary[i];
        }
        noLoneSuppression(counts, suppressed, sums);
        while (true) {
            List<Cell> cells = cells(counts, suppressed, primary);
            if (noneSuppressed(suppressed)) {
                return cells;
            }
            List<FeasibleRanges.Range> narrow = FeasibleRanges.of(cells, sums).stream().filter(range -> range
                    .width() < THRESHOLD).toList();
            if (narrow.isEmpty()) {
                return cells;
            }
            boolean more = false;
            for (FeasibleRanges.Range range : narrow) {
                int partner = partnerOf(range.cell(), counts, suppressed, sums);
                if (partner >= 0) {
                    suppressed[partner] = true;
                    more = true;
                }
            }
            if (!more) {
                // Every count tied to them is suppressed already, and the published ones elsewhere still pin them:
                // withhold the whole table rather than publish it.
                Arrays.fill(suppressed, true);
                return cells(counts, suppressed, primary);
            }
            noLoneSuppression(counts, suppressed, sums);
        }
    }

    /** The smallest published count in any sum that holds the cell, or -1 when there is none. */
    private static int partnerOf(int cell, int[] counts, boolean[] suppressed, List<Sum> sums) {
        int partner = -1;
        for (Sum sum : sums) {
            if (Arrays.stream(sum.cells()).anyMatch(member -> member == cell)) {
                int candidate = complement(counts, suppressed, sum);
                if (candidate >= 0 && (partner < 0 || rank(counts[candidate]) < rank(counts[partner]))) {
                    partner = candidate;
                }
            }
        }
        return partner;
    }

    /** Secondary suppression by sums: until no sum holds exactly one suppressed count. */
    private static void noLoneSuppression(int[] counts, boolean[] suppressed, List<Sum> sums) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                if (Arrays.stream(sum.cells()).filter(cell -> suppressed[cell]).count() == 1) {
                    int partner = complement(counts, suppressed, sum);
                    if (partner >= 0) {
                        suppressed[partner] = true;
                        changed = true;
                    }
                }
            }
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

    private static List<Cell> cells(int[] counts, boolean[] suppressed, boolean[] primary) {
        List<Cell> cells = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            cells.add(suppressed[i] ? new Cell(null, primary[i]) : new Cell(round(counts[i]), false));
        }
        return cells;
    }

    /** A count rounded to the nearest 5 (halves up). */
    public static int round(int count) {
        return (count + ROUNDING / 2) / ROUNDING * ROUNDING;
    }

    /** The cell of a sum to suppress beside its one suppressed cell, or -1 when the sum has no other. */
    private static int complement(int[] counts, boolean[] suppressed, Sum sum) {
        int best = -1;
        for (int cell : sum.cells()) {
            if (suppressed[cell]) {
                continue;
            }
            if (best < 0 || rank(counts[cell]) < rank(counts[best])) {
                best = cell;
            }
        }
        return best;
    }

    /** Smaller counts first, zeros last. */
    private static long rank(int count) {
        return count == 0 ? Long.MAX_VALUE : count;
    }
}
