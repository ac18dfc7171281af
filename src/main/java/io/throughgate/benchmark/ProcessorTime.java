package io.throughgate.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    private ProcessorTime(List<ProcessHandle> processes, long fromNanos, long untilNanos) {
        this.watch = new Thread(() -> {
            if (!waitUntil(fromNanos)) {
                return;
            }
            Optional<Duration> atStart = total(processes);
            Map<Long, ThreadGroups.ThreadTime> threadsAtStart = threads(processes);
            if (!waitUntil(untilNanos)) {
                return;
            }
            Optional<Duration> atEnd = total(processes);
            Map<Long, ThreadGroups.ThreadTime> threadsAtEnd = threads(processes);
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

    /**
     * Starts watching the processor time of processes (summed: the replicas of one hub) between two
     * {@link System#nanoTime()} instants.
     */
    static ProcessorTime between(List<ProcessHandle> processes, long fromNanos, long untilNanos) {
        return new ProcessorTime(List.copyOf(processes), fromNanos, untilNanos);
    }

    private static Optional<Duration> total(List<ProcessHandle> processes) {
        Duration sum = Duration.ZERO;
        for (ProcessHandle process : processes) {
            Optional<Duration> used = process.info().totalCpuDuration();
            if (used.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.plus(used.get());
        }
        return Optional.of(sum);
    }

    /** Every thread of the processes, by thread id (unique across processes on Linux). */
    private static Map<Long, ThreadGroups.ThreadTime> threads(List<ProcessHandle> processes) {
        Map<Long, ThreadGroups.ThreadTime> threads = new HashMap<>();
        processes.forEach(process -> threads.putAll(ThreadGroups.threads(process.pid())));
        return threads;
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
