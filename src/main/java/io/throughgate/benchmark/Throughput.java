package io.throughgate.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measured load: records accepted per second over the measuring window (after the warm-up), with the latency
 * of each answer.
 *
 * @param phase e.g. {@code raw-producer}, {@code hub-single}, {@code hub-batch}
 * @param concurrency requests (or batches) in flight at once; 0 for the raw producer
 * @param records records accepted in the window (202 from the hub, acknowledged by Kafka for the raw producer)
 * @param errors answers other than acceptance in the window
 * @param seconds the window's length
 * @param latency the latency of each answer (each HTTP answer; each batch for the batch phase)
 * @param hubProcessorTime the hub's processor time (all its threads, its broker's included) in the window, for the
 *        hub's phases
 * @param hubProcessorTimeByGroup the same by group of threads ({@link ThreadGroups}), where the system tells
 */
record Throughput(String phase, int concurrency, long records, long errors, double seconds, LatencySummary latency,
        Optional<Duration> hubProcessorTime, Map<String, Duration> hubProcessorTimeByGroup) {

    /** The hub's processor time per accepted record by thread group, in milliseconds; empty where not measured. */
    Map<String, Double> hubProcessorMsPerRecordByGroup() {
        Map<String, Double> perRecord = new LinkedHashMap<>();
        if (records > 0) {
            hubProcessorTimeByGroup.forEach((group, used) -> perRecord.put(group, used.toNanos() / 1e6 / records));
        }
        return perRecord;
    }

    /** The hub's processor time per accepted record, in milliseconds, where measured. */
    OptionalDouble hubProcessorMsPerRecord() {
        return records == 0 || hubProcessorTime.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(hubProcessorTime.get().toNanos() / 1e6 / records);
    }

    /** Records per second. */
    double perSecond() {
        return seconds <= 0 ? 0 : records / seconds;
    }
}
