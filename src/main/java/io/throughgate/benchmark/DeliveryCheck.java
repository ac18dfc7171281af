package io.throughgate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import io.throughgate.sharinglog.LogVerification;
import io.throughgate.sharinglog.SharingLogVerifier;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;

/**
 * After a replica run's load: every record the replicas accepted was delivered to the recipient's inbox exactly
 * once, and the sharing log the replicas share holds its delivery and verifies.
 *
 * @param accepted records answered 202
 * @param missing accepted records not in the inbox
 * @param deliveredTwice records found more than once in the inbox
 * @param notLogged accepted records with no delivery to the recipient in the sharing log
 * @param log the whole-log verification
 */
record DeliveryCheck(long accepted, long missing, long deliveredTwice, long notLogged, LogVerification log) {

    private static final Duration CATCH_UP = Duration.ofMinutes(2);
    private static final String ORIGIN = "throughgate/sharing-log";

    /** Whether everything held: each accepted record delivered once and logged, and the log verified. */
    boolean passed() {
        return missing == 0 && deliveredTwice == 0 && notLogged == 0 && log.verified();
    }

    /**
     * Checks, once the sharing log's indexers have caught up (or two minutes have passed).
     *
     * @param acceptedIds the ids of the records answered 202
     * @param inbox the recipient's inbox, read from its beginning
     * @param recipient the recipient's agency code
     */
    static DeliveryCheck of(Set<String> acceptedIds, KafkaConsumer<String, byte[]> inbox, String recipient,
            DataSource database, Path certsDir) throws SQLException, IOException, InterruptedException {
        Set<String> logged = awaitLogged(acceptedIds, database, recipient);
        Map<String, Integer> copies = copiesById(inbox);
        long missing = acceptedIds.stream().filter(id -> !copies.containsKey(id)).count();
        long twice = copies.values().stream().filter(count -> count > 1).count();
        long notLogged = acceptedIds.stream().filter(id -> !logged.contains(id)).count();
        LogVerifyingKey key = LogVerifyingKey.fromPem(Files.readString(certsDir.resolve("hub").resolve(
                "sharing-log.crt"), StandardCharsets.ISO_8859_1));
        return new DeliveryCheck(acceptedIds.size(), missing, twice, notLogged, new SharingLogVerifier(database, key,
                ORIGIN).verify());
    }

    private static Set<String> awaitLogged(Set<String> acceptedIds, DataSource database, String recipient)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            Set<String> logged = deliveredTo(database, recipient);
            if (logged.containsAll(acceptedIds) || System.nanoTime() > deadline) {
                return logged;
            }
            Thread.sleep(500);
        }
    }

    private static Set<String> deliveredTo(DataSource database, String recipient) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement(
                                "SELECT record_id FROM sharing_log_entry WHERE recipient = ? AND outcome = ?")) {
            statement.setString(1, recipient);
            statement.setString(2, "delivered");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** How many messages of each record id ({@code ce_id}) the inbox holds, read to its committed end. */
    private static Map<String, Integer> copiesById(KafkaConsumer<String, byte[]> inbox) {
        Set<TopicPartition> partitions = inbox.assignment();
        inbox.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = inbox.endOffsets(partitions);
        Map<String, Integer> copies = new HashMap<>();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (partitions.stream().anyMatch(partition -> inbox.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the inbox to its end within two minutes");
            }
            for (ConsumerRecord<String, byte[]> message : inbox.poll(Duration.ofMillis(500))) {
                Header id = message.headers().lastHeader("ce_id");
                if (id != null) {
                    copies.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
        }
        return copies;
    }

    /** The problems the verification named, for the report. */
    List<String> problems() {
        return log.problems().stream().map(LogVerification.Problem::problem).toList();
    }
}
