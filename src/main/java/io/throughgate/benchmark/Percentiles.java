package io.throughgate.benchmark;

import java.util.Arrays;

/** Latency samples in nanoseconds, collected from many threads, summarised by nearest-rank percentiles. */
final class Percentiles {

    private long[] samples = new long[1024];
    private int count;

    /** Adds one sample (nanoseconds). */
    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    /** How many samples were added. */
    synchronized int count() {
        return count;
    }

    /** The summary of the samples so far, in milliseconds. */
    synchronized LatencySummary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new LatencySummary(count, millis(rank(sorted, 50.0)), millis(rank(sorted, 99.0)),
                millis(rank(sorted, 99.9)), millis(count == 0 ? 0 : sorted[count - 1]));
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value such that at least {@code percent} per cent
     * of the values are no greater than it; 0 when there are no values.
     */
    static long rank(long[] sorted, double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile " + percent + " is not in (0, 100]");
        }
        if (sorted.length == 0) {
            return 0;
        }
        // In thousandths of a per cent and whole numbers: 99.9 / 100 * 1000 is 999.0000000000001 in doubles, whose
        // ceiling would take the next rank.
        long scaled = Math.round(percent * 1000);
        long rank = (scaled * sorted.length + 99_999) / 100_000;
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
