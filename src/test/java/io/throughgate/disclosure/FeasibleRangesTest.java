package io.throughgate.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.throughgate.timeliness.TimelinessTable;

/**
 * Published tables solved as a reader would: for each suppressed count, the least and greatest value every published
 * count and known sum allow. Naive rounding alone reveals counts; the protection of {@link SmallNumbers} keeps each
 * suppressed count's range at least the threshold wide.
 */
class FeasibleRangesTest {

    /** The rule of most official statistics: 1 to 4 suppressed, the rest rounded to 5 (DOMAIN.md). */
    private static final DisclosureRule RULE = new DisclosureRule(4, 5);

    /**
     * One borough released one child, whose six milestones were all met on time. Suppressing the 1 and rounding the
     * 6 to 5 leaves a reader the row's equation, 6 x releases = on time + late + missed + open = a count from 5 to
     * 7: the releases are between 5/6 and 7/6, so 1.
     */
    @Test
    void roundingAloneRevealsASuppressedCount() {
        int[] counts = {1, 6, 0, 0, 0};
        SmallNumbers.Sum row = new SmallNumbers.Sum(new int[]{0, 1, 2, 3, 4}, new int[]{-6, 1, 1, 1, 1});
        List<SmallNumbers.Cell> naive = SmallNumbers.protect(counts, List.of(), RULE);
        assertTrue(naive.get(0).suppressed());
        FeasibleRanges.Range releases = FeasibleRanges.of(naive, List.of(row), RULE).get(0);
        assertTrue(releases.width() < 1, "the reader narrows it to one value: " + releases);
    }

    @Test
    void theProtectionLeavesEverySuppressedCountAtLeastTheThresholdWide() {
        int[] counts = {1, 6, 0, 0, 0};
        SmallNumbers.Sum row = new SmallNumbers.Sum(new int[]{0, 1, 2, 3, 4}, new int[]{-6, 1, 1, 1, 1});
        assertSafe(counts, List.of(row));
    }

    /**
     * A table where two suppressed counts in every row and column are not enough: solved, the 1 of the second row
     * lies between 0 and 4, so a reader knows it is small. Another count is suppressed until it is 5 wide.
     */
    @Test
    void twoSuppressedPerLineIsNotAlwaysEnough() {
        int[][] table = {{0, 0, 11, 11}, {1, 9, 2, 12}, {5, 5, 2, 12}, {6, 14, 15, 35}};
        int[] counts = new int[16];
        List<SmallNumbers.Sum> sums = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                counts[i * 4 + j] = table[i][j];
            }
            sums.add(SmallNumbers.Sum.ofTotal(i * 4, i * 4 + 1, i * 4 + 2, i * 4 + 3));
            sums.add(SmallNumbers.Sum.ofTotal(i, 4 + i, 8 + i, 12 + i));
        }
        assertSafe(counts, sums);
    }

    /**
     * Months like the partnership's: 32 boroughs and London, releases and four milestone outcomes of six
     * milestones, most boroughs releasing none, one or two children a month.
     */
    @Test
    void realisticMonthsAreSafe() {
        Random random = new Random(20261204);
        for (int month = 0; month < 12; month++) {
            int boroughs = 32;
            int columns = 5;
            int[] counts = new int[(boroughs + 1) * columns];
            for (int borough = 0; borough < boroughs; borough++) {
                int releases = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(random.nextInt(10) < 8 ? 2 : 9);
                counts[borough * columns] = releases;
                for (int child = 0; child < releases * 6; child++) {
                    counts[borough * columns + 1 + random.nextInt(4)]++;
                }
            }
            for (int borough = 0; borough < boroughs; borough++) {
                for (int column = 0; column < columns; column++) {
                    counts[boroughs * columns + column] += counts[borough * columns + column];
                }
            }
            assertSafe(counts, TimelinessTable.sums(boroughs + 1, columns, 6));
        }
    }

    private static void assertSafe(int[] counts, List<SmallNumbers.Sum> sums) {
        List<SmallNumbers.Cell> published = SmallNumbers.protect(counts, sums, RULE);
        for (FeasibleRanges.Range range : FeasibleRanges.of(published, sums, RULE)) {
            assertTrue(range.width() >= RULE.threshold() - 1e-6, "cell " + range.cell() + " (" + counts[range
                    .cell()] + ") is narrowed to " + range.low() + ".." + range.high());
            assertTrue(range.low() <= counts[range.cell()] + 1e-6 && counts[range.cell()] <= range.high() + 1e-6,
                    "the true count lies in its range");
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && counts[i] < RULE.threshold()) {
                assertTrue(published.get(i).suppressed(), "1 to 4 is never shown");
            }
        }
        assertEquals(counts.length, published.size());
    }
}
