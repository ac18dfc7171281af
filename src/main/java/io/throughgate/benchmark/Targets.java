package io.throughgate.benchmark;

import java.util.List;
import java.util.Locale;

/** The performance targets of DESIGN.md ("Performance targets"), as ratios within one run. */
final class Targets {

    /** Single-record HTTPS ingestion with every step on, on 2 cores. */
    static final double SINGLE_RECORDS_PER_SECOND = 10_000;
    /** Batch ingestion as a share of the raw producer's records/s. */
    static final double BATCH_SHARE_OF_RAW = 0.35;
    /** Push-to-subscriber p99 as a multiple of the raw producer-to-consumer p99. */
    static final double LATENCY_P99_MULTIPLE = 3;
    /** The hub's resident memory under load, embedded broker included. */
    static final long MEMORY_LIMIT_BYTES = 1L << 30;

    private Targets() {
    }

    /** Each target, evaluated on the results; a figure that was not measured fails its target. */
    static List<TargetCheck> evaluate(BenchmarkResults results) {
        TargetCheck single = results.bestSingle()
                .map(best -> check("single-record ingestion", ">= 10,000 records/s", String.format(Locale.ROOT,
                        "%,.0f/s at concurrency %d", best.perSecond(), best.concurrency()),
                        best.perSecond()
                                / SINGLE_RECORDS_PER_SECOND,
                        best.perSecond() >= SINGLE_RECORDS_PER_SECOND))
                .orElse(notMeasured("single-record ingestion", ">= 10,000 records/s"));
        TargetCheck batch = results.batch().flatMap(b -> results.raw().filter(raw -> raw.perSecond() > 0).map(
                raw -> check("batch ingestion", ">= 35% of raw producer", String.format(Locale.ROOT,
                        "%,.0f/s vs raw %,.0f/s", b.perSecond(), raw.perSecond()), b.perSecond() / raw.perSecond(),
                        b.perSecond() >= BATCH_SHARE_OF_RAW * raw.perSecond())))
                .orElse(notMeasured("batch ingestion", ">= 35% of raw producer"));
        TargetCheck latency = results.hubLatency().flatMap(hub -> results.rawLatency().filter(raw -> raw.latency()
                .p99() > 0).map(raw -> latency(hub, raw))).orElse(notMeasured("push-to-subscriber p99",
                        "<= 3x raw p99"));
        long peak = Math.max(results.memoryUnderLoad().rss(), results.memoryUnderLoad().highWaterMark());
        TargetCheck memory = peak == 0
                ? notMeasured("hub resident memory", "< 1 GiB")
                : check("hub resident memory", "< 1 GiB", String.format(Locale.ROOT, "peak %,d MiB", peak >> 20),
                        (double) peak / MEMORY_LIMIT_BYTES, peak < MEMORY_LIMIT_BYTES);
        return List.of(single, batch, latency, memory);
    }

    /** A destination that did not keep up with the rate fails, whatever its percentiles say. */
    private static TargetCheck latency(PacedLatency hub, PacedLatency raw) {
        double hubP99 = hub.latency().p99();
        double rawP99 = raw.latency().p99();
        String measured = String.format(Locale.ROOT, "%.1f ms vs raw %.1f ms", hubP99, rawP99);
        if (!hub.keptUp() || !raw.keptUp()) {
            measured += hub.keptUp() ? ", raw did not keep up" : ", hub did not keep up";
        }
        return check("push-to-subscriber p99", "<= 3x raw p99", measured, hubP99 / rawP99, hub.keptUp() && raw
                .keptUp() && hubP99 <= LATENCY_P99_MULTIPLE * rawP99);
    }

    private static TargetCheck check(String name, String target, String measured, double ratio, boolean met) {
        return new TargetCheck(name, target, measured, ratio, met);
    }

    private static TargetCheck notMeasured(String name, String target) {
        return new TargetCheck(name, target, "not measured", Double.NaN, false);
    }
}
