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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
     * @param noticeKey the key the child's timeliness notices go under (see {@link Watched}), or null when no
     *        agreement in force carries notices
     * @param type the record's type
     * @param record the record
     * @param receivedOn the day the hub received it
     */
    public void observe(Set<String> known, Collection<String> current, String noticeKey, String type,
            JsonNode record, LocalDate receivedOn) throws SQLException {
        try {
            observeOnce(known, current, noticeKey, type, record, receivedOn);
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            // Another replica started the same child's timeline at the same moment: add to the one it made.
            observeOnce(known, current, noticeKey, type, record, receivedOn);
        }
    }

    /**
     * A timeline the hub still watches, with what its notices need.
     *
     * @param id the timeline's id
     * @param timeline the child's dates and agencies
     * @param noticeKey the child's pseudonym under the notices' agreement version: the key of the records the
     *        recipients of its notices already hold, or null when no agreement carried notices as it was observed
     * @param pseudonyms the child's hub-wide pseudonyms, for the sharing log
     */
    public record Watched(UUID id, Timeline timeline, String noticeKey, List<String> pseudonyms) {
    }

    /**
     * Every timeline whose child is not yet released on a day (or whose release day is not known): those whose
     * milestones can still be at risk, missed or met.
     */
    public List<Watched> watchedOn(LocalDate today) throws SQLException {
        Map<UUID, Stored> stored = new LinkedHashMap<>();
        Map<UUID, Map<String, LocalDate>> met = new HashMap<>();
        Map<UUID, List<String>> pseudonyms = new HashMap<>();
        String watched = "(SELECT timeline_id FROM timeliness_timeline WHERE release_on IS NULL OR release_on >= ?)";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement timelines = connection.prepareStatement("SELECT timeline_id, admitted_on, "
                        + "release_on, responsible_yot, establishment, notice_key FROM timeliness_timeline WHERE "
                        + "timeline_id IN " + watched + " ORDER BY timeline_id");
                PreparedStatement milestones = connection.prepareStatement("SELECT timeline_id, milestone, met_on "
                        + "FROM timeliness_met WHERE timeline_id IN " + watched);
                PreparedStatement subjects = connection.prepareStatement("SELECT timeline_id, pseudonym FROM "
                        + "timeliness_subject WHERE timeline_id IN " + watched + " ORDER BY pseudonym")) {
            for (PreparedStatement statement : List.of(timelines, milestones, subjects)) {
                statement.setDate(1, Date.valueOf(today));
            }
            try (ResultSet rows = milestones.executeQuery()) {
                while (rows.next()) {
                    met.computeIfAbsent(rows.getObject(1, UUID.class), id -> new HashMap<>()).put(rows.getString(2),
                            rows.getDate(3).toLocalDate());
                }
            }
            try (ResultSet rows = subjects.executeQuery()) {
                while (rows.next()) {
                    pseudonyms.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>()).add(rows
                            .getString(2));
                }
            }
            try (ResultSet rows = timelines.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    stored.put(id, stored(rows, 2, met.getOrDefault(id, Map.of())));
                }
            }
        }
        List<Watched> all = new ArrayList<>();
        stored.forEach((id, row) -> all.add(new Watched(id, row.timeline(), row.noticeKey(), pseudonyms.getOrDefault(
                id, List.of()))));
        return all;
    }

    /** The child's timeline, if the hub has one. */
    public Optional<Timeline> find(Set<String> known) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            Optional<UUID> id = timelineOf(connection, known);
            return id.isEmpty() ? Optional.empty() : Optional.of(read(connection, id.get(), false).timeline());
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

    private void observeOnce(Set<String> known, Collection<String> current, String noticeKey, String type,
            JsonNode record, LocalDate receivedOn) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                // The current pseudonyms are among the known ones: one query finds the timeline and which are kept.
                Map<String, UUID> kept = subjects(connection, known);
                Optional<UUID> found = kept.values().stream().sorted().findFirst();
                UUID id = found.orElseGet(UUID::randomUUID);
                Stored before = found.isPresent() ? read(connection, id, true) : Stored.EMPTY;
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
                Stored after = new Stored(before.timeline().observe(contract, type, record, receivedOn),
                        noticeKey != null ? noticeKey : before.noticeKey());
                if (found.isEmpty() || !after.equals(before)) {
                    write(connection, id, after, !after.timeline().met().equals(before.timeline().met()));
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

    /** A timeline as the database holds it, with the key of its notices. */
    private record Stored(Timeline timeline, String noticeKey) {

        static final Stored EMPTY = new Stored(Timeline.EMPTY, null);
    }

    private static Stored read(Connection connection, UUID id, boolean forUpdate) throws SQLException {
        Map<String, LocalDate> met = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT admitted_on, release_on, "
                + "responsible_yot, establishment, notice_key FROM timeliness_timeline WHERE timeline_id = ?"
                + (forUpdate
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
                    return Stored.EMPTY;
                }
                return stored(row, 1, met);
            }
        }
    }

    /** The timeline in a row's columns from {@code first}: admitted, release, YOT, establishment, notice key. */
    private static Stored stored(ResultSet row, int first, Map<String, LocalDate> met) throws SQLException {
        return new Stored(new Timeline(day(row.getDate(first)), day(row.getDate(first + 1)), row.getString(first + 2),
                row.getString(first + 3), met), row.getString(first + 4));
    }

    private void write(Connection connection, UUID id, Stored stored, boolean metChanged) throws SQLException {
        Timeline timeline = stored.timeline();
        try (PreparedStatement update = connection.prepareStatement("UPDATE timeliness_timeline SET admitted_on = ?, "
                + "release_on = ?, responsible_yot = ?, establishment = ?, notice_key = ?, updated_at = ? "
                + "WHERE timeline_id = ?")) {
            update.setObject(1, date(timeline.admittedOn()), Types.DATE);
            update.setObject(2, date(timeline.releaseOn()), Types.DATE);
            update.setString(3, timeline.responsibleYot());
            update.setString(4, timeline.establishment());
            update.setString(5, stored.noticeKey());
            update.setObject(6, SqlTimes.of(clock.instant()));
            update.setObject(7, id);
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
