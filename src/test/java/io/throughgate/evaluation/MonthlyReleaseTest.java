package io.throughgate.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.FeasibleRanges;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.disclosure.SmallNumbers;

/**
 * A year of the evaluation's monthly tables over a synthetic partnership (32 boroughs and children from outside
 * London, a few admissions and releases a month each), published under the evaluation agreement's rule: counts from
 * 1 to 7 suppressed, the rest rounded to 5. A reader holds this month's table, this year to date's and last month's
 * year to date, and knows that each measure's boroughs add up to London and that this year to date is last month's
 * plus this month's.
 */
class MonthlyReleaseTest {

    /** london-resettlement-evaluation: suppress 1 to 7, round to 5. */
    private static final DisclosureRule RULE = new DisclosureRule(7, 5);
    private static final List<String> MEASURES = List.of("admissions", "releases", "planning-meetings",
            "transitions-to-adult-services");
    private static final List<String> BOROUGHS = boroughs();
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    @Test
    void everySuppressedCountStaysAtLeastEightWideMonthAfterMonth() {
        List<Counts> months = year(new Random(20261204));
        Counts toDate = Counts.zero(BOROUGHS, MEASURES);
        Optional<CountTable> last = Optional.empty();
        int suppressed = 0;
        for (int i = 0; i < months.size(); i++) {
            toDate = toDate.plus(months.get(i));
            MonthlyRelease release = MonthlyRelease.protect(PublishedTable.EVALUATION_CUSTODY, APRIL.plusMonths(i),
                    months.get(i), toDate, last, RULE);
            assertPublishedByTheRule(months.get(i), release.month());
            assertPublishedByTheRule(toDate, release.yearToDate());
            for (FeasibleRanges.Range range : solve(release, last)) {
                assertTrue(range.width() >= RULE.threshold() - 1e-6, "month " + i + ", cell " + range.cell()
                        + " narrowed to " + range.low() + ".." + range.high());
                suppressed++;
            }
            last = Optional.of(release.yearToDate());
        }
        assertTrue(suppressed > 100, "the population has small counts to protect: " + suppressed);
    }

    /**
     * Each month's two tables protected on their own, with their totals but not with last month's year to date:
     * the difference between the year to date published last month and this month's narrows some suppressed count
     * below the threshold, which is what protecting them together prevents.
     */
    @Test
    void protectingEachMonthOnItsOwnLetsTheDifferenceReveal() {
        List<Counts> months = year(new Random(20261204));
        Counts toDate = Counts.zero(BOROUGHS, MEASURES);
        Optional<CountTable> last = Optional.empty();
        int revealed = 0;
        for (int i = 0; i < months.size(); i++) {
            toDate = toDate.plus(months.get(i));
            MonthlyRelease alone = new MonthlyRelease(alone(months.get(i), CountTable.Span.MONTH, i), alone(toDate,
                    CountTable.Span.YEAR_TO_DATE, i));
            revealed += (int) solve(alone, last).stream().filter(range -> range.width() < RULE.threshold() - 1e-6)
                    .count();
            last = Optional.of(alone.yearToDate());
        }
        assertTrue(revealed > 0, "some count is narrowed below " + RULE.threshold());
    }

    /** A month's first table has no year to date before it: the year to date is the month, and suppressed alike. */
    @Test
    void inAprilTheYearToDateIsTheMonthAndSuppressedAlike() {
        Counts april = Counts.zero(BOROUGHS, MEASURES).plus(BOROUGHS.get(0), "admissions", 3).plus(BOROUGHS.get(1),
                "admissions", 9).plus(BOROUGHS.get(2), "admissions", 12);
        MonthlyRelease release = MonthlyRelease.protect(PublishedTable.EVALUATION_CUSTODY, APRIL, april, april,
                Optional.empty(), RULE);
        for (String borough : BOROUGHS) {
            assertEquals(release.month().cell(borough, "admissions"), release.yearToDate().cell(borough,
                    "admissions"), borough);
        }
        assertNull(release.month().cell(BOROUGHS.get(0), "admissions").value());
        assertNull(release.month().cell(BOROUGHS.get(1), "admissions").value(), "the 9 protects the 3");
        assertEquals(10, release.month().cell(BOROUGHS.get(2), "admissions").value());
    }

    /** What a reader can infer of every suppressed count from the three tables. */
    private static List<FeasibleRanges.Range> solve(MonthlyRelease release, Optional<CountTable> last) {
        return EvaluationReader.solve(release.month(), release.yearToDate(), last, RULE);
    }

    /** Counts of 1 to 7 are never shown, the others are rounded to the nearest 5, London is the boroughs' sum. */
    private static void assertPublishedByTheRule(Counts counts, CountTable table) {
        int[] totals = new int[MEASURES.size()];
        for (String borough : BOROUGHS) {
            for (int column = 0; column < MEASURES.size(); column++) {
                int count = counts.get(borough, MEASURES.get(column));
                totals[column] += count;
                assertShown(count, table.cell(borough, MEASURES.get(column)));
            }
        }
        for (int column = 0; column < MEASURES.size(); column++) {
            assertShown(totals[column], table.cell(CountTable.LONDON, MEASURES.get(column)));
        }
    }

    private static void assertShown(int count, SmallNumbers.Cell shown) {
        if (count >= 1 && count <= 7) {
            assertTrue(shown.suppressed(), count + " is shown");
        } else if (!shown.suppressed()) {
            assertEquals((count + 2) / 5 * 5, shown.value(), "rounded to the nearest 5");
        }
    }

    private static CountTable alone(Counts counts, CountTable.Span span, int month) {
        int columns = MEASURES.size();
        int rows = BOROUGHS.size() + 1;
        int[] flat = new int[rows * columns];
        int[] totals = counts.totals();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                flat[row * columns + column] = row < BOROUGHS.size() ? counts.values()[row][column] : totals[column];
            }
        }
        List<SmallNumbers.Sum> sums = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            int start = column;
            sums.add(SmallNumbers.Sum.ofTotal(IntStream.range(0, rows).map(row -> start + row * columns).toArray()));
        }
        List<SmallNumbers.Cell> cells = SmallNumbers.protect(flat, sums, RULE);
        List<CountTable.Row> tableRows = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            tableRows.add(new CountTable.Row(row < BOROUGHS.size() ? BOROUGHS.get(row) : CountTable.LONDON, cells
                    .subList(row * columns, (row + 1) * columns)));
        }
        return new CountTable(PublishedTable.EVALUATION_CUSTODY, APRIL.plusMonths(month), span, MEASURES,
                tableRows);
    }

    /**
     * Twelve months of counts: each borough admits none, one or two children most months and now and then more,
     * releases about as many, holds a planning meeting or two for each, and a child now and then moves to adult
     * services.
     */
    private static List<Counts> year(Random random) {
        List<Counts> months = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            int[][] values = new int[BOROUGHS.size()][MEASURES.size()];
            for (int row = 0; row < BOROUGHS.size(); row++) {
                int admissions = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(random.nextInt(10) < 8 ? 2 : 9);
                int releases = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(random.nextInt(10) < 8 ? 2 : 9);
                values[row] = new int[]{admissions, releases, admissions + releases + random.nextInt(2),
                        random.nextInt(20) == 0 ? 1 : 0};
            }
            months.add(new Counts(BOROUGHS, MEASURES, values));
        }
        return months;
    }

    private static List<String> boroughs() {
        List<String> boroughs = new ArrayList<>();
        for (int i = 1; i <= 32; i++) {
            boroughs.add("yot-" + i);
        }
        boroughs.add(MonthlyRelease.NOT_KNOWN);
        return boroughs;
    }
}
