package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.merkle.MerkleHashes;
import io.throughgate.testing.Inboxes;

/**
 * A record's deliveries and its sharing-log events commit together or not at all: when the broker refuses a
 * sharing-log event, the record's deliveries must not become visible to a {@code read_committed} subscriber.
 */
@QuarkusTest
class DeliveryWriterTest {

    /** The refusing log topic's limit: a tenth of the refused event, ten times the accepted one. */
    private static final int LOG_TOPIC_MAX_MESSAGE_BYTES = 200;

    @Inject
    KafkaConnection kafka;

    @Inject
    DeliveryDispatcher dispatcher;

    @Test
    void aRefusedSharingLogEventLeavesNoneOfTheRecordsDeliveriesVisible() throws Exception {
        String inbox = "tg.test.inbox-" + UUID.randomUUID();
        String log = "tg.test.log-" + UUID.randomUUID();
        createTopics(inbox, log);

        try (DeliveryWriter writer = new DeliveryWriter(kafka.clientProperties(), "writer-test-" + UUID.randomUUID(),
                1, dispatcher.signer())) {
            DeliveryBatch refused = record(inbox, log, "refused", LOG_TOPIC_MAX_MESSAGE_BYTES * 10);
            assertTrue(writer.submit(refused), "queued");
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> refused.written().get(30, TimeUnit.SECONDS),
                    "the transaction of a record whose log event was refused must fail");
            assertEquals(List.of(), keys(inbox), "a delivery of the refused record is visible: " + failure);
            assertEquals(List.of(), keys(log));

            DeliveryBatch accepted = record(inbox, log, "accepted", 10);
            assertTrue(writer.submit(accepted), "queued");
            accepted.written().get(30, TimeUnit.SECONDS);
            assertEquals(List.of("accepted"), keys(inbox), "the writer recovers and commits the next record");
            assertEquals(List.of("accepted"), keys(log));
        }
    }

    private void createTopics(String inbox, String log) throws Exception {
        NewTopic refusing = new NewTopic(log, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(LOG_TOPIC_MAX_MESSAGE_BYTES)));
        kafka.admin().createTopics(List.of(new NewTopic(inbox, Optional.of(1), Optional.empty()), refusing))
                .all().get(30, TimeUnit.SECONDS);
    }

    private static DeliveryBatch record(String inbox, String log, String key, int logEventBytes) {
        ProducerRecord<String, byte[]> delivery = new ProducerRecord<>(inbox, key, bytes("delivery"));
        return new DeliveryBatch(List.of(delivery), List.of(MerkleHashes.leafHash(bytes(key))),
                (List<RecordMetadata> landed) -> List.of(new ProducerRecord<>(log, key, incompressible(
                        logEventBytes))),
                new CompletableFuture<>(), System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos());
    }

    private List<String> keys(String topic) {
        return Inboxes.read(kafka.clientProperties(), topic).stream().map(message -> message.key()).toList();
    }

    /** Random bytes: the writer compresses, and the broker's limit applies to the compressed batch. */
    private static byte[] incompressible(int length) {
        byte[] bytes = new byte[length];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
