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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;
import io.throughgate.deliver.DeliveryDispatcher;
import io.throughgate.deliver.DeliveryHeaders;
import io.throughgate.deliver.DeliveryJson;
import io.throughgate.deliver.crypto.DeliverySigner;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.kafka.AcknowledgedProducer;
import io.throughgate.kafka.Topics;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogLeaf;

/**
 * Sends withdrawal notices. After each round of indexing, it finds every delivery in the sharing log that relied on
 * a consent decision since withdrawn and whose recipient has not been told, and sends that recipient one notice per
 * pseudonym of the child on its inbox topic, signed like a delivery. Because it runs after indexing, a delivery
 * that committed just after the withdrawal (its consent was checked just before) is still noticed.
 *
 * <p>
 * Each notice is recorded once Kafka has acknowledged it; if the hub stops in between, the notice is sent again
 * with the same id, so recipients should ignore a notice id they have seen.
 */
@ApplicationScoped
public class WithdrawalNotices implements SharingLog.AfterIndexing {

    private static final Logger LOG = Logger.getLogger(WithdrawalNotices.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final String DUE = "SELECT c.decision_id, e.recipient, e.recipient_pseudonym, d.purpose, "
            + "d.withdrawn_at, e.record_id, e.agreement_id, e.entry_json FROM sharing_log_consent c "
            + "JOIN consent_decision d ON d.id = c.decision_id "
            + "JOIN sharing_log_entry e ON e.entry_index = c.entry_index "
            + "WHERE d.withdrawn_at IS NOT NULL AND e.recipient_pseudonym IS NOT NULL AND NOT EXISTS ("
            + "SELECT 1 FROM withdrawal_notice n WHERE n.decision_id = c.decision_id AND n.agency = e.recipient "
            + "AND n.recipient_pseudonym = e.recipient_pseudonym AND (n.sent_at IS NOT NULL OR n.claimed_at > ?)) "
            + "ORDER BY c.entry_index";
    /** How long a claim holds before another replica may take the notice over. */
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final String DUPLICATE_KEY = "23505";

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
        for (WithdrawalNotice notice : due()) {
            if (!claim(notice)) {
                continue;
            }
            send(notice);
            update("UPDATE withdrawal_notice SET sent_at = ? WHERE decision_id = ? AND agency = ? "
                    + "AND recipient_pseudonym = ?", notice, clock.instant());
            LOG.infof("sent withdrawal notice %s to %s", notice.noticeId(), notice.recipient());
        }
    }

    /** Who is to be told of which withdrawal. */
    private record Addressee(UUID decision, String recipient, String pseudonym, String purpose, Instant withdrawnAt) {
    }

    /**
     * The record id as the recipient received it: the copy's own id when its flow gave it one, so that a notice to
     * the evaluation team never carries the sender's id, which other agreements' copies carry.
     */
    private static String recordIdAsReceived(UUID recordId, String entryJson) {
        String copy = entryJson == null ? null : SharingLogLeaf.read(entryJson).event().recipientRecordId();
        return copy != null ? copy : recordId.toString();
    }

    /** The notices due: one per withdrawn decision, recipient and pseudonym not yet told. */
    List<WithdrawalNotice> due() throws SQLException {
        Map<String, List<WithdrawalNotice.Received>> records = new LinkedHashMap<>();
        Map<String, Addressee> addressees = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(DUE)) {
            statement.setObject(1, SqlTimes.of(clock.instant().minus(CLAIM)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID decision = rows.getObject(1, UUID.class);
                    String recipient = rows.getString(2);
                    String pseudonym = rows.getString(3);
                    String id = WithdrawalNotice.idOf(decision, recipient, pseudonym);
                    addressees.putIfAbsent(id, new Addressee(decision, recipient, pseudonym, rows.getString(4),
                            SqlTimes.instant(rows, 5)));
                    records.computeIfAbsent(id, key -> new ArrayList<>()).add(new WithdrawalNotice.Received(
                            recordIdAsReceived(rows.getObject(6, UUID.class), rows.getString(8)), rows.getString(7)));
                }
            }
        }
        List<WithdrawalNotice> notices = new ArrayList<>();
        records.forEach((id, received) -> {
            Addressee to = addressees.get(id);
            notices.add(new WithdrawalNotice(WithdrawalNotice.TYPE, id, to.decision().toString(), to.purpose(), to
                    .withdrawnAt().atZone(LONDON).toLocalDate(), to.withdrawnAt(), to.recipient(), to.pseudonym(),
                    received.stream().distinct().toList()));
        });
        return notices;
    }

    private void send(WithdrawalNotice notice) throws Exception {
        byte[] value = DeliveryJson.bytes(notice);
        DeliverySigner signer = dispatcher.signer();
        String topic = Topics.inbox(notice.recipient());
        String signature = signer.sign(SignedDeliveryInput.ofNotice(notice.recipient(), topic, notice.noticeId(),
                signer.keyId()), value);
        List<Header> headers = DeliveryHeaders.ofNotice(notice.noticeId(), WithdrawalNotice.CE_TYPE,
                clock.instant().toString(), notice.recipient(), signature, signer.keyId());
        producer.get().send(new ProducerRecord<>(topic, null, notice.subjectPseudonym(),
                value, headers)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Claims a notice for this replica: true when no other replica holds a fresh claim or has sent it. */
    private boolean claim(WithdrawalNotice notice) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO withdrawal_notice (decision_id, "
                        + "agency, recipient_pseudonym, notice_id, claimed_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.fromString(notice.decisionId()));
            insert.setString(2, notice.recipient());
            insert.setString(3, notice.subjectPseudonym());
            insert.setObject(4, UUID.fromString(notice.noticeId()));
            insert.setObject(5, SqlTimes.of(now));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
        }
        return update("UPDATE withdrawal_notice SET claimed_at = ? WHERE decision_id = ? AND agency = ? "
                + "AND recipient_pseudonym = ? AND sent_at IS NULL AND claimed_at < ?", notice, now,
                now.minus(
                        CLAIM)) == 1;
    }

    /** Runs an update of one notice's row: the time first, then the notice's key, then any further time. */
    private int update(String sql, WithdrawalNotice notice, Instant time, Instant... more) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, SqlTimes.of(time));
            update.setObject(2, UUID.fromString(notice.decisionId()));
            update.setString(3, notice.recipient());
            update.setString(4, notice.subjectPseudonym());
            for (int i = 0; i < more.length; i++) {
                update.setObject(5 + i, SqlTimes.of(more[i]));
            }
            return update.executeUpdate();
        }
    }

}
