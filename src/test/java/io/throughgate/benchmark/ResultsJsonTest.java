package io.throughgate.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.sharinglog.LogVerification;

class ResultsJsonTest {

    @TempDir
    Path folder;

    @Test
    void writesEveryFigureAndTargetToTheFile() throws Exception {
        BenchmarkResults results = TargetsTest.results(List.of(TargetsTest.throughput("hub-single", 16, 80_000, 10),
                TargetsTest.throughput("hub-single", 64, 120_000, 10)), 20_000, 8, 30, 700L << 20);
        Path file = folder.resolve("out").resolve("benchmark.json");
        ResultsJson.write(file, results, Targets.evaluate(results), "2026-11-22T10:00:00Z");

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("throughgate-benchmark/1", json.path("format").asText());
        assertEquals(2, json.path("machine").path("processors").asInt());
        assertEquals(100_000.0, json.path("rawProducer").path("recordsPerSecond").asDouble(), 1e-9);
        assertEquals(64, json.path("hubSingle").path(1).path("concurrency").asInt());
        assertEquals(12_000.0, json.path("hubSingle").path(1).path("recordsPerSecond").asDouble(), 1e-9);
        assertEquals(20_000.0, json.path("hubBatch").path("recordsPerSecond").asDouble(), 1e-9);
        assertEquals(2000, json.path("latency").path("rateRecordsPerSecond").asInt());
        assertEquals(8.0, json.path("latency").path("rawProducerToConsumer").path("p99").asDouble(), 1e-9);
        assertEquals(30.0, json.path("latency").path("hubPushToSubscriber").path("p999").asDouble(), 1e-9);
        assertEquals(0, json.path("latency").path("hubPushToSubscriber").path("missingRecords").asLong());
        assertTrue(json.path("latency").path("hubPushToSubscriber").path("keptUp").asBoolean());
        assertEquals(700L << 20, json.path("hubMemory").path("underLoadVmRssBytes").asLong());
        assertEquals(350L << 20, json.path("hubMemory").path("afterLoadVmRssBytes").asLong());
        JsonNode targets = json.path("targets");
        assertEquals(4, targets.size());
        assertTrue(targets.path(0).path("met").asBoolean());
        assertFalse(targets.path(1).path("met").asBoolean());
        assertEquals(0.2, targets.path(1).path("ratio").asDouble(), 1e-9);
        assertFalse(targets.path(2).path("met").asBoolean());
        assertEquals(3.75, targets.path(2).path("ratio").asDouble(), 1e-9);
    }

    @Test
    void writesNullForAPhaseThatDidNotRun() {
        BenchmarkResults results = new BenchmarkResults(new Machine(2, 0, "java", "os", 0), Optional.empty(), List.of(),
                Optional.empty(), 2000, Optional.empty(), Optional.empty(), Memory.UNKNOWN, Memory.UNKNOWN);
        JsonNode json = ResultsJson.toJson(results, Targets.evaluate(results), "now");
        assertTrue(json.path("rawProducer").isNull());
        assertTrue(json.path("hubBatch").isNull());
        assertTrue(json.path("latency").path("hubPushToSubscriber").isNull());
        assertTrue(json.path("targets").path(0).path("ratio").isNull());
    }

    @Test
    void writesEachReplicaRunWithItsChecksAndTheScaling() {
        LogVerification verified = new LogVerification(true, 300, 0, 2, 290, List.of());
        LogVerification broken = new LogVerification(false, 500, 0, 2, 480, List.of(new LogVerification.Problem(7L,
                "entry 7: its leaf hash does not match its text")));
        ReplicaResults results = new ReplicaResults(new Machine(2, 0, "java", "os", 0), "pinned", 64, List.of(
                new ReplicaResult(1, TargetsTest.throughput("hub-single", 64, 100, 10), new DeliveryCheck(1000, 0, 0,
                        0, verified)),
                new ReplicaResult(2, TargetsTest.throughput("hub-single", 64, 170, 10), new DeliveryCheck(1700, 1, 2,
                        0, broken))));

        JsonNode json = ResultsJson.toJson(results, "now");

        assertEquals("throughgate-benchmark-replicas/1", json.path("format").asText());
        assertEquals("pinned", json.path("arrangement").asText());
        assertEquals(2, json.path("runs").path(1).path("replicas").asInt());
        assertEquals(17.0, json.path("runs").path(1).path("load").path("recordsPerSecond").asDouble(), 1e-9);
        assertTrue(json.path("runs").path(0).path("sharingLogVerified").asBoolean());
        assertEquals(1, json.path("runs").path(1).path("missingFromInbox").asLong());
        assertEquals(2, json.path("runs").path(1).path("deliveredMoreThanOnce").asLong());
        assertFalse(json.path("runs").path(1).path("sharingLogVerified").asBoolean());
        assertEquals(1.7, json.path("twoReplicasOverOne").asDouble(), 1e-9);
        assertFalse(results.checksPassed(), "a missing record, a duplicate and a broken log fail the run");
    }
}
