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
import java.time.YearMonth;
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
import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;
import io.throughgate.database.Transactions;

/**
 * Every child's timeline, kept in the database by the child's hub-wide pseudonyms. A record moves its child's
 * timeline on in one transaction that locks the timeline's row, so that replicas observing two records of the same
 * child at once both count.
 */
@ApplicationScoped
public class Timelines {

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
            if (!SqlStates.duplicateKey(e)) {
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

    /**
     * Deletes the timelines of children released more than {@code keep} ago; answers how many. Each one's release
     * and milestone outcomes, as they stand then, are added to the statistics' tally in the same transaction, so a
     * child is counted once whichever replica deletes it.
     */
    public int expire(Period keep) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        List<UUID> expired = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT timeline_id FROM timeliness_timeline WHERE release_on < ?")) {
            select.setDate(1, Date.valueOf(today.minus(keep)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(rows.getObject(1, UUID.class));
                }
            }
        }
        int deleted = 0;
        for (UUID id : expired) {
            deleted += Transactions.inTransaction(database.dataSource(), connection -> deleteAndTally(connection, id,
                    today));
        }
        return deleted;
    }

    /**
     * A tally of deleted timelines: how many children of a borough released in a month count for an outcome.
     *
     * @param month the month of release
     * @param borough the responsible YOT
     * @param outcome what they count for
     * @param children how many
     */
    public record Tally(YearMonth month, String borough, Outcome outcome, long children) {
    }

    /** The tallies of deleted timelines for the months from {@code first} to {@code last}. */
    public List<Tally> tallies(YearMonth first, YearMonth last) throws SQLException {
        List<Tally> tallies = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT release_month, borough, measure, "
                        + "children FROM timeliness_tally WHERE release_month >= ? AND release_month <= ?")) {
            select.setString(1, first.toString());
            select.setString(2, last.toString());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Optional<Outcome> outcome = Outcome.fromCode(rows.getString(3));
                    if (outcome.isPresent()) {
                        tallies.add(new Tally(YearMonth.parse(rows.getString(1)), rows.getString(2), outcome.get(),
                                rows.getLong(4)));
                    }
                }
            }
        }
        return tallies;
    }

    /** The timelines of children released from {@code first} to {@code last}, inclusive. */
    public List<Timeline> releasedBetween(LocalDate first, LocalDate last) throws SQLException {
        return loaded("release_on >= ? AND release_on <= ?", first, last);
    }

    /**
     * The timelines of children admitted or released from {@code first} to {@code last}, inclusive: those whose
     * milestones can fall due in that span, give or take the longest deadline.
     */
    public List<Timeline> anchoredBetween(LocalDate first, LocalDate last) throws SQLException {
        return loaded("(admitted_on >= ? AND admitted_on <= ?) OR (release_on >= ? AND release_on <= ?)", first,
                last, first, last);
    }

    /** The responsible YOT of the child of each hub-wide pseudonym the hub keeps a timeline for, by pseudonym. */
    public Map<String, String> responsibleYots() throws SQLException {
        Map<String, String> yots = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT s.pseudonym, t.responsible_yot FROM "
                        + "timeliness_subject s JOIN timeliness_timeline t ON t.timeline_id = s.timeline_id WHERE "
                        + "t.responsible_yot IS NOT NULL");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                yots.put(rows.getString(1), rows.getString(2));
            }
        }
        return yots;
    }

    /** The timelines a condition on {@code timeliness_timeline} selects, its parameters the days given. */
    private List<Timeline> loaded(String condition, LocalDate... days) throws SQLException {
        Map<UUID, Map<String, LocalDate>> met = new HashMap<>();
        List<Stored> rows = new ArrayList<>();
        String selected = "(SELECT timeline_id FROM timeliness_timeline WHERE " + condition + ")";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement timelines = connection.prepareStatement("SELECT timeline_id, admitted_on, "
                        + "release_on, responsible_yot, establishment, notice_key FROM timeliness_timeline WHERE "
                        + "timeline_id IN " + selected + " ORDER BY timeline_id");
                PreparedStatement milestones = connection.prepareStatement("SELECT timeline_id, milestone, met_on "
                        + "FROM timeliness_met WHERE timeline_id IN " + selected)) {
            for (PreparedStatement statement : List.of(timelines, milestones)) {
                for (int i = 0; i < days.length; i++) {
                    statement.setDate(i + 1, Date.valueOf(days[i]));
                }
            }
            try (ResultSet result = milestones.executeQuery()) {
                while (result.next()) {
                    met.computeIfAbsent(result.getObject(1, UUID.class), id -> new HashMap<>()).put(result.getString(
                            2), result.getDate(3).toLocalDate());
                }
            }
            try (ResultSet result = timelines.executeQuery()) {
                while (result.next()) {
                    UUID id = result.getObject(1, UUID.class);
                    rows.add(stored(result, 2, met.getOrDefault(id, Map.of())));
                }
            }
        }
        return rows.stream().map(Stored::timeline).toList();
    }

    private int deleteAndTally(Connection connection, UUID id, LocalDate today) throws SQLException {
        Stored stored = read(connection, id, true);
        Timeline timeline = stored.timeline();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM timeliness_timeline WHERE timeline_id = ?")) {
            delete.setObject(1, id);
            if (delete.executeUpdate() == 0) {
                // Another replica deleted it first, and counted it.
                return 0;
            }
        }
        if (timeline.releaseOn() != null && timeline.responsibleYot() != null) {
            String month = YearMonth.from(timeline.releaseOn()).toString();
            for (Map.Entry<Outcome, Integer> count : Outcome.of(timeline, contract, today).entrySet()) {
                addToTally(connection, month, timeline.responsibleYot(), count.getKey(), count.getValue());
            }
        }
        return 1;
    }

    private static void addToTally(Connection connection, String month, String borough, Outcome outcome,
            int children) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE timeliness_tally SET children = "
                + "children + ? WHERE release_month = ? AND borough = ? AND measure = ?")) {
            update.setLong(1, children);
            update.setString(2, month);
            update.setString(3, borough);
            update.setString(4, outcome.code());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        // Two replicas adding a borough's month's first row at once: one fails on the key, and its timeline, not
        // deleted, is counted in its next round.
        update(connection, "INSERT INTO timeliness_tally (release_month, borough, measure, children) VALUES "
                + "(?, ?, ?, ?)", month, borough, outcome.code(), (long) children);
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

    /** The timeline one of a child's pseudonyms leads to, if any. */
    static Optional<UUID> timelineOf(Connection connection, Collection<String> known)
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

    /** The timeline of an id, as the database holds it. */
    static Timeline timeline(Connection connection, UUID id) throws SQLException {
        return read(connection, id, false).timeline();
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
