package io.throughgate.sharinglog;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.json.Json;
import io.throughgate.kafka.Topics;

/**
 * The latest signed checkpoint and its frontier, kept outside the database on the compacted topic
 * {@code tg.sharing-log-checkpoints} (the log's origin as the key), so that whoever can write the database cannot
 * make the hub forget what it signed: the hub compares the two at start, before each signature and in every
 * verification.
 */
public final class CheckpointMirror {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> clientProperties;
    private final Supplier<KafkaProducer<String, byte[]>> producer;
    private final String origin;

    /**
     * A checkpoint as kept on the topic.
     *
     * @param note the signed note
     * @param frontier the frontier of the tree it signed ({@code MerkleFrontier.encode})
     */
    public record Kept(String note, String frontier) {
    }

    public CheckpointMirror(Map<String, Object> clientProperties, Supplier<KafkaProducer<String, byte[]>> producer,
            String origin) {
        this.clientProperties = clientProperties;
        this.producer = producer;
        this.origin = origin;
    }

    /** Keeps a newly signed checkpoint, waiting until Kafka has it. */
    public void keep(Kept checkpoint) throws Exception {
        producer.get().send(new ProducerRecord<>(Topics.SHARING_LOG_CHECKPOINTS, origin, Json.bytes(
                checkpoint))).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest checkpoint kept for this log (the last written), or empty when none was. */
    public Optional<Kept> latest() {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Kept latest = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SHARING_LOG_CHECKPOINTS, TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the checkpoint topic was not read to its end in time");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (origin.equals(record.key()) && record.value() != null) {
                        JsonNode value = Json.parse(record.value());
                        latest = new Kept(value.path("note").asText(), value.path("frontier").asText());
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }
}
