package io.throughgate.timeliness;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;

/**
 * Beside each child's timeline, what the evaluation agreement let through about them ({@link EvaluationFacts}), for
 * the evaluation's record-level extract. Kept as long as the timeline, and deleted with it.
 */
@ApplicationScoped
public class EvaluationSubjects {

    /**
     * A child released in a span, as the extract needs them.
     *
     * @param timeline the child's timeline
     * @param facts what the evaluators were sent about the child
     * @param pseudonyms the child's hub-wide pseudonyms, to check consent and to derive the extract's pseudonym
     */
    public record Member(Timeline timeline, EvaluationFacts facts, List<String> pseudonyms) {

        public Member {
            pseudonyms = List.copyOf(pseudonyms);
        }
    }

    @Inject
    HubDatabase database;

    @Inject
    Clock clock;

    /**
     * Notes what a copy delivered to the evaluators carried about the child of a timeline: a value the copy lacks
     * leaves the one noted before.
     *
     * @param known the child's hub-wide pseudonyms
     * @param facts what the copy carried
     * @return whether the child has a timeline to note it beside
     */
    public boolean note(Set<String> known, EvaluationFacts facts) throws SQLException {
        if (facts.empty()) {
            return false;
        }
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<UUID> id = Timelines.timelineOf(connection, known);
            if (id.isEmpty()) {
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE evaluation_subject SET birth_month = "
                    + "COALESCE(?, birth_month), gender = COALESCE(?, gender), ethnicity = COALESCE(?, ethnicity), "
                    + "updated_at = ? WHERE timeline_id = ?")) {
                bind(update, facts, id.get());
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evaluation_subject (birth_month, "
                    + "gender, ethnicity, updated_at, timeline_id) VALUES (?, ?, ?, ?, ?)")) {
                bind(insert, facts, id.get());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!SqlStates.duplicateKey(e)) {
                    throw e;
                }
                // Another replica noted the child's first copy at the same moment: add to what it noted.
                try (PreparedStatement update = connection.prepareStatement("UPDATE evaluation_subject SET "
                        + "birth_month = COALESCE(?, birth_month), gender = COALESCE(?, gender), ethnicity = "
                        + "COALESCE(?, ethnicity), updated_at = ? WHERE timeline_id = ?")) {
                    bind(update, facts, id.get());
                    update.executeUpdate();
                }
            }
            return true;
        }
    }

    /** The children released from {@code first} to {@code last}, inclusive, of whom the evaluators were sent facts. */
    public List<Member> releasedBetween(LocalDate first, LocalDate last) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT e.timeline_id, e.birth_month, "
                        + "e.gender, e.ethnicity FROM evaluation_subject e JOIN timeliness_timeline t ON "
                        + "t.timeline_id = e.timeline_id WHERE t.release_on >= ? AND t.release_on <= ? ORDER BY "
                        + "e.timeline_id")) {
            select.setDate(1, Date.valueOf(first));
            select.setDate(2, Date.valueOf(last));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    members.add(new Member(Timelines.timeline(connection, id), new EvaluationFacts(rows.getString(2),
                            rows.getString(3), rows.getString(4)), pseudonyms(connection, id)));
                }
            }
        }
        return members;
    }

    private static List<String> pseudonyms(Connection connection, UUID id) throws SQLException {
        List<String> pseudonyms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT pseudonym FROM timeliness_subject WHERE "
                + "timeline_id = ? ORDER BY pseudonym")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pseudonyms.add(rows.getString(1));
                }
            }
        }
        return pseudonyms;
    }

    private void bind(PreparedStatement statement, EvaluationFacts facts, UUID id) throws SQLException {
        statement.setString(1, facts.birthMonth());
        statement.setString(2, facts.gender());
        statement.setString(3, facts.ethnicity());
        statement.setObject(4, SqlTimes.of(clock.instant()));
        statement.setObject(5, id);
    }
}
