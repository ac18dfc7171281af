package io.throughgate.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.throughgate.devcerts.DevelopmentKafkaTls;
import io.throughgate.kafka.KafkaTls;

/**
 * The benchmark's own Kafka clients, on the hub's in-process broker: they connect as the hub does, with the hub's
 * Kafka certificate, since only the hub may create topics and write.
 */
final class BenchmarkKafka {

    /** Partitions of the benchmark's topics: as many as the hub gives each inbox. */
    static final int PARTITIONS = 3;

    private final String bootstrap;
    private final KafkaTls tls;

    BenchmarkKafka(int port, Path certs) {
        this.bootstrap = "localhost:" + port;
        this.tls = DevelopmentKafkaTls.hub(certs);
    }

    private Map<String, Object> connection() {
        Map<String, Object> settings = new HashMap<>(tls.clientProperties());
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return settings;
    }

    /**
     * The raw producer the hub is measured against: acks=all, idempotent, linger 5 ms (DESIGN.md, "Technical
     * facts").
     */
    KafkaProducer<String, byte[]> producer() {
        Map<String, Object> settings = connection();
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "throughgate-benchmark");
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** A read_committed consumer positioned at the current end of every partition of the topic. */
    KafkaConsumer<String, byte[]> consumerAtEnd(String topic) {
        Map<String, Object> settings = connection();
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "throughgate-benchmark-" + topic);
        // The consumer must see each record as soon as it is committed.
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Creates the benchmark's topics, as the hub creates its inboxes. */
    void createTopics(String... topics) {
        try (Admin admin = Admin.create(connection())) {
            admin.createTopics(java.util.Arrays.stream(topics).map(topic -> new NewTopic(topic, PARTITIONS,
                    (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the benchmark topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
