package io.throughgate.sharinglog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.json.Json;
import io.throughgate.kafka.KafkaConnection;

/**
 * What the indexer makes of each kind of message on its topic: the hub's (canonical JSON with its search columns as
 * headers) is stored as written; one of an earlier version (plain JSON, no headers) is parsed and stored alike;
 * anything else is skipped without stopping the indexer; and search columns that disagree with the hashed text,
 * whoever wrote them, are found by verification. The messages go to a topic of the test's own, so the hub's log is
 * untouched.
 */
@QuarkusTest
class SharingLogIndexerMessagesTest {

    @Inject
    KafkaConnection kafka;

    @Test
    void indexesEachKindOfMessageAndVerificationFindsColumnsThatDisagreeWithTheText() throws Exception {
        String topic = "tg.sharing-log.test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        SharingLogEvent earlier = event("yot-camden");
        SharingLogEvent current = event("yot-camden");
        SharingLogEvent misindexed = event("yot-camden");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", Json.bytes(earlier)));
            producer.send(new ProducerRecord<>(topic, "k", "not an event".getBytes(StandardCharsets.UTF_8)));
            producer.send(asTheHubWrites(topic, current, SharingLogColumns.of(current)));
            SharingLogColumns wrong = SharingLogColumns.of(misindexed);
            producer.send(asTheHubWrites(topic, misindexed, new SharingLogColumns(wrong.eventId(), wrong.outcome(),
                    wrong.recordId(), wrong.recordType(), wrong.sender(), "yot-hackney", wrong
                            .recipientPseudonym(),
                    wrong.agreementId(), wrong.purpose(), wrong.receivedAt(), wrong
                            .subjectPseudonyms(),
                    wrong.consentDecisions())));
            producer.flush();
        }
        DataSource database = LogDatabases.migratedH2();
        try (SharingLogIndexer indexer = new SharingLogIndexer(kafka.clientProperties(), new SharingLogAppender(
                database), Clock.systemUTC(), List.of(), topic, "messages-test-" + UUID.randomUUID())) {
            indexer.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> recipients(database).size() == 3);
        }
        assertEquals(Map.of(earlier.eventId(), "yot-camden", current.eventId(), "yot-camden", misindexed.eventId(),
                "yot-hackney"), recipients(database), "the skipped message takes no place in the log");
        LogVerification verification = LogDatabases.verify(database);
        assertFalse(verification.verified());
        assertEquals(List.of(new LogVerification.Problem(2L, "entry 2: recipient differ from its text")),
                verification.problems());
    }

    private static ProducerRecord<String, byte[]> asTheHubWrites(String topic, SharingLogEvent event,
            SharingLogColumns columns) {
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, "k", SharingLogLeaf.canonicalEvent(
                event));
        message.headers().add(SharingLogLeaf.CANONICAL_HEADER, SharingLogLeaf.CANONICAL_FORM.getBytes(
                StandardCharsets.US_ASCII));
        columns.addTo(message.headers());
        return message;
    }

    private static Map<String, String> recipients(DataSource database) throws SQLException {
        Map<String, String> recipients = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT event_id, recipient FROM sharing_log_entry");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                recipients.put(rows.getString(1), rows.getString(2));
            }
        }
        return recipients;
    }

    private static SharingLogEvent event(String recipient) {
        return new SharingLogEvent(UUID.randomUUID().toString(), "delivered", UUID.randomUUID().toString(),
                "release-notification", "yoi-feltham", recipient, "k1.recipient", "london-resettlement-direct-care",
                1, "c".repeat(64), "resettlement-direct-care", new SharingLogEvent.LawfulBasis("public-task", List
                        .of(), List.of(), List.of()),
                List.of(), List.of(new SharingLogEvent.Field("/body/releaseDate", "share", null, null)), List.of(
                        "k1.hub"),
                "2026-11-20T09:59:00Z", Instant.parse("2026-11-20T10:00:00Z"), null, null, null, null, null, null);
    }
}
