package io.throughgate.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.json.Json;

/**
 * Writes a run's results as JSON (format {@code throughgate-benchmark/1}): rates in records per second, latencies
 * in milliseconds, memory in bytes; a phase that did not run is {@code null}; each target with its ratio and
 * whether it is met.
 */
final class ResultsJson {

    static final String FORMAT = "throughgate-benchmark/1";
    static final String REPLICAS_FORMAT = "throughgate-benchmark-replicas/1";
    private static final ObjectMapper JSON = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** The results as a JSON tree. */
    static ObjectNode toJson(BenchmarkResults results, List<TargetCheck> targets, String startedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("startedAt", startedAt);
        root.set("machine", machine(results.machine()));
        root.set("rawProducer", throughput(results.raw()));
        ArrayNode single = root.putArray("hubSingle");
        results.single().forEach(level -> single.add(throughput(Optional.of(level))));
        root.set("hubBatch", throughput(results.batch()));
        ObjectNode latency = root.putObject("latency");
        latency.put("rateRecordsPerSecond", results.rateRecordsPerSecond());
        latency.set("rawProducerToConsumer", paced(results.rawLatency()));
        latency.set("hubPushToSubscriber", paced(results.hubLatency()));
        ObjectNode memory = root.putObject("hubMemory");
        memory.put("underLoadVmRssBytes", results.memoryUnderLoad().rss());
        memory.put("underLoadVmHwmBytes", results.memoryUnderLoad().highWaterMark());
        memory.put("afterLoadVmRssBytes", results.memoryAfterLoad().rss());
        memory.put("afterLoadVmHwmBytes", results.memoryAfterLoad().highWaterMark());
        ArrayNode checks = root.putArray("targets");
        for (TargetCheck target : targets) {
            ObjectNode check = checks.addObject();
            check.put("name", target.name());
            check.put("target", target.target());
            check.put("measured", target.measured());
            if (Double.isNaN(target.ratio())) {
                check.putNull("ratio");
            } else {
                check.put("ratio", target.ratio());
            }
            check.put("met", target.met());
        }
        return root;
    }

    /** Writes the results to a file, creating its folder. */
    static void write(Path file, BenchmarkResults results, List<TargetCheck> targets, String startedAt)
            throws IOException {
        write(file, toJson(results, targets, startedAt));
    }

    /**
     * The replica mode's results as a JSON tree (format {@code throughgate-benchmark-replicas/1}): each
     * configuration's load as in the main format, and its checks.
     */
    static ObjectNode toJson(ReplicaResults results, String startedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", REPLICAS_FORMAT);
        root.put("startedAt", startedAt);
        root.set("machine", machine(results.machine()));
        root.put("arrangement", results.arrangement());
        ArrayNode runs = root.putArray("runs");
        for (ReplicaResult run : results.runs()) {
            ObjectNode node = runs.addObject();
            node.put("replicas", run.replicas());
            node.set("load", throughput(Optional.of(run.load())));
            DeliveryCheck check = run.check();
            node.put("acceptedRecords", check.accepted());
            node.put("missingFromInbox", check.missing());
            node.put("deliveredMoreThanOnce", check.deliveredTwice());
            node.put("notInSharingLog", check.notLogged());
            node.put("sharingLogEntries", check.log().entries());
            node.put("sharingLogVerified", check.log().verified());
        }
        root.put("twoReplicasOverOne", results.scaling());
        root.put("scalingTarget", ReplicaResults.SCALING_TARGET);
        return root;
    }

    /** Writes the replica mode's results to a file, creating its folder. */
    static void write(Path file, ReplicaResults results, String startedAt) throws IOException {
        write(file, toJson(results, startedAt));
    }

    private static void write(Path file, ObjectNode json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), json);
    }

    private static ObjectNode machine(Machine machine) {
        ObjectNode node = JSON.createObjectNode();
        node.put("processors", machine.processors());
        node.put("memoryBytes", machine.memoryBytes());
        node.put("java", machine.java());
        node.put("os", machine.os());
        node.put("loadAverageAtStart", machine.loadAverage());
        return node;
    }

    private static ObjectNode throughput(Optional<Throughput> measured) {
        if (measured.isEmpty()) {
            return null;
        }
        Throughput t = measured.get();
        ObjectNode node = JSON.createObjectNode();
        node.put("phase", t.phase());
        node.put("concurrency", t.concurrency());
        node.put("records", t.records());
        node.put("errors", t.errors());
        node.put("seconds", t.seconds());
        node.put("recordsPerSecond", t.perSecond());
        node.set("latencyMs", latency(Optional.of(t.latency())));
        t.hubProcessorMsPerRecord().ifPresent(ms -> node.put("hubProcessorMsPerRecord", ms));
        if (!t.hubProcessorMsPerRecordByGroup().isEmpty()) {
            ObjectNode groups = node.putObject("hubProcessorMsPerRecordByThreadGroup");
            t.hubProcessorMsPerRecordByGroup().forEach(groups::put);
        }
        return node;
    }

    private static ObjectNode paced(Optional<PacedLatency> measured) {
        if (measured.isEmpty()) {
            return null;
        }
        ObjectNode node = latency(Optional.of(measured.get().latency()));
        node.put("measuredRecords", measured.get().measured());
        node.put("missingRecords", measured.get().missing());
        node.put("keptUp", measured.get().keptUp());
        return node;
    }

    private static ObjectNode latency(Optional<LatencySummary> measured) {
        if (measured.isEmpty()) {
            return null;
        }
        LatencySummary l = measured.get();
        ObjectNode node = JSON.createObjectNode();
        node.put("samples", l.count());
        node.put("p50", l.p50());
        node.put("p99", l.p99());
        node.put("p999", l.p999());
        node.put("max", l.max());
        return node;
    }
}
