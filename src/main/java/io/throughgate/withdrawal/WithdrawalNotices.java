package io.throughgate.withdrawal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;
import io.throughgate.deliver.DeliveryDispatcher;
import io.throughgate.deliver.DeliveryHeaders;
import io.throughgate.deliver.crypto.DeliverySigner;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.json.Json;
import io.throughgate.kafka.AcknowledgedProducer;
import io.throughgate.kafka.Topics;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogLeaf;

/**
 * Sends withdrawal notices. After each round of indexing, it finds every delivery in the sharing log that relied on
 * a consent decision since withdrawn and that no notice covers yet, and sends its recipient one notice per pseudonym
 * of the child on its inbox topic, signed like a delivery, naming the sharing-log entries it covers. Because it runs
 * after indexing, a delivery that committed just after the withdrawal (its consent was checked just before), or
 * that was indexed late, gets a notice of its own whenever it is indexed.
 *
 * <p>
 * A notice is claimed with the entries it covers (one replica sends it), and recorded as sent once Kafka has
 * acknowledged it; if the hub stops in between, another round sends it again, with the same id and entries, so
 * recipients should ignore a notice id they have seen.
 */
@ApplicationScoped
public class WithdrawalNotices implements SharingLog.AfterIndexing {

    private static final Logger LOG = Logger.getLogger(WithdrawalNotices.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final String ENTRY_COLUMNS = "c.decision_id, c.entry_index, e.recipient, e.recipient_pseudonym, "
            + "d.purpose, d.withdrawn_at, e.record_id, e.agreement_id, e.entry_json FROM sharing_log_consent c "
            + "JOIN consent_decision d ON d.id = c.decision_id "
            + "JOIN sharing_log_entry e ON e.entry_index = c.entry_index ";
    /** Deliveries that relied on a withdrawn decision and that no notice covers. */
    private static final String UNCOVERED = "SELECT " + ENTRY_COLUMNS
            + "WHERE d.withdrawn_at IS NOT NULL AND e.recipient_pseudonym IS NOT NULL AND NOT EXISTS ("
            + "SELECT 1 FROM withdrawal_notice_entry w WHERE w.decision_id = c.decision_id "
            + "AND w.entry_index = c.entry_index) ORDER BY c.entry_index";
    /** The entries of notices claimed but not sent, whose claim has lapsed (the replica that claimed them stopped). */
    private static final String LAPSED = "SELECT " + ENTRY_COLUMNS.replace(" FROM ", ", w.notice_id FROM ")
            + "JOIN withdrawal_notice_entry w ON w.decision_id = c.decision_id AND w.entry_index = c.entry_index "
            + "JOIN withdrawal_notice n ON n.notice_id = w.notice_id "
            + "WHERE n.sent_at IS NULL AND n.claimed_at < ? ORDER BY c.entry_index";
    /** How long a claim holds before another replica may take the notice over. */
    private static final Duration CLAIM = Duration.ofMinutes(1);

    @Inject
    HubDatabase database;

    @Inject
    AcknowledgedProducer producer;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    Clock clock;

    /** Each run reads every delivery that relied on a withdrawn decision: once a second is soon enough. */
    @Override
    public Duration interval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void run() throws Exception {
        for (WithdrawalNotice notice : lapsed()) {
            if (reclaim(notice)) {
                sendAndRecord(notice);
            }
        }
        for (WithdrawalNotice notice : due()) {
            if (claim(notice)) {
                sendAndRecord(notice);
            }
        }
    }

    private void sendAndRecord(WithdrawalNotice notice) throws Exception {
        send(notice);
        update("UPDATE withdrawal_notice SET sent_at = ? WHERE notice_id = ?", clock.instant(), notice);
        LOG.infof("sent withdrawal notice %s to %s covering %d deliveries", notice.noticeId(), notice.recipient(),
                notice.records().size());
    }

    /** Who is to be told of which withdrawal. */
    private record Addressee(UUID decision, String recipient, String pseudonym, String purpose, Instant withdrawnAt,
            long firstEntry) {
    }

    /**
     * The record id as the recipient received it: the copy's own id when its flow gave it one, so that a notice to
     * the evaluation team never carries the sender's id, which other agreements' copies carry.
     */
    private static String recordIdAsReceived(UUID recordId, String entryJson) {
        String copy = entryJson == null ? null : SharingLogLeaf.read(entryJson).event().recipientRecordId();
        return copy != null ? copy : recordId.toString();
    }

    /**
     * How many notices were sent, claimed but not yet sent, and how many deliveries that relied on a withdrawn
     * decision wait for a notice.
     *
     * @param sent notices sent and acknowledged by Kafka
     * @param claimed notices claimed by a replica and not yet sent
     * @param awaiting deliveries no notice covers yet
     */
    public record Tally(long sent, long claimed, long awaiting) {
    }

    /** The tally of notices to one agency, or to every agency when {@code recipient} is empty. */
    public Tally tally(Optional<String> recipient) throws SQLException {
        String toAgency = recipient.isPresent() ? " AND agency = ?" : "";
        return new Tally(count("SELECT COUNT(*) FROM withdrawal_notice WHERE sent_at IS NOT NULL" + toAgency,
                recipient),
                count("SELECT COUNT(*) FROM withdrawal_notice WHERE sent_at IS NULL" + toAgency,
                        recipient),
                count("SELECT COUNT(*) FROM (" + UNCOVERED.replace(" ORDER BY c.entry_index", recipient.isPresent()
                        ? " AND e.recipient = ?"
                        : "") + ") uncovered", recipient));
    }

    private long count(String sql, Optional<String> recipient) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (recipient.isPresent()) {
                statement.setString(1, recipient.get());
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The notices due: one per withdrawn decision, recipient and pseudonym, for the deliveries no notice covers. */
    List<WithdrawalNotice> due() throws SQLException {
        return notices(UNCOVERED, false);
    }

    /** Notices claimed but never sent, their claim lapsed: the same notices, to be sent again. */
    private List<WithdrawalNotice> lapsed() throws SQLException {
        return notices(LAPSED, true, clock.instant().minus(CLAIM));
    }

    /**
     * @param byNotice whether the rows name their notice (column 10), whose entries then stay together; otherwise
     *        rows group by decision, recipient and pseudonym into new notices
     */
    private List<WithdrawalNotice> notices(String query, boolean byNotice, Instant... times) throws SQLException {
        Map<String, List<WithdrawalNotice.Received>> records = new LinkedHashMap<>();
        Map<String, Addressee> addressees = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < times.length; i++) {
                statement.setObject(i + 1, SqlTimes.of(times[i]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID decision = rows.getObject(1, UUID.class);
                    long entry = rows.getLong(2);
                    String recipient = rows.getString(3);
                    String pseudonym = rows.getString(4);
                    // A lapsed notice keeps its own entries; new entries group by whom to tell.
                    String group = byNotice
                            ? rows.getString(10)
                            : decision + "|" + recipient + "|" + pseudonym;
                    addressees.putIfAbsent(group, new Addressee(decision, recipient, pseudonym, rows.getString(5),
                            SqlTimes.instant(rows, 6), entry));
                    records.computeIfAbsent(group, key -> new ArrayList<>()).add(new WithdrawalNotice.Received(
                            recordIdAsReceived(rows.getObject(7, UUID.class), rows.getString(9)), rows.getString(8),
                            entry));
                }
            }
        }
        List<WithdrawalNotice> notices = new ArrayList<>();
        records.forEach((group, received) -> {
            Addressee to = addressees.get(group);
            notices.add(new WithdrawalNotice(WithdrawalNotice.TYPE, WithdrawalNotice.idOf(to.decision(), to
                    .recipient(), to.pseudonym(), to.firstEntry()), to.decision().toString(), to.purpose(), to
                            .withdrawnAt().atZone(LONDON).toLocalDate(),
                    to.withdrawnAt(), to.recipient(), to.pseudonym(), received));
        });
        return notices;
    }

    private void send(WithdrawalNotice notice) throws Exception {
        byte[] value = Json.bytes(notice);
        DeliverySigner signer = dispatcher.signer();
        String topic = Topics.inbox(notice.recipient());
        SignedDeliveryInput signed = SignedDeliveryInput.ofNotice(notice.recipient(), topic, notice.noticeId(), signer
                .keyId());
        List<Header> headers = DeliveryHeaders.ofNotice(signed, WithdrawalNotice.CE_TYPE, clock.instant().toString());
        ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, null, notice.subjectPseudonym(), value,
                headers);
        DeliveryHeaders.addProof(message.headers(), signer.signAlone(signed, value));
        producer.get().send(message).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Claims a notice and the entries it covers for this replica, in one transaction: false when another replica
     * covered any of them first (the next round sees what is left).
     */
    private boolean claim(WithdrawalNotice notice) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO withdrawal_notice "
                        + "(notice_id, decision_id, agency, recipient_pseudonym, claimed_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setObject(1, UUID.fromString(notice.noticeId()));
                    insert.setObject(2, UUID.fromString(notice.decisionId()));
                    insert.setString(3, notice.recipient());
                    insert.setString(4, notice.subjectPseudonym());
                    insert.setObject(5, SqlTimes.of(clock.instant()));
                    insert.executeUpdate();
                }
                try (PreparedStatement cover = connection.prepareStatement("INSERT INTO withdrawal_notice_entry "
                        + "(decision_id, entry_index, notice_id) VALUES (?, ?, ?)")) {
                    for (WithdrawalNotice.Received received : notice.records()) {
                        cover.setObject(1, UUID.fromString(notice.decisionId()));
                        cover.setLong(2, received.logEntry());
                        cover.setObject(3, UUID.fromString(notice.noticeId()));
                        cover.addBatch();
                    }
                    cover.executeBatch();
                }
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                if (SqlStates.duplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        }
    }

    /** Takes over a lapsed claim: true when this replica now holds it. */
    private boolean reclaim(WithdrawalNotice notice) throws SQLException {
        Instant now = clock.instant();
        return update("UPDATE withdrawal_notice SET claimed_at = ? WHERE notice_id = ? AND sent_at IS NULL AND "
                + "claimed_at < ?", now, notice, now.minus(CLAIM)) == 1;
    }

    /** Runs an update of one notice's row: the time first, then the notice's id, then any further time. */
    private int update(String sql, Instant time, WithdrawalNotice notice, Instant... more) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, SqlTimes.of(time));
            update.setObject(2, UUID.fromString(notice.noticeId()));
            for (int i = 0; i < more.length; i++) {
                update.setObject(3 + i, SqlTimes.of(more[i]));
            }
            return update.executeUpdate();
        }
    }
}
