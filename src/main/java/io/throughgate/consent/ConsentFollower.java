package io.throughgate.consent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class ConsentFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsentFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConsentView view;
    private final Consumer<ConsentEvent> listener;
    private final Map<TopicPartition, Long> applied = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

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

    private void follow() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ConsentEvent event = ConsentEventCodec.read(record.value());
                    view.apply(event);
                    listener.accept(event);
                }
                markPositions();
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } catch (RuntimeException e) {
            LOG.errorf("the consent follower stopped: %s", e.getClass().getName());
        } finally {
            consumer.close();
        }
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
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
