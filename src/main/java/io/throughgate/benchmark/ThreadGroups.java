package io.throughgate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The hub's threads in groups by what they do, with the processor time each group has used, read from Linux's
 * {@code /proc/<pid>/task/<tid>/stat} (user and system time in clock ticks of 10 ms; the kernel shortens thread
 * names to 15 characters). On other systems there are no groups.
 */
final class ThreadGroups {

    /** The groups, in the order they are printed, each with the name prefixes of its threads. */
    static final List<Map.Entry<String, List<String>>> GROUPS = List.of(
            Map.entry("request workers", List.of("executor-thread")),
            Map.entry("event loops and TLS", List.of("vert.x-")),
            Map.entry("delivery writers", List.of("delivery-writer", "kafka-producer-")),
            Map.entry("sharing log", List.of("sharing-log", "kafka-coordinat")),
            Map.entry("database", List.of("H2-", "MVStore", "agroal")),
            Map.entry("consent", List.of("consent-")),
            Map.entry("garbage collection", List.of("GC ", "G1 ", "VM Thread")),
            Map.entry("JIT compiler", List.of("C1 Compiler", "C2 Compiler")),
            Map.entry("broker", List.of("data-plane-", "kafka", "TxnMarker", "AddPartitions", "quorum-", "broker",
                    "group-coordinat", "ExpirationReap", "executor-", "controller", "raft", "transaction-",
                    "ReplicaFetcher", "LogDirFailure", "metrics-")));
    static final String OTHER = "other";
    private static final Duration TICK = Duration.ofMillis(10);

    private ThreadGroups() {
    }

    /** The group of a thread by its (kernel-shortened) name. */
    static String of(String threadName) {
        for (Map.Entry<String, List<String>> group : GROUPS) {
            for (String prefix : group.getValue()) {
                if (threadName.startsWith(prefix)) {
                    return group.getKey();
                }
            }
        }
        return OTHER;
    }

    /** Each thread's processor time so far, by thread id; empty where {@code /proc} does not tell. */
    static Map<Long, ThreadTime> threads(long pid) {
        Map<Long, ThreadTime> threads = new LinkedHashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (Stream<Path> each = Files.list(tasks)) {
            for (Path task : each.toList()) {
                try {
                    parse(Files.readString(task.resolve("stat"), StandardCharsets.UTF_8)).ifPresent(time -> threads
                            .put(Long.parseLong(task.getFileName().toString()), time));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read: it is counted in the process's total only.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    /** A thread's name and processor time. */
    record ThreadTime(String name, Duration used) {
    }

    /** A {@code stat} line: the name in parentheses (it may hold spaces), then fields of which 14 and 15 count. */
    static Optional<ThreadTime> parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        if (fields.length < 13) {
            return Optional.empty();
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return Optional.of(new ThreadTime(stat.substring(open + 1, close), TICK.multipliedBy(ticks)));
    }

    /**
     * The time each group used between two readings, in {@link #GROUPS} order then {@link #OTHER}: threads present
     * at the end count from zero if they started in between; threads that ended in between are not counted.
     */
    static Map<String, Duration> between(Map<Long, ThreadTime> before, Map<Long, ThreadTime> after) {
        Map<String, Duration> used = new LinkedHashMap<>();
        GROUPS.forEach(group -> used.put(group.getKey(), Duration.ZERO));
        used.put(OTHER, Duration.ZERO);
        after.forEach((tid, end) -> {
            ThreadTime start = before.get(tid);
            Duration delta = start == null || !start.name().equals(end.name())
                    ? end.used()
                    : end.used().minus(start.used());
            used.merge(of(end.name()), delta, Duration::plus);
        });
        return used;
    }
}
