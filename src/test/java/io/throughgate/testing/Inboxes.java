package io.throughgate.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics as a subscriber would ({@code read_committed}), from the beginning to the current end. */
public final class Inboxes {

    private Inboxes() {
    }

    /** Every committed message of a topic. */
    public static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> client, String topic) {
        Map<String, Object> properties = new java.util.HashMap<>(client);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * The committed messages of a topic that match, waiting up to 15 seconds for at least one: Kafka writes a
     * transaction's commit markers just after the commit returns, so a subscriber may see a record a moment after
     * the hub's 202.
     */
    public static List<ConsumerRecord<String, byte[]>> awaitMatching(Map<String, Object> client, String topic,
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> found = read(client, topic).stream().filter(matching).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** Every inbox topic of the cluster. */
    public static Set<String> inboxTopics(Map<String, Object> client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith("tg.inbox.")).collect(Collectors.toSet());
        }
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
