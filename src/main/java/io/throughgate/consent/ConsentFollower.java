package io.throughgate.consent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.throughgate.kafka.Topics;

/**
 * Follows the consent-event topic from its beginning on a thread of its own, applying each event to the view (and
 * to any other listener, such as the database) in order, and tells how far it has got. Each hub replica runs one;
 * none joins a consumer group, so each sees every event.
 *
 * <p>
 * A failure to apply an event (the database unavailable, say) never stops the follower: it goes back to the first
 * event not yet applied everywhere and tries again, waiting twice as long each time up to {@link #LONGEST_WAIT}.
 * Meanwhile it reports the failure ({@link #failure()}), its position does not move, and so no consent check can
 * complete: a record that needs consent is refused rather than checked against a view that may miss a
 * withdrawal. Applying is idempotent, so events applied to the view before the failure are applied again harmlessly.
 */
public final class ConsentFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsentFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConsentView view;
    private final Consumer<ConsentEvent> listener;
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    /** The first wait after a failure to apply an event. */
    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    /** The longest wait between two tries. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    /**
     * Starts following.
     *
     * @param clientProperties the Kafka connection settings
     * @param view the view to apply events to
     * @param listener called with each event after the view has it (e.g. to store it); must be idempotent
     */
    public ConsentFollower(Map<String, Object> clientProperties, ConsentView view, Consumer<ConsentEvent> listener) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONSENT_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(partition -> applied.put(partition, 0L));
        this.view = view;
        this.listener = listener;
        this.thread = new Thread(this::follow, "consent-follower");
        thread.setDaemon(true);
        thread.start();
    }

    /** The partitions of the consent-event topic. */
    public synchronized List<TopicPartition> partitions() {
        return List.copyOf(applied.keySet());
    }

    /**
     * Waits until every event before these offsets has been applied.
     *
     * @param offsets per partition, the offset of the first event not needed
     * @throws TimeoutException if that does not happen in time
     */
    public synchronized void awaitApplied(Map<TopicPartition, Long> offsets, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(offsets)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("the consent view did not catch up in " + timeout.toMillis() + " ms");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private boolean reached(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().allMatch(target -> applied.getOrDefault(target.getKey(), 0L) >= target
                .getValue());
    }

    /** Why the follower cannot apply events now, or empty while it keeps up. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void follow() {
        Duration wait = FIRST_WAIT;
        try {
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        ConsentEvent event = ConsentEventCodec.read(record.value());
                        view.apply(event);
                        listener.accept(event);
                    }
                    markPositions();
                    if (failure != null) {
                        LOG.infof("the consent follower applies events again");
                    }
                    failure = null;
                    wait = FIRST_WAIT;
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException e) {
                    // Never the event's content: only what failed.
                    failure = "cannot apply consent events (" + e.getClass().getSimpleName() + "); retrying";
                    LOG.errorf("the consent follower cannot apply events, retrying in %d ms: %s", wait.toMillis(),
                            e.getClass().getName());
                    rewind();
                    Thread.sleep(wait.toMillis());
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** Goes back to the first event not yet applied everywhere, so that the next poll reads it again. */
    private synchronized void rewind() {
        applied.forEach(consumer::seek);
    }

    private synchronized void markPositions() {
        // position() is the offset of the next record to read: every earlier record (and transaction marker) is
        // applied, since the records poll() returned were applied above.
        applied.replaceAll((partition, offset) -> consumer.position(partition));
        notifyAll();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(1_000);
            if (thread.isAlive()) {
                // Waiting out a back-off: wake it from its sleep.
                thread.interrupt();
                thread.join(4_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
