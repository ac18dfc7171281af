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
 * boroughs and the London total of one column). Secondary suppression picks, in each such sum, the smallest count
 * that is not yet suppressed and not zero (a zero, once suppressed, would protect little: it is the first value a
 * reader tries), then any count; it repeats until every sum holds no suppressed count or at least two.
 */
public final class SmallNumbers {

    /** Counts below this, and above zero, are suppressed. */
    public static final int THRESHOLD = 5;
    /** Published counts are rounded to the nearest multiple of this. */
    public static final int ROUNDING = 5;

    /**
     * Cells tied by one known equation: their values sum to a known total, or, as between a total and its parts,
     * one is the sum of the others.
     *
     * @param cells the cells' numbers
     */
    public record Sum(int... cells) {

        public Sum {
            cells = cells.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sum sum && Arrays.equals(cells, sum.cells);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cells);
        }

        @Override
        public String toString() {
            return "Sum" + Arrays.toString(cells);
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
