package io.throughgate.consent;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.throughgate.kafka.Topics;

/** Appends consent events to the consent-event topic, durably (all in-sync replicas) and exactly once per send. */
public final class ConsentEventLog implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public ConsentEventLog(Map<String, Object> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Appends an event and waits for Kafka to acknowledge it.
     *
     * @return where it was written: its partition and, as the value, the offset just after it
     * @throws TimeoutException if Kafka does not acknowledge it in time; the event may or may not be written
     */
    public Map.Entry<TopicPartition, Long> append(ConsentEvent event, Duration timeout) throws TimeoutException {
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(Topics.CONSENT_EVENTS, event.decisionId()
                    .toString(), ConsentEventCodec.write(event))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Map.entry(new TopicPartition(written.topic(), written.partition()), written.offset() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while appending a consent event");
        } catch (ExecutionException e) {
            throw new TimeoutException("Kafka did not accept the consent event: " + e.getCause().getClass()
                    .getSimpleName());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
