package io.throughgate.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * k-anonymity by full-domain generalisation (ARX): every row generalised to one level per quasi-identifier, the
 * combinations shared by fewer than k rows suppressed, within the suppression limit, losing least.
 */
class KAnonymityTest {

    private static final Hierarchy LETTER = new Hierarchy("letter", List.of("letter", "*"), (value, level) -> value);
    private static final Hierarchy SIGN = new Hierarchy("sign", List.of("sign", "*"), (value, level) -> value);

    /**
     * Four rows, each pair of them sharing one value: generalising either column makes pairs. Both lose the same;
     * the tie goes to the node first in order, which keeps the first column and generalises the second.
     */
    @Test
    void theLeastLossIsChosenAndTiesGoToTheFirstNode() {
        List<String[]> rows = List.of(row("a", "x"), row("a", "y"), row("b", "x"), row("b", "y"));
        KAnonymity.Result result = KAnonymity.anonymise(rows, List.of(LETTER, SIGN), 2, 0);
        assertArrayEquals(new int[]{0, 1}, result.levels());
        assertEquals(List.of("a *", "a *", "b *", "b *"), text(result.rows()));
    }

    /**
     * Five rows, one of them alone on its letter. Without suppression, the letter must go; with a fifth of the rows
     * allowed to go, suppressing the lone row loses less than generalising every row's letter.
     */
    @Test
    void suppressingALoneRowCanLoseLessThanGeneralisingEveryRow() {
        List<String[]> rows = List.of(row("a", "x"), row("a", "x"), row("b", "x"), row("b", "x"), row("c", "x"));
        assertArrayEquals(new int[]{1, 0}, KAnonymity.anonymise(rows, List.of(LETTER, SIGN), 2, 0).levels());
        KAnonymity.Result result = KAnonymity.anonymise(rows, List.of(LETTER, SIGN), 2, 0.2);
        assertArrayEquals(new int[]{0, 0}, result.levels());
        assertEquals(1, result.suppressed());
        assertEquals(List.of(true, true, true, true, false), kept(result));
    }

    /** Fewer rows than k: however general, they single someone out, so none is kept. */
    @Test
    void fewerRowsThanKAreAllSuppressed() {
        KAnonymity.Result result = KAnonymity.anonymise(List.of(row("a", "x"), row("b", "y")), List.of(LETTER,
                SIGN), 5, 0);
        assertEquals(0, result.rows().size());
        assertEquals(2, result.suppressed());
    }

    /**
     * A year of children released across the 32 boroughs, most 15 to 17, mostly boys, of many ethnicities: with k
     * = 5 and a tenth of the rows allowed to go, every combination of quasi-identifiers kept is shared by at least
     * five children, and no more than a tenth are left out.
     */
    @Test
    void aSyntheticYearIsFiveAnonymous() {
        Random random = new Random(20261204);
        Map<String, String> subRegions = new HashMap<>();
        String[] regions = {"central", "east", "north", "south", "west"};
        for (int i = 0; i < 32; i++) {
            subRegions.put("yot-" + i, regions[i % regions.length]);
        }
        String[] ethnicities = {"White: English, Welsh, Scottish, Northern Irish or British", "White: Any other White "
                + "background", "Black, Black British, Caribbean or African: Caribbean",
                "Black, Black British, Caribbean or African: African", "Asian or Asian British: Bangladeshi",
                "Asian or Asian British: Pakistani", "Mixed or Multiple ethnic groups: White and Black Caribbean",
                "Other ethnic group: Any other ethnic group"};
        String[] kinds = {"yoi", "yoi", "yoi", "stc", "sch", "ssc"};
        List<String[]> rows = new ArrayList<>();
        for (int child = 0; child < 400; child++) {
            int age = 14 + Math.min(4, random.nextInt(6));
            rows.add(new String[]{ExtractHierarchies.ageBand(age), random.nextInt(10) < 9 ? "male" : "female",
                    ethnicities[random.nextInt(ethnicities.length)], "yot-" + random.nextInt(32), kinds[random
                            .nextInt(kinds.length)],
                    "2026-" + String.format("%02d", 4 + random.nextInt(9))});
        }
        List<Hierarchy> hierarchies = ExtractHierarchies.all(subRegions);
        KAnonymity.Result result = KAnonymity.anonymise(rows, hierarchies, 5, 0.1);
        Map<List<String>, Integer> classes = new HashMap<>();
        result.rows().forEach(row -> classes.merge(Arrays.asList(row), 1, Integer::sum));
        classes.forEach((values, size) -> assertTrue(size >= 5, values + " is shared by " + size));
        assertTrue(result.suppressed() <= 40, "at most a tenth suppressed: " + result.suppressed());
        assertEquals(400 - result.suppressed(), result.rows().size());
        // The generalised values are those of the chosen levels: the rows say no more than the levels allow.
        int[] levels = result.levels();
        int kept = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (result.kept()[i]) {
                for (int column = 0; column < levels.length; column++) {
                    assertEquals(hierarchies.get(column).at(rows.get(i)[column], levels[column]), result.rows().get(
                            kept)[column]);
                }
                kept++;
            }
        }
    }

    @Test
    void ethnicityGoesToItsTopLevelGroupAndMonthToItsQuarter() {
        assertEquals("Black, Black British, Caribbean or African", ExtractHierarchies.ETHNICITY.at(
                "Black, Black British, Caribbean or African: Caribbean", 1));
        assertEquals("*", ExtractHierarchies.ETHNICITY.at("Black, Black British, Caribbean or African: Caribbean",
                2));
        assertEquals("2026-Q4", ExtractHierarchies.RELEASE_MONTH.at("2026-11", 1));
        assertEquals("15-16", ExtractHierarchies.AGE_BAND.at("16", 1));
        assertEquals("10-14", ExtractHierarchies.AGE_BAND.at(ExtractHierarchies.ageBand(13), 1));
    }

    private static String[] row(String... values) {
        return values;
    }

    private static List<String> text(List<String[]> rows) {
        return rows.stream().map(row -> String.join(" ", row)).toList();
    }

    private static List<Boolean> kept(KAnonymity.Result result) {
        List<Boolean> kept = new ArrayList<>();
        for (boolean one : result.kept()) {
            kept.add(one);
        }
        return kept;
    }
}
