package io.throughgate.benchmark;

/**
 * The latency of a paced phase.
 *
 * @param latency from send to arrival, of the records that arrived
 * @param measured records sent in the measuring window
 * @param missing of those, how many had not arrived when the phase gave up waiting: more than none means the
 *        destination did not keep up with the rate, and the percentiles then describe a growing queue
 */
record PacedLatency(LatencySummary latency, long measured, long missing) {

    /** Whether every measured record arrived. */
    boolean keptUp() {
        return missing == 0;
    }
}
