package io.throughgate.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * The figures of one run, all against the same broker with the same records.
 *
 * @param machine where it ran
 * @param raw the raw Kafka producer's throughput (the limit)
 * @param single hub single-record ingestion, one per concurrency level
 * @param batch hub batch ingestion
 * @param rateRecordsPerSecond the paced rate of the latency phases
 * @param rawLatency raw producer-to-consumer latency at that rate
 * @param hubLatency push-to-subscriber latency at that rate (HTTP request sent to record on the inbox)
 * @param memoryUnderLoad the hub's memory: the largest VmRSS seen under load and VmHWM at the end of the load
 * @param memoryAfterLoad the hub's memory after the load, once idle
 */
record BenchmarkResults(Machine machine, Optional<Throughput> raw, List<Throughput> single,
        Optional<Throughput> batch, int rateRecordsPerSecond, Optional<PacedLatency> rawLatency,
        Optional<PacedLatency> hubLatency, Memory memoryUnderLoad, Memory memoryAfterLoad) {

    /** The best single-record throughput over the levels. */
    Optional<Throughput> bestSingle() {
        return single.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
    }
}
