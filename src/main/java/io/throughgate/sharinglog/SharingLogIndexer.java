package io.throughgate.sharinglog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.throughgate.json.Json;
import io.throughgate.kafka.Topics;

/**
 * Reads committed sharing-log events from Kafka into the database, on a thread of its own. Hub replicas share one
 * consumer group, so each partition is read by one replica at a time; the read positions live in the database, in
 * the same transaction as the entries, so after a crash, a rebalance or a database outage the indexer resumes
 * exactly where the database says, and nothing is indexed twice. While the database is unavailable it retries with
 * a growing pause and catches up afterwards.
 */
public final class SharingLogIndexer implements AutoCloseable {

    /** The consumer group of the hub's indexers. */
    public static final String GROUP = "throughgate-sharing-log-indexer";

    private static final Logger LOG = Logger.getLogger(SharingLogIndexer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /** Something to do after each round of indexing, on the indexer's thread: checkpoints, notices. */
    public interface AfterRound {

        void run() throws Exception;
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final SharingLogAppender appender;
    private final Clock clock;
    private final List<AfterRound> afterRound;
    private final String topic;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean healthy = true;

    /**
     * An indexer, not yet running: {@link #start()} starts its thread.
     *
     * @param clientProperties the Kafka connection settings
     * @param appender where the events go
     * @param clock the time entries are stamped with
     * @param afterRound run after each round, in order; a failure is logged and retried next round
     * @param topic the topic read: {@link Topics#SHARING_LOG} for the hub's indexers
     * @param group the consumer group: {@link #GROUP} for the hub's indexers
     */
    public SharingLogIndexer(Map<String, Object> clientProperties, SharingLogAppender appender, Clock clock,
            List<AfterRound> afterRound, String topic, String group) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        // Only events of committed transactions: an aborted delivery was never shared.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.appender = appender;
        this.clock = clock;
        this.afterRound = List.copyOf(afterRound);
        this.topic = topic;
        this.thread = new Thread(this::index, "sharing-log-indexer");
        thread.setDaemon(true);
    }

    /** Starts indexing on the indexer's own thread. */
    public void start() {
        thread.start();
    }

    /** Whether the last round reached the database. */
    public boolean healthy() {
        return healthy;
    }

    private void index() {
        try {
            consumer.subscribe(List.of(topic), new ResumeFromDatabase());
            Duration pause = POLL;
            while (running) {
                if (safeRound()) {
                    pause = POLL;
                } else {
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } catch (RuntimeException e) {
            healthy = false;
            LOG.errorf("the sharing-log indexer stopped: %s", e.getClass().getName());
        } finally {
            consumer.close();
        }
    }

    /** A round that never ends the indexer: whatever fails is read again after a pause. */
    private boolean safeRound() {
        try {
            return round();
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (RuntimeException e) {
            healthy = false;
            LOG.warnf("the sharing-log indexer will retry after %s", e.getClass().getSimpleName());
            seekToStoredPositions(consumer.assignment());
            return false;
        }
    }

    /** One poll and append; false when the database failed and the events must be read again. */
    private boolean round() {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        List<SharingLogAppender.SourcedEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(sourced(record));
            } catch (RuntimeException e) {
                // Only the hub writes this topic; anything else found there is not a sharing-log event.
                LOG.errorf("skipped a message that is not a sharing-log event at %s-%d offset %d",
                        record.topic(), record.partition(), record.offset());
            }
        }
        Map<Integer, Long> readUpTo = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            readUpTo.put(partition.partition(), consumer.position(partition));
        }
        try {
            // Microseconds, as the database keeps them, so the stored column equals the entry's text.
            appender.append(events, readUpTo, clock.instant().truncatedTo(ChronoUnit.MICROS));
            healthy = true;
        } catch (java.sql.SQLException e) {
            healthy = false;
            LOG.warnf("cannot index the sharing log (SQL state %s); reading again from the database's position",
                    e.getSQLState());
            seekToStoredPositions(consumer.assignment());
            return false;
        }
        for (AfterRound task : afterRound) {
            try {
                task.run();
            } catch (Exception e) {
                LOG.warnf("after indexing: %s failed (%s); trying again next round", task.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
        return true;
    }

    /**
     * The entry a message gives. The hub writes the event's canonical JSON with its search columns as headers, which
     * the indexer stores as they are; a message without them (written by an earlier version) is parsed.
     */
    private static SharingLogAppender.SourcedEvent sourced(ConsumerRecord<String, byte[]> record) {
        SharingLogColumns columns = SharingLogColumns.from(record.headers());
        if (columns != null && canonical(record)) {
            return new SharingLogAppender.SourcedEvent(record.partition(), record.offset(), columns, new String(
                    record.value(), StandardCharsets.UTF_8));
        }
        SharingLogEvent event = Json.read(Json.parse(record.value()), SharingLogEvent.class);
        return new SharingLogAppender.SourcedEvent(record.partition(), record.offset(), SharingLogColumns.of(event),
                new String(SharingLogLeaf.canonicalEvent(event), StandardCharsets.UTF_8));
    }

    /** Whether the hub marked the value as the event's canonical JSON. */
    private static boolean canonical(ConsumerRecord<String, byte[]> record) {
        Header form = record.headers().lastHeader(SharingLogLeaf.CANONICAL_HEADER);
        return form != null && SharingLogLeaf.CANONICAL_FORM.equals(new String(form.value(),
                StandardCharsets.US_ASCII));
    }

    private void seekToStoredPositions(Collection<TopicPartition> partitions) {
        try {
            Map<Integer, Long> stored = appender.positions();
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, stored.getOrDefault(partition.partition(), 0L));
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            // The next round fails too and seeks again; meanwhile read from the beginning, which is safe because
            // the appender skips everything before the stored positions.
            try {
                consumer.seekToBeginning(partitions);
            } catch (IllegalStateException notAssigned) {
                // A rebalance took the partitions away; the new owner resumes from the database.
            }
        }
    }

    private final class ResumeFromDatabase implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            seekToStoredPositions(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Positions are already in the database with the entries.
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
