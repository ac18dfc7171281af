package io.throughgate.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Machine MACHINE = new Machine(2, 8L << 30, "OpenJDK 17", "Linux", 0.5);

    static Throughput throughput(String phase, int concurrency, long records, double seconds) {
        return new Throughput(phase, concurrency, records, 0, seconds, LatencySummary.NONE, java.util.Optional
                .empty(), java.util.Map.of());
    }

    static PacedLatency paced(double p99, long missing) {
        return new PacedLatency(new LatencySummary(1000, p99 / 2, p99, p99, p99), 1000 + missing, missing);
    }

    static BenchmarkResults results(List<Throughput> single, double batchPerSecond, double rawP99, double hubP99,
            long rssBytes) {
        return new BenchmarkResults(MACHINE, Optional.of(throughput("raw-producer", 0, 1_000_000, 10)), single,
                Optional.of(throughput("hub-batch", 4, (long) (batchPerSecond * 10), 10)), 2000,
                Optional.of(paced(rawP99, 0)),
                Optional.of(paced(hubP99, 0)), new Memory(rssBytes, rssBytes), new Memory(rssBytes / 2,
                        rssBytes));
    }

    @Test
    void meetsEveryTargetAtItsBoundary() {
        List<TargetCheck> checks = Targets.evaluate(results(List.of(throughput("hub-single", 64, 100_000, 10)),
                35_000, 10, 30, (1L << 30) - 1));
        assertEquals(List.of(true, true, true, true), checks.stream().map(TargetCheck::met).toList());
        assertEquals(1.0, checks.get(0).ratio(), 1e-9);
        assertEquals(0.35, checks.get(1).ratio(), 1e-9);
        assertEquals(3.0, checks.get(2).ratio(), 1e-9);
    }

    @Test
    void failsEachTargetJustPastItsBoundary() {
        List<TargetCheck> checks = Targets.evaluate(results(List.of(throughput("hub-single", 64, 99_990, 10)),
                34_990, 10, 30.1, 1L << 30));
        assertEquals(List.of(false, false, false, false), checks.stream().map(TargetCheck::met).toList());
        assertEquals(1.0, checks.get(3).ratio(), 1e-9);
    }

    @Test
    void judgesSingleIngestionByTheBestLevel() {
        TargetCheck single = Targets.evaluate(results(List.of(throughput("hub-single", 16, 50_000, 10), throughput(
                "hub-single", 64, 120_000, 10), throughput("hub-single", 256, 90_000, 10)), 50_000, 10, 10, 1))
                .get(0);
        assertTrue(single.met());
        assertEquals(1.2, single.ratio(), 1e-9);
        assertEquals("12,000/s at concurrency 64", single.measured());
    }

    @Test
    void failsLatencyWhenTheHubDidNotKeepUpWithTheRate() {
        BenchmarkResults results = results(List.of(), 0, 10, 20, 1);
        BenchmarkResults lagging = new BenchmarkResults(results.machine(), results.raw(), results.single(), results
                .batch(), 2000, results.rawLatency(), Optional.of(paced(20, 5)), results.memoryUnderLoad(),
                results
                        .memoryAfterLoad());
        TargetCheck latency = Targets.evaluate(lagging).get(2);
        assertFalse(latency.met());
        assertEquals("20.0 ms vs raw 10.0 ms, hub did not keep up", latency.measured());
        assertTrue(Targets.evaluate(results).get(2).met());
    }

    @Test
    void failsWhatWasNotMeasured() {
        BenchmarkResults nothing = new BenchmarkResults(MACHINE, Optional.empty(), List.of(), Optional.empty(), 2000,
                Optional.empty(), Optional.empty(), Memory.UNKNOWN, Memory.UNKNOWN);
        List<TargetCheck> checks = Targets.evaluate(nothing);
        assertEquals(4, checks.size());
        for (TargetCheck check : checks) {
            assertFalse(check.met());
            assertTrue(Double.isNaN(check.ratio()));
            assertEquals("not measured", check.measured());
        }
    }
}
