package io.throughgate.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.throughgate.devcerts.DevelopmentKafkaTls;
import io.throughgate.testing.KafkaBrokerTestResource;

class EmbeddedKafkaBrokerTest {

    private static final String TOPIC = "tg.inbox.yoi-feltham";
    private static final KafkaTls BROKER_TLS = DevelopmentKafkaTls.broker(KafkaBrokerTestResource.CERTS);

    @Test
    void keepsTopicsAndRecordsAcrossARestart(@TempDir Path dataDir) throws Exception {
        int port = KafkaBrokerTestResource.freePort();
        int controllerPort = KafkaBrokerTestResource.freePort();
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, controllerPort, BROKER_TLS)) {
            broker.start();
            try (Admin admin = Admin.create(broker.adminProperties())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all().get();
            }
            Map<String, Object> producerSettings = new HashMap<>(broker.adminProperties());
            producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings,
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "pseudonym-1", "release-notification")).get();
            }
        }

        try (EmbeddedKafkaBroker restarted = new EmbeddedKafkaBroker(dataDir, port, controllerPort, BROKER_TLS)) {
            restarted.start();
            try (Admin admin = Admin.create(restarted.adminProperties())) {
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(topics.contains(TOPIC), "topics after restart: " + topics);
            }
            assertEquals(List.of("release-notification"), readAll(restarted.adminProperties()));
        }
    }

    private static List<String> readAll(Map<String, Object> client) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
