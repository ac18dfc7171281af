package io.throughgate.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A phase's timing: a warm-up whose results are not counted, then the measuring window. Counts what completes
 * inside the window.
 */
final class Window {

    private final long measureFrom;
    private final long measureUntil;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong seen = new AtomicLong();
    private final Percentiles latency = new Percentiles();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    private final ProcessorTime hubProcessorTime;

    Window(Duration warmUp, Duration measure) {
        this(warmUp, measure, List.of());
    }

    /** A window that also measures the hub's processor time while it is open. */
    Window(Duration warmUp, Duration measure, ProcessHandle hub) {
        this(warmUp, measure, hub == null ? List.of() : List.of(hub));
    }

    /** A window that also measures the processor time of the hub's replicas, summed, while it is open. */
    Window(Duration warmUp, Duration measure, List<ProcessHandle> replicas) {
        this.measureFrom = System.nanoTime() + warmUp.toNanos();
        this.measureUntil = measureFrom + measure.toNanos();
        this.hubProcessorTime = replicas.isEmpty()
                ? null
                : ProcessorTime.between(replicas, measureFrom, measureUntil);
    }

    /** Whether the phase should still start work. */
    boolean open() {
        return System.nanoTime() < measureUntil;
    }

    /**
     * Counts one completed piece of work that started at {@code startedNanos}, if it completed inside the window.
     *
     * @param accepted records accepted
     * @param failed records not accepted
     */
    void completed(long startedNanos, long accepted, long failed) {
        long now = System.nanoTime();
        seen.addAndGet(accepted);
        if (now >= measureFrom && now < measureUntil) {
            records.addAndGet(accepted);
            errors.addAndGet(failed);
            latency.add(now - startedNanos);
        }
    }

    /** Notes what went wrong, the first time something does (for the phase's summary line). */
    void error(String what) {
        firstError.compareAndSet(null, what);
    }

    /** The first thing that went wrong, if anything did. */
    String firstError() {
        return firstError.get();
    }

    /** Records completed so far, warm-up included (for progress). */
    long seen() {
        return seen.get();
    }

    Throughput result(String phase, int concurrency) {
        return new Throughput(phase, concurrency, records.get(), errors.get(), (measureUntil - measureFrom) / 1e9,
                latency.summary(), hubProcessorTime == null ? Optional.empty() : hubProcessorTime.used(),
                hubProcessorTime == null ? Map.of() : hubProcessorTime.usedByGroup());
    }
}
