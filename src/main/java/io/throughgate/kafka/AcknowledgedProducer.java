package io.throughgate.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The hub's producer, outside the delivery transactions, for messages it sends one at a time and waits for (dead
 * letters, withdrawal notices): every replica acknowledges ({@code acks=all}), no duplicates on retry (idempotent),
 * and a send gives up within five seconds when Kafka is unreachable. Created on first use, closed when the hub
 * stops.
 */
@ApplicationScoped
public class AcknowledgedProducer {

    @Inject
    KafkaConnection kafka;

    private KafkaProducer<String, byte[]> producer;

    /** The producer, created on first use. */
    public synchronized KafkaProducer<String, byte[]> get() {
        if (producer == null) {
            Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
