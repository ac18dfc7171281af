package io.throughgate.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long[] ONE_TO_THOUSAND = LongStream.rangeClosed(1, 1000).toArray();

    @Test
    void takesTheNearestRankOfSortedValues() {
        assertEquals(500, Percentiles.rank(ONE_TO_THOUSAND, 50));
        assertEquals(990, Percentiles.rank(ONE_TO_THOUSAND, 99));
        assertEquals(999, Percentiles.rank(ONE_TO_THOUSAND, 99.9));
        assertEquals(1000, Percentiles.rank(ONE_TO_THOUSAND, 100));
    }

    @Test
    void roundsTheRankUpForFewValues() {
        long[] three = {10, 20, 30};
        assertEquals(20, Percentiles.rank(three, 50));
        assertEquals(30, Percentiles.rank(three, 99));
        assertEquals(10, Percentiles.rank(three, 0.1));
    }

    @Test
    void givesZeroWithoutValues() {
        assertEquals(0, Percentiles.rank(new long[0], 99));
        assertEquals(LatencySummary.NONE, new Percentiles().summary());
    }

    @Test
    void refusesAPercentileOutsideZeroToHundred() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.rank(ONE_TO_THOUSAND, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.rank(ONE_TO_THOUSAND, 100.1));
    }

    @Test
    void summarisesUnsortedNanosecondsInMilliseconds() {
        Percentiles percentiles = new Percentiles();
        for (long i = 2000; i >= 1; i--) {
            percentiles.add(i * 1_000_000L);
        }
        assertEquals(new LatencySummary(2000, 1000.0, 1980.0, 1998.0, 2000.0), percentiles.summary());
    }
}
