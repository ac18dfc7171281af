package io.throughgate.inbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.throughgate.kafka.KafkaConnection;

/**
 * The Kafka consumers of the HTTPS inbox: {@code read_committed}, without a consumer group (each read assigns and
 * seeks), one in use per request. A consumer keeps its connection and metadata between requests, so the one last
 * used for an agency is kept for its next read; a read that fails closes its consumer.
 */
@ApplicationScoped
public class InboxConsumers {

    /** The most records one poll returns: the most a page holds. */
    static final int MOST_RECORDS = InboxResource.MOST_MESSAGES;

    /** Work with a consumer of an agency's inbox. */
    @FunctionalInterface
    public interface Work<T> {

        T run(KafkaConsumer<String, byte[]> consumer) throws InboxReader.UnknownCursor;
    }

    @Inject
    KafkaConnection kafka;

    private final Map<String, KafkaConsumer<String, byte[]>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Runs the work with a consumer of its own, kept for the agency's next read when the work succeeds. */
    public <T> T with(String agency, Work<T> work) throws InboxReader.UnknownCursor {
        KafkaConsumer<String, byte[]> consumer = idle.remove(agency);
        if (consumer == null) {
            consumer = create(agency);
        }
        boolean keep = false;
        try {
            T result = work.run(consumer);
            keep = true;
            return result;
        } catch (InboxReader.UnknownCursor e) {
            keep = true;
            throw e;
        } finally {
            if (!keep || closed || idle.putIfAbsent(agency, consumer) != null) {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    private KafkaConsumer<String, byte[]> create(String agency) {
        Map<String, Object> settings = new HashMap<>(kafka.clientProperties());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MOST_RECORDS);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "throughgate-https-inbox-" + agency);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @PreDestroy
    void close() {
        closed = true;
        idle.values().forEach(consumer -> consumer.close(Duration.ofSeconds(5)));
        idle.clear();
    }
}
