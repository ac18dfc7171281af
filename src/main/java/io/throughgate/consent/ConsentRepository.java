package io.throughgate.consent;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.stream.Collectors;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;
import io.throughgate.directory.AgencyKind;

/**
 * Stores consent events in the database, for the DPOs' review and the audit. Storing the same event twice changes
 * nothing, so every replica may store every event.
 */
public final class ConsentRepository {

    private static final String INSERT_DECISION = """
            INSERT INTO consent_decision (id, purpose, provision, scope_recipients, scope_recipient_kinds,
                scope_record_types, valid_from, valid_until, decided_by_role, decided_by_description,
                competence_assessed_by, competence_assessed_on, competence_outcome, recorded_by, evidence_reference,
                recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String INSERT_SUBJECT = """
            INSERT INTO consent_subject (decision_id, pseudonym) VALUES (?, ?) ON CONFLICT DO NOTHING""";
    private static final String WITHDRAW = """
            UPDATE consent_decision SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_evidence_reference = ?
            WHERE id = ? AND withdrawn_at IS NULL""";

    private final HubDatabase database;

    public ConsentRepository(HubDatabase database) {
        this.database = database;
    }

    /**
     * Stores an event.
     *
     * @throws IllegalStateException if the database refuses it
     */
    public void store(ConsentEvent event) {
        try (Connection connection = database.dataSource().getConnection()) {
            switch (event.type()) {
                case RECORDED -> insert(connection, event.decision().orElseThrow());
                case WITHDRAWN -> withdraw(connection, event);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store consent event: SQL state " + e.getSQLState(), e);
        }
    }

    private static void insert(Connection connection, ConsentDecision decision) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_DECISION)) {
            insert.setObject(1, decision.id());
            insert.setString(2, decision.purpose());
            insert.setString(3, decision.provision().name().toLowerCase());
            insert.setString(4, String.join(",", decision.scope().recipients().stream().sorted().toList()));
            insert.setString(5, decision.scope().recipientKinds().stream().map(AgencyKind::code).sorted()
                    .collect(Collectors.joining(",")));
            insert.setString(6, String.join(",", decision.scope().recordTypes().stream().sorted().toList()));
            insert.setDate(7, Date.valueOf(decision.validFrom()));
            insert.setObject(8, decision.validUntil().map(Date::valueOf).orElse(null), Types.DATE);
            insert.setString(9, decision.decidedBy().role().code());
            insert.setString(10, decision.decidedBy().description().orElse(null));
            var competence = decision.decidedBy().competence();
            insert.setString(11, competence.map(CompetenceAssessment::assessedBy).orElse(null));
            insert.setObject(12, competence.map(c -> Date.valueOf(c.assessedOn())).orElse(null), Types.DATE);
            insert.setObject(13, competence.map(CompetenceAssessment::competent).orElse(null), Types.BOOLEAN);
            insert.setString(14, decision.recordedBy());
            insert.setString(15, decision.evidenceReference());
            insert.setObject(16, SqlTimes.of(decision.recordedAt()));
            insert.executeUpdate();
        }
        try (PreparedStatement subject = connection.prepareStatement(INSERT_SUBJECT)) {
            for (String pseudonym : decision.subjectPseudonyms()) {
                subject.setObject(1, decision.id());
                subject.setString(2, pseudonym);
                subject.addBatch();
            }
            subject.executeBatch();
        }
    }

    private static void withdraw(Connection connection, ConsentEvent event) throws SQLException {
        ConsentDecision.Withdrawal withdrawal = event.withdrawal().orElseThrow();
        try (PreparedStatement update = connection.prepareStatement(WITHDRAW)) {
            update.setObject(1, SqlTimes.of(withdrawal.withdrawnAt()));
            update.setString(2, withdrawal.withdrawnBy());
            update.setString(3, withdrawal.evidenceReference());
            update.setObject(4, event.decisionId());
            update.executeUpdate();
        }
    }
}
