package io.throughgate.timeliness;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;

/**
 * Every child's timeline, kept in the database by the child's hub-wide pseudonyms. A record moves its child's
 * timeline on in one transaction that locks the timeline's row, so that replicas observing two records of the same
 * child at once both count.
 */
@ApplicationScoped
public class Timelines {

    private static final String DUPLICATE_KEY = "23505";

    @Inject
    HubDatabase database;

    @Inject
    TimelinessContract contract;

    @Inject
    Clock clock;

    /** Whether records of this type can move a timeline: they carry an anchor's date or meet a milestone. */
    public boolean watches(String type) {
        return contract.anchors().values().stream().flatMap(Collection::stream).anyMatch(source -> source
                .recordType().equals(type)) || contract.milestones().stream().flatMap(
                        milestone -> milestone.metBy()
                                .stream())
                        .anyMatch(evidence -> evidence.recordType().equals(type));
    }

    /**
     * Moves the child's timeline on with a record that has passed the gate.
     *
     * @param known every pseudonym the child may already be known by (under every key)
     * @param current the child's pseudonyms under the current key, kept for the timeline
     * @param type the record's type
     * @param record the record
     * @param receivedOn the day the hub received it
     */
    public void observe(Set<String> known, Collection<String> current, String type, JsonNode record,
            LocalDate receivedOn) throws SQLException {
        try {
            observeOnce(known, current, type, record, receivedOn);
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            // Another replica started the same child's timeline at the same moment: add to the one it made.
            observeOnce(known, current, type, record, receivedOn);
        }
    }

    /** The child's timeline, if the hub has one. */
    public Optional<Timeline> find(Set<String> known) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<UUID> id = timelineOf(connection, known);
            return id.isEmpty() ? Optional.empty() : Optional.of(read(connection, id.get(), false));
        }
    }

    /** Deletes the timelines of children released more than {@code keep} ago; answers how many. */
    public int expire(Period keep) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM timeliness_timeline WHERE release_on < ?")) {
            delete.setDate(1, Date.valueOf(LocalDate.now(clock).minus(keep)));
            return delete.executeUpdate();
        }
    }

    private void observeOnce(Set<String> known, Collection<String> current, String type, JsonNode record,
            LocalDate receivedOn) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                // The current pseudonyms are among the known ones: one query finds the timeline and which are kept.
                Map<String, UUID> kept = subjects(connection, known);
                Optional<UUID> found = kept.values().stream().sorted().findFirst();
                UUID id = found.orElseGet(UUID::randomUUID);
                Timeline before = found.isPresent() ? read(connection, id, true) : Timeline.EMPTY;
                if (found.isEmpty()) {
                    update(connection, "INSERT INTO timeliness_timeline (timeline_id, updated_at) VALUES (?, ?)", id,
                            SqlTimes.of(clock.instant()));
                }
                for (String pseudonym : current) {
                    if (!kept.containsKey(pseudonym)) {
                        update(connection, "INSERT INTO timeliness_subject (pseudonym, timeline_id) VALUES (?, ?)",
                                pseudonym, id);
                    }
                }
                Timeline after = before.observe(contract, type, record, receivedOn);
                if (found.isEmpty() || !after.equals(before)) {
                    write(connection, id, after, !after.met().equals(before.met()));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static Optional<UUID> timelineOf(Connection connection, Collection<String> known)
            throws SQLException {
        return subjects(connection, known).values().stream().sorted().findFirst();
    }

    /** The timeline of each of the pseudonyms that has one. */
    private static Map<String, UUID> subjects(Connection connection, Collection<String> pseudonyms)
            throws SQLException {
        Map<String, UUID> timelines = new HashMap<>();
        if (pseudonyms.isEmpty()) {
            return timelines;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(pseudonyms.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("SELECT pseudonym, timeline_id FROM "
                + "timeliness_subject WHERE pseudonym IN (" + marks + ")")) {
            int parameter = 1;
            for (String pseudonym : pseudonyms) {
                select.setString(parameter++, pseudonym);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    timelines.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
        }
        return timelines;
    }

    private static Timeline read(Connection connection, UUID id, boolean forUpdate) throws SQLException {
        Map<String, LocalDate> met = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT admitted_on, release_on, "
                + "responsible_yot, establishment FROM timeliness_timeline WHERE timeline_id = ?" + (forUpdate
                        ? " FOR UPDATE"
                        : ""));
                PreparedStatement milestones = connection.prepareStatement(
                        "SELECT milestone, met_on FROM timeliness_met WHERE timeline_id = ?")) {
            select.setObject(1, id);
            milestones.setObject(1, id);
            try (ResultSet rows = milestones.executeQuery()) {
                while (rows.next()) {
                    met.put(rows.getString(1), rows.getDate(2).toLocalDate());
                }
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Timeline.EMPTY;
                }
                return new Timeline(day(row.getDate(1)), day(row.getDate(2)), row.getString(3), row.getString(4), met);
            }
        }
    }

    private void write(Connection connection, UUID id, Timeline timeline, boolean metChanged) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE timeliness_timeline SET admitted_on = ?, "
                + "release_on = ?, responsible_yot = ?, establishment = ?, updated_at = ? WHERE timeline_id = ?")) {
            update.setObject(1, date(timeline.admittedOn()), Types.DATE);
            update.setObject(2, date(timeline.releaseOn()), Types.DATE);
            update.setString(3, timeline.responsibleYot());
            update.setString(4, timeline.establishment());
            update.setObject(5, SqlTimes.of(clock.instant()));
            update.setObject(6, id);
            update.executeUpdate();
        }
        if (!metChanged) {
            return;
        }
        update(connection, "DELETE FROM timeliness_met WHERE timeline_id = ?", id);
        for (Map.Entry<String, LocalDate> met : timeline.met().entrySet()) {
            update(connection, "INSERT INTO timeliness_met (timeline_id, milestone, met_on) VALUES (?, ?, ?)", id, met
                    .getKey(), Date.valueOf(met.getValue()));
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
