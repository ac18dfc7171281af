package io.throughgate.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * Latency at a paced rate: records are sent at fixed intervals (an open loop: a slow answer does not delay the next
 * record) and a read_committed consumer on the destination topic takes, for each record, the time from its send to
 * its arrival. Records sent during the warm-up are not counted.
 */
final class PacedLatencyPhase {

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private PacedLatencyPhase() {
    }

    /** Sends one record; the phase notes the send time just before. */
    interface Sender {

        void send(SampleRecords.Sample sample);
    }

    /**
     * Runs the phase.
     *
     * @param name the progress line's name
     * @param consumer a consumer positioned at the end of the destination topic; closed at the end
     * @param idOf the record id of a message on the destination topic (null for other messages)
     */
    static PacedLatency run(String name, BenchmarkSettings settings, SampleRecords records, Sender sender,
            KafkaConsumer<String, byte[]> consumer, Function<ConsumerRecord<String, byte[]>, String> idOf,
            Progress progress) {
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Percentiles latency = new Percentiles();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(consumer, idOf, pending, latency, sending), "benchmark-" + name);
        reader.start();
        Progress.Phase phase = progress.phase(name + " at " + settings.rate() + "/s", latency::count);
        long period = 1_000_000_000L / settings.rate();
        long start = System.nanoTime();
        long measureFrom = start + settings.warmUp().toNanos();
        long end = measureFrom + settings.latencyMeasure().toNanos();
        long measured = 0;
        for (long i = 0;; i++) {
            long due = start + i * period;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            SampleRecords.Sample sample = records.next();
            long now = System.nanoTime();
            if (now >= measureFrom) {
                pending.put(sample.recordId(), now);
                measured++;
            }
            sender.send(sample);
        }
        sending.set(false);
        try {
            reader.join(DRAIN.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LatencySummary summary = latency.summary();
        PacedLatency outcome = new PacedLatency(summary, measured, pending.size());
        phase.done(String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%s", summary.p50(), summary
                .p99(), summary.p999(),
                outcome.keptUp()
                        ? ""
                        : "; did NOT keep up: " + pending.size() + " of "
                                + measured + " measured records had not arrived " + DRAIN.toSeconds()
                                + " s after the last was sent"));
        return outcome;
    }

    /** The record id in a hub inbox message: its CloudEvents id header. */
    static String cloudEventId(ConsumerRecord<String, byte[]> message) {
        Header header = message.headers().lastHeader("ce_id");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void read(KafkaConsumer<String, byte[]> consumer,
            Function<ConsumerRecord<String, byte[]>, String> idOf, Map<String, Long> pending, Percentiles latency,
            AtomicBoolean sending) {
        try (consumer) {
            long drainUntil = Long.MAX_VALUE;
            while (true) {
                for (ConsumerRecord<String, byte[]> message : consumer.poll(Duration.ofMillis(50))) {
                    long arrived = System.nanoTime();
                    String id = idOf.apply(message);
                    Long sent = id == null ? null : pending.remove(id);
                    if (sent != null) {
                        latency.add(arrived - sent);
                    }
                }
                if (!sending.get()) {
                    if (drainUntil == Long.MAX_VALUE) {
                        drainUntil = System.nanoTime() + DRAIN.toNanos();
                    }
                    if (pending.isEmpty() || System.nanoTime() > drainUntil) {
                        return;
                    }
                }
            }
        }
    }
}
