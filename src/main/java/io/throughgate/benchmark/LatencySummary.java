package io.throughgate.benchmark;

/** Latency percentiles in milliseconds, over {@code count} samples. */
record LatencySummary(long count, double p50, double p99, double p999, double max) {

    static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0);
}
