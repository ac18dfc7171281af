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
 * batch of records rather than per record.
 */
public final class ConsentCatchUp implements AutoCloseable {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> offsets;
    private final ConsentFollower follower;
    private final Object lock = new Object();
    private final Thread thread;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private volatile boolean running = true;

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
                Map<TopicPartition, Long> end = offsets.endOffsets(follower.partitions(), KAFKA_TIMEOUT);
                follower.awaitApplied(end, KAFKA_TIMEOUT);
                batch.forEach(caller -> caller.complete(null));
            } catch (Exception e) {
                batch.forEach(caller -> caller.completeExceptionally(e));
                if (e instanceof InterruptedException) {
                    return;
                }
            }
        }
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
