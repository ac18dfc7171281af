package io.throughgate.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** One benchmark run: starts the hub, runs every phase against it and its broker, stops it, reports. */
final class BenchmarkRun {

    private static final String RAW_LATENCY_TOPIC = "tg.benchmark.raw-latency";
    private static final String INBOX = "tg.inbox." + SampleRecords.RECIPIENT;

    private final BenchmarkSettings settings;
    private final PrintStream out;
    private final Progress progress;
    private final SampleRecords records = new SampleRecords();

    BenchmarkRun(BenchmarkSettings settings, PrintStream out, boolean terminal) {
        this.settings = settings;
        this.out = out;
        this.progress = new Progress(out, terminal);
    }

    /** Runs every phase and returns the figures; the hub is stopped whatever happens. */
    BenchmarkResults run() throws IOException, InterruptedException {
        Machine machine = Machine.current();
        out.printf(Locale.ROOT, "this machine: %d processors, load average %.1f%s%n", machine.processors(), machine
                .loadAverage(),
                machine.loadAverage() > machine.processors() / 2.0
                        ? " (busy: other work will lower the figures)"
                        : "");
        out.println("starting the hub: " + settings.jar() + ", HTTPS port " + settings.httpsPort() + ", Kafka port "
                + settings.kafkaPort() + ", log " + settings.hubLog());
        int connections = Math.max(64, settings.levels().stream().mapToInt(Integer::intValue).max().orElse(1));
        try (HubProcess hub = HubProcess.start(settings.jar(), settings, settings.hubLog());
                HubClient client = new HubClient(settings.certsDir(), SampleRecords.SENDER, settings.httpsPort(),
                        connections);
                progress) {
            hub.awaitReady(client, settings.hubLog());
            out.println("hub ready, pid " + hub.pid());
            BenchmarkKafka kafka = new BenchmarkKafka(settings.kafkaPort(), settings.certsDir());
            kafka.createTopics(RawProducerPhase.TOPIC, RAW_LATENCY_TOPIC);
            Memory underLoad;
            Throughput raw;
            List<Throughput> single = new ArrayList<>();
            Throughput batch;
            PacedLatency rawLatency;
            PacedLatency hubLatency;
            try (MemoryWatch memory = new MemoryWatch(hub.pid())) {
                raw = RawProducerPhase.run(kafka, records, settings, progress);
                for (int level : settings.levels()) {
                    single.add(SingleIngestionPhase.run(client, records, settings, level, hub.handle(), progress));
                    requireAlive(hub);
                }
                batch = BatchIngestionPhase.run(client, records, settings, hub.handle(), progress);
                requireAlive(hub);
                rawLatency = rawLatency(kafka);
                hubLatency = PacedLatencyPhase.run("hub push-to-subscriber", settings, records, sample -> client
                        .post("/v1/records", "application/json", sample.json()), kafka.consumerAtEnd(INBOX),
                        PacedLatencyPhase::cloudEventId, progress);
                requireAlive(hub);
                underLoad = memory.largest().max(Memory.of(hub.pid()));
            }
            Duration settle = settings.warmUp().multipliedBy(2);
            out.printf(Locale.ROOT, "load over; the hub's memory again in %d s%n", settle.toSeconds());
            Thread.sleep(settle.toMillis());
            Memory afterLoad = Memory.of(hub.pid());
            out.println("stopping the hub");
            return new BenchmarkResults(machine, Optional.of(raw), single, Optional.of(batch), settings
                    .rate(), Optional.of(rawLatency), Optional.of(hubLatency), underLoad,
                    afterLoad);
        }
    }

    private PacedLatency rawLatency(BenchmarkKafka kafka) {
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            return PacedLatencyPhase.run("raw producer-to-consumer", settings, records, sample -> producer.send(
                    new ProducerRecord<>(RAW_LATENCY_TOPIC, sample.recordId(), sample.json().getBytes(
                            StandardCharsets.UTF_8))),
                    kafka.consumerAtEnd(RAW_LATENCY_TOPIC),
                    message -> message.key(), progress);
        }
    }

    private void requireAlive(HubProcess hub) {
        if (!hub.alive()) {
            throw new IllegalStateException("the hub stopped; see " + settings.hubLog());
        }
    }
}
