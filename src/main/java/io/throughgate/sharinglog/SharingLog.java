package io.throughgate.sharinglog;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.throughgate.config.StartupOrder;
import io.throughgate.database.HubDatabase;
import io.throughgate.kafka.AcknowledgedProducer;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.kafka.Topics;
import io.throughgate.sharinglog.checkpoint.LogSigningKey;

/**
 * The hub's sharing log: indexes the events of {@code tg.sharing-log} into the database, signs checkpoints, expires
 * entries past retention, and gives the DPO API its queries, proofs and verification. Every replica runs an
 * indexer; Kafka's consumer group and the database's head lock make them build one log together.
 */
@ApplicationScoped
public class SharingLog {

    private static final Logger LOG = Logger.getLogger(SharingLog.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    AcknowledgedProducer producer;

    @Inject
    KafkaConnection kafka;

    @Inject
    HubDatabase database;

    @Inject
    Clock clock;

    @Inject
    SharingLogConfig config;

    @Inject
    Instance<AfterIndexing> afterIndexing;

    private SharingLogIndexer indexer;
    private SharingLogAppender appender;
    private SharingLogCheckpoints checkpoints;
    private CheckpointMirror mirror;
    private SharingLogQueries queries;
    private SharingLogProofs proofs;
    private SharingLogRetention retention;
    private KafkaConsumer<byte[], byte[]> endOffsets;

    /** Work done on the indexer's thread after indexing (for example withdrawal notices). */
    public interface AfterIndexing extends SharingLogIndexer.AfterRound {

        /** The least time between two runs: rounds come every few hundred milliseconds. */
        Duration interval();
    }

    void start(@Observes @Priority(StartupOrder.SHARING_LOG) StartupEvent event) {
        started();
    }

    private synchronized void started() {
        if (indexer != null) {
            return;
        }
        LogSigningKey key = LogSigningKey.load(Path.of(config.signingKey()), Path.of(config.signingCertificate()),
                config.origin());
        appender = new SharingLogAppender(database.dataSource());
        mirror = new CheckpointMirror(kafka.clientProperties(), producer::get, config.origin());
        checkpoints = new SharingLogCheckpoints(database.dataSource(), key, config.origin(), config
                .checkpointInterval(), Optional.of(mirror));
        queries = new SharingLogQueries(database.dataSource());
        proofs = new SharingLogProofs(queries);
        retention = new SharingLogRetention(database.dataSource());
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        // The log end offset, not the last stable offset: a transaction's commit is acknowledged before the broker
        // has written its markers, and until then the last stable offset stays before its events. Waiting for the
        // indexer to pass the log end offset waits for those markers, so a record answered 202 before the call is
        // in the index when it returns.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        endOffsets = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<SharingLogIndexer.AfterRound> rounds = new ArrayList<>();
        rounds.add(() -> checkpoints.signIfDue(clock.instant()));
        rounds.add(new AtMostEvery(config.retentionCheckInterval(), clock, this::expire));
        afterIndexing.forEach(task -> rounds.add(new AtMostEvery(task.interval(), clock, task)));
        indexer = new SharingLogIndexer(kafka.clientProperties(), appender, clock, rounds, Topics.SHARING_LOG,
                SharingLogIndexer.GROUP);
        indexer.start();
    }

    private void expire() throws SQLException {
        Instant now = clock.instant();
        int expired = retention.expireReceivedBefore(now.minus(config.retention()), now);
        if (expired > 0) {
            LOG.infof("expired %d sharing-log entries past the retention period of %s", expired, config
                    .retention());
        }
    }

    /**
     * Returns once every sharing-log event committed before this call is indexed.
     *
     * @throws TimeoutException if Kafka or the database does not answer, or the indexer does not catch up, in time
     */
    public void awaitIndexed(Duration timeout) throws TimeoutException {
        started();
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, Long> end = new HashMap<>();
        // A lock of its own (the consumer is not thread-safe), not this bean's: Kafka may take seconds to answer.
        synchronized (endOffsets) {
            try {
                List<TopicPartition> partitions = endOffsets.partitionsFor(Topics.SHARING_LOG, KAFKA_TIMEOUT)
                        .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                endOffsets.endOffsets(partitions, KAFKA_TIMEOUT).forEach((partition, offset) -> end.put(partition
                        .partition(), offset));
            } catch (KafkaException e) {
                throw new TimeoutException("Kafka did not say how far the sharing log goes: " + e.getClass()
                        .getSimpleName());
            }
        }
        while (true) {
            try {
                Map<Integer, Long> indexed = appender.positions();
                if (end.entrySet().stream().allMatch(target -> target.getValue() == 0 || indexed.getOrDefault(
                        target.getKey(), 0L) >= target.getValue())) {
                    return;
                }
            } catch (SQLException e) {
                // Retried until the deadline: the database may be back in a moment.
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the sharing log was not indexed up to date in " + timeout.toMillis()
                        + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted while the sharing log caught up");
            }
        }
    }

    /** Why the log contradicts a checkpoint the hub signed, when it does. */
    public Optional<String> inconsistency() {
        started();
        return checkpoints.inconsistency();
    }

    /** Whether the indexer's last round reached the database. */
    public boolean indexerHealthy() {
        started();
        return indexer.healthy();
    }

    /** Searches and single entries. */
    public SharingLogQueries queries() {
        started();
        return queries;
    }

    /** Signed checkpoints. */
    public SharingLogCheckpoints checkpoints() {
        started();
        return checkpoints;
    }

    /** Inclusion proofs. */
    public SharingLogProofs proofs() {
        started();
        return proofs;
    }

    /** Expiry of entries past retention. */
    public SharingLogRetention retention() {
        started();
        return retention;
    }

    /** A verifier of the whole log with the hub's own log key, and the checkpoint kept on Kafka. */
    public SharingLogVerifier verifier() {
        started();
        return new SharingLogVerifier(database.dataSource(), checkpoints.key().verifyingKey(), config.origin(),
                () -> mirror.latest().map(CheckpointMirror.Kept::note));
    }

    /** The log's name in its checkpoints. */
    public String origin() {
        return config.origin();
    }

    @PreDestroy
    synchronized void stop() {
        if (indexer != null) {
            indexer.close();
            endOffsets.close();
        }
    }
}
