package io.throughgate.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The processor time a process uses during a phase's measuring window, read from the operating system (user and
 * system time of all its threads) when the window opens and when it closes. Divided by the records measured, it is
 * the hub's cost per record, a figure that other work on the machine hardly changes, unlike records/s. Split by
 * thread group where the system tells ({@link ThreadGroups}), it shows where the cost goes.
 */
final class ProcessorTime {

    private final Thread watch;
    private volatile Duration used;
    private volatile Map<String, Duration> usedByGroup = Map.of();

    private ProcessorTime(ProcessHandle process, long fromNanos, long untilNanos) {
        this.watch = new Thread(() -> {
            if (!waitUntil(fromNanos)) {
                return;
            }
            Optional<Duration> atStart = process.info().totalCpuDuration();
            Map<Long, ThreadGroups.ThreadTime> threadsAtStart = ThreadGroups.threads(process.pid());
            if (!waitUntil(untilNanos)) {
                return;
            }
            Optional<Duration> atEnd = process.info().totalCpuDuration();
            Map<Long, ThreadGroups.ThreadTime> threadsAtEnd = ThreadGroups.threads(process.pid());
            if (atStart.isPresent() && atEnd.isPresent()) {
                used = atEnd.get().minus(atStart.get());
            }
            if (!threadsAtStart.isEmpty() && !threadsAtEnd.isEmpty()) {
                usedByGroup = ThreadGroups.between(threadsAtStart, threadsAtEnd);
            }
        }, "benchmark-processor-time");
        watch.setDaemon(true);
        watch.start();
    }

    /** Starts watching the process's processor time between two {@link System#nanoTime()} instants. */
    static ProcessorTime between(ProcessHandle process, long fromNanos, long untilNanos) {
        return new ProcessorTime(process, fromNanos, untilNanos);
    }

    /** The time used in the window, once it has closed; empty if the system does not tell. */
    Optional<Duration> used() {
        try {
            watch.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(used);
    }

    /** The time used in the window by each group of the hub's threads ({@link ThreadGroups}); empty if unknown. */
    Map<String, Duration> usedByGroup() {
        used();
        return usedByGroup;
    }

    private static boolean waitUntil(long instantNanos) {
        long wait = instantNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }
}
