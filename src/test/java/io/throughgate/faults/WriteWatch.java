package io.throughgate.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.throughgate.kafka.Topics;
import io.throughgate.testing.Inboxes;

/**
 * Reads what the broker receives for the inboxes and the sharing log from now on, committed or not: which records
 * have a delivery in an inbox and no event in the sharing log.
 */
final class WriteWatch implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> delivered = new HashSet<>();
    private final Set<String> logged = new HashSet<>();

    WriteWatch(Map<String, Object> client) throws Exception {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        Set<String> topics = new HashSet<>(Inboxes.inboxTopics(client));
        topics.add(Topics.SHARING_LOG);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info
                    .partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolves the end offsets now, so that the watch starts here and not at its first read.
        partitions.forEach(consumer::position);
    }

    /** Reads what has arrived; the records received since the watch began that are in an inbox and not in the log. */
    Set<String> deliveredNotLogged() {
        for (ConsumerRecord<String, byte[]> message : consumer.poll(Duration.ofMillis(200))) {
            if (message.topic().equals(Topics.SHARING_LOG)) {
                logged.add(message.key());
            } else {
                delivered.add(Inboxes.header(message, "ce_id"));
            }
        }
        Set<String> unlogged = new HashSet<>(delivered);
        unlogged.removeAll(logged);
        return unlogged;
    }

    @Override
    public void close() {
        // Briefly: the broker may be dead by now.
        consumer.close(Duration.ofSeconds(1));
    }
}
