package io.throughgate.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints a run's figures and its targets as plain-text tables. */
final class ResultsTable {

    private ResultsTable() {
    }

    static void print(PrintStream out, BenchmarkResults results, List<TargetCheck> targets) {
        machineAndHeader(out, results.machine(), "throughput");
        results.raw().ifPresent(t -> throughputRow(out, "raw Kafka producer", t));
        results.single().forEach(t -> throughputRow(out, "hub single-record HTTPS", t));
        results.batch().ifPresent(t -> throughputRow(out, "hub batch (per batch)", t));
        results.single().forEach(t -> byThreadGroup(out, "hub single-record HTTPS at " + t.concurrency(), t));
        results.batch().ifPresent(t -> byThreadGroup(out, "hub batch", t));
        out.printf(Locale.ROOT, "%n%-26s %9s %9s %9s %9s %9s %9s%n", "latency at " + results.rateRecordsPerSecond()
                + "/s", "samples", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "missing");
        latencyRow(out, "raw producer-to-consumer", results.rawLatency());
        latencyRow(out, "hub push-to-subscriber", results.hubLatency());
        out.printf(Locale.ROOT, "%nhub memory: under load VmRSS max %,d MiB, VmHWM %,d MiB; after load VmRSS %,d MiB%n",
                results.memoryUnderLoad().rss() >> 20, results.memoryUnderLoad().highWaterMark() >> 20, results
                        .memoryAfterLoad().rss() >> 20);
        out.printf(Locale.ROOT, "%n%-24s %-24s %-36s %7s %s%n", "target", "wanted", "measured", "ratio", "met");
        for (TargetCheck target : targets) {
            out.printf(Locale.ROOT, "%-24s %-24s %-36s %7s %s%n", target.name(), target.target(), target.measured(),
                    Double.isNaN(target.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", target.ratio()), target
                            .met() ? "yes" : "NO");
        }
    }

    /** The machine's line, then the header of the throughput rows. */
    static void machineAndHeader(PrintStream out, Machine machine, String first) {
        out.printf(Locale.ROOT, "%nmachine: %d processors, %,d MiB memory, %s, %s, load average %.1f at start%n%n",
                machine.processors(), machine.memoryBytes() >> 20, machine.java(), machine.os(), machine
                        .loadAverage());
        out.printf(Locale.ROOT, "%-26s %11s %12s %9s %9s %9s %9s %12s%n", first, "concurrency", "records/s",
                "p50 ms", "p99 ms", "p99.9 ms", "errors", "hub CPU ms/rec");
    }

    static void throughputRow(PrintStream out, String name, Throughput t) {
        out.printf(Locale.ROOT, "%-26s %11s %,12.0f %9.1f %9.1f %9.1f %9d %12s%n", name, t.concurrency() == 0
                ? "-"
                : Integer.toString(t.concurrency()), t.perSecond(), t.latency().p50(), t.latency().p99(),
                t.latency().p999(), t.errors(), t.hubProcessorMsPerRecord().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", t.hubProcessorMsPerRecord().getAsDouble())
                        : "-");
    }

    /** Where a phase's processor time went: ms per record for each group of the hub's threads. */
    static void byThreadGroup(PrintStream out, String name, Throughput t) {
        if (t.hubProcessorMsPerRecordByGroup().isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        t.hubProcessorMsPerRecordByGroup().forEach((group, ms) -> line.append(line.length() == 0 ? "" : ", ")
                .append(group).append(' ').append(String.format(Locale.ROOT, "%.2f", ms)));
        out.printf(Locale.ROOT, "  %s, hub CPU ms/rec by thread group: %s%n", name, line);
    }

    private static void latencyRow(PrintStream out, String name, Optional<PacedLatency> paced) {
        if (paced.isEmpty()) {
            out.printf(Locale.ROOT, "%-26s %9s%n", name, "not measured");
            return;
        }
        LatencySummary l = paced.get().latency();
        out.printf(Locale.ROOT, "%-26s %9d %9.1f %9.1f %9.1f %9.1f %9d%s%n", name, l.count(), l.p50(), l.p99(), l
                .p999(), l.max(), paced.get().missing(), paced.get().keptUp() ? "" : "  (did not keep up)");
    }
}
