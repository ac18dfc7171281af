package io.throughgate.consent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Makes sure this replica's consent view holds every consent event acknowledged anywhere before a caller asked:
 * it reads the topic's end offsets after the call began, then waits until the follower has applied that far. A
 * withdrawal acknowledged by any replica therefore applies to every record any replica receives afterwards.
 *
 * <p>
 * Callers arriving together share one end-offset request, so the cost under load is one round trip to Kafka per
 * batch of records rather than per record. A caller is served by any round that began after it arrived: the records
 * of one batch request, which all arrive at once, share a single round.
 */
public final class ConsentCatchUp implements AutoCloseable {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> offsets;
    private final ConsentFollower follower;
    private final Object lock = new Object();
    private final Thread thread;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private volatile boolean running = true;
    /** {@link System#nanoTime()} when the latest round that completed began; not set before the first. */
    private volatile long latestRoundBegan;
    private volatile boolean anyRoundCompleted;
    private final AtomicLong rounds = new AtomicLong();

    public ConsentCatchUp(Map<String, Object> clientProperties, ConsentFollower follower) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        // The end offset a read_committed consumer sees is the last stable offset: committed events only.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.offsets = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.follower = follower;
        this.thread = new Thread(this::serve, "consent-catch-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Returns once the view holds every consent event acknowledged before this call.
     *
     * @throws TimeoutException if Kafka does not answer, or the view does not catch up, in time
     */
    public void await(Duration timeout) throws TimeoutException {
        await(System.nanoTime(), timeout);
    }

    /**
     * Returns once the view holds every consent event acknowledged before the caller arrived.
     *
     * @param arrivedAt {@link System#nanoTime()} when the caller (a record, or a batch of them) arrived
     * @throws TimeoutException if Kafka does not answer, or the view does not catch up, in time
     */
    public void await(long arrivedAt, Duration timeout) throws TimeoutException {
        if (anyRoundCompleted && latestRoundBegan - arrivedAt > 0) {
            // A round that began after the caller arrived has completed: the view holds all the caller needs.
            return;
        }
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        synchronized (lock) {
            waiting.add(caughtUp);
            lock.notifyAll();
        }
        try {
            caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while the consent view caught up");
        } catch (ExecutionException e) {
            throw new TimeoutException("the consent view could not catch up: " + e.getCause().getClass()
                    .getSimpleName());
        }
    }

    private void serve() {
        while (running) {
            List<CompletableFuture<Void>> batch;
            synchronized (lock) {
                while (waiting.isEmpty() && running) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = waiting;
                waiting = new ArrayList<>();
            }
            try {
                long began = System.nanoTime();
                rounds.incrementAndGet();
                Map<TopicPartition, Long> end = offsets.endOffsets(follower.partitions(), KAFKA_TIMEOUT);
                follower.awaitApplied(end, KAFKA_TIMEOUT);
                latestRoundBegan = began;
                anyRoundCompleted = true;
                batch.forEach(caller -> caller.complete(null));
            } catch (Exception e) {
                batch.forEach(caller -> caller.completeExceptionally(e));
                if (e instanceof InterruptedException) {
                    return;
                }
            }
        }
    }

    /** How many end-offset rounds have begun. */
    long rounds() {
        return rounds.get();
    }

    @Override
    public void close() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            thread.join(KAFKA_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        offsets.close();
    }
}
