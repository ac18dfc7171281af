package io.throughgate.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The small-number rules of DOMAIN.md: 1 to 4 suppressed, the rest rounded to 5, no total reveals a suppressed. */
class SmallNumbersTest {

    /** The rule of most official statistics: 1 to 4 suppressed, the rest rounded to 5 (DOMAIN.md). */
    private static final DisclosureRule RULE = new DisclosureRule(4, 5);

    @Test
    void countsFromOneToFourAreSuppressedAndTheRestRoundedToFive() {
        int[] counts = {0, 1, 2, 3, 4, 5, 7, 8, 12, 13};
        List<SmallNumbers.Cell> cells = SmallNumbers.protect(counts, List.of(), RULE);
        assertEquals(Arrays.asList(0, null, null, null, null, 5, 5, 10, 10, 15), cells.stream().map(
                SmallNumbers.Cell::value).toList());
        assertTrue(cells.get(1).primary() && cells.get(4).primary());
    }

    /**
     * A column of three boroughs and its total, 2 + 6 + 9 = 17: published as [c], 5, 10 and 15, the 2 would be
     * 17 - 6 - 9 with the true values, and within 2 of it with the rounded ones. The smallest other count, the 6,
     * is suppressed beside it.
     */
    @Test
    void aLoneSuppressedCountInASumGetsThePartnerThatIsSmallest() {
        int[] counts = {2, 6, 9, 17};
        List<SmallNumbers.Cell> cells = SmallNumbers.protect(counts, List.of(SmallNumbers.Sum.ofTotal(0, 1, 2, 3)),
                RULE);
        assertEquals(Arrays.asList(null, null, 10, 15), cells.stream().map(SmallNumbers.Cell::value).toList());
        assertTrue(cells.get(0).primary());
        assertTrue(!cells.get(1).primary(), "suppressed second, not for its own size");
    }

    /** A zero beside a lone suppressed count protects little; a non-zero partner is chosen while there is one. */
    @Test
    void zerosAreChosenLast() {
        int[] counts = {3, 0, 0, 8, 11};
        List<SmallNumbers.Cell> cells = SmallNumbers.protect(counts, List.of(SmallNumbers.Sum.ofTotal(0, 1, 2, 3, 4)),
                RULE);
        assertEquals(Arrays.asList(null, 0, 0, null, 10), cells.stream().map(SmallNumbers.Cell::value).toList());
    }

    /**
     * A table of two rows and two columns with totals, where suppressing a partner in a column leaves a row with a
     * lone suppressed count, so suppression goes on until every row and column has none or at least two.
     */
    @Test
    void secondarySuppressionRepeatsUntilEverySumIsSafe() {
        // [0] [1] | [2]      3  10 | 13
        // [3] [4] | [5]      6  20 | 26
        // [6] [7] | [8]      9  30 | 39
        int[] counts = {3, 10, 13, 6, 20, 26, 9, 30, 39};
        List<SmallNumbers.Sum> sums = List.of(SmallNumbers.Sum.ofTotal(0, 3, 6), SmallNumbers.Sum.ofTotal(1, 4, 7),
                SmallNumbers.Sum.ofTotal(2, 5, 8), SmallNumbers.Sum.ofTotal(0, 1, 2), SmallNumbers.Sum.ofTotal(3, 4, 5),
                SmallNumbers.Sum.ofTotal(6, 7, 8));
        List<SmallNumbers.Cell> cells = SmallNumbers.protect(counts, sums, RULE);
        for (SmallNumbers.Sum sum : sums) {
            long suppressed = Arrays.stream(sum.cells()).filter(cell -> cells.get(cell).suppressed()).count();
            assertNotEquals(1L, suppressed, sum + " in " + cells);
        }
        assertTrue(cells.get(0).suppressed());
    }
}
