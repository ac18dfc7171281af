package io.throughgate.benchmark;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The limit: the raw Kafka producer's records/s, as fast as it goes, with the run's records. */
final class RawProducerPhase {

    static final String TOPIC = "tg.benchmark.raw-throughput";

    private RawProducerPhase() {
    }

    static Throughput run(BenchmarkKafka kafka, SampleRecords records, BenchmarkSettings settings,
            Progress progress) {
        Window window = new Window(settings.warmUp(), settings.measure());
        Progress.Phase phase = progress.phase("raw Kafka producer", window::seen);
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            while (window.open()) {
                SampleRecords.Sample sample = records.next();
                long started = System.nanoTime();
                // send() blocks while the producer's buffer is full, which paces this loop to what the broker takes.
                producer.send(new ProducerRecord<>(TOPIC, sample.recordId(), sample.json().getBytes(
                        StandardCharsets.UTF_8)),
                        (metadata, failure) -> window.completed(started, failure == null
                                ? 1
                                : 0, failure == null ? 0 : 1));
            }
            producer.flush();
        }
        Throughput result = window.result("raw-producer", 0);
        phase.done(String.format(java.util.Locale.ROOT, "%,.0f records/s", result.perSecond()));
        return result;
    }
}
