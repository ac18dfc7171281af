package io.throughgate.watch;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;

/**
 * The timeliness notices claimed and sent, in {@code timeliness_notice}. A replica claims a notice (its id is the
 * primary key, so one replica wins) before sending it, and marks it sent once its transaction commits; a claim not
 * marked sent in time lapses, and another round takes it over and sends the same notice again.
 */
final class NoticeClaims {

    /**
     * A notice claimed.
     *
     * @param id its id
     * @param timeline the child's timeline, or null for a digest
     * @param milestone the milestone, or null for a digest
     * @param state at-risk, missed, met, no-longer-due, or digest
     * @param due the milestone's due day, if any
     * @param occasion the day the notice is for
     * @param claimedAt when it was (last) claimed
     * @param sent whether it was sent
     */
    record Claim(UUID id, UUID timeline, String milestone, String state, LocalDate due, LocalDate occasion,
            Instant claimedAt, boolean sent) {
    }

    private final DataSource dataSource;

    NoticeClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every notice about a child still watched, and the digests from a day on, oldest claim first. */
    List<Claim> since(LocalDate firstDigestDay) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT notice_id, timeline_id, milestone, "
                        + "state, due_on, occasion, claimed_at, sent_at FROM timeliness_notice "
                        + "WHERE timeline_id IS NOT NULL OR occasion >= ? ORDER BY claimed_at, notice_id")) {
            select.setDate(1, Date.valueOf(firstDigestDay));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Date due = rows.getDate(5);
                    claims.add(new Claim(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(
                            3), rows.getString(4), due == null ? null : due.toLocalDate(),
                            rows.getDate(6)
                                    .toLocalDate(),
                            SqlTimes.instant(rows, 7), rows.getObject(8) != null));
                }
            }
        }
        return claims;
    }

    /** Claims a notice for this replica: false when another claimed it first. */
    boolean claim(Claim claim) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO timeliness_notice (notice_id, "
                        + "timeline_id, milestone, state, due_on, occasion, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, claim.id());
            insert.setObject(2, claim.timeline());
            insert.setString(3, claim.milestone());
            insert.setString(4, claim.state());
            insert.setObject(5, claim.due() == null ? null : Date.valueOf(claim.due()), Types.DATE);
            insert.setDate(6, Date.valueOf(claim.occasion()));
            insert.setObject(7, SqlTimes.of(claim.claimedAt()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.duplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Takes over a claim that lapsed before {@code lapsedBefore}: true when this replica now holds it. */
    boolean reclaim(UUID id, Instant now, Instant lapsedBefore) throws SQLException {
        return update("UPDATE timeliness_notice SET claimed_at = ? WHERE notice_id = ? AND sent_at IS NULL AND "
                + "claimed_at < ?", now, id, lapsedBefore) == 1;
    }

    /** Marks a notice sent. */
    void sent(UUID id, Instant at) throws SQLException {
        update("UPDATE timeliness_notice SET sent_at = ? WHERE notice_id = ?", at, id);
    }

    private int update(String sql, Instant time, UUID id, Instant... more) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, SqlTimes.of(time));
            update.setObject(2, id);
            for (int i = 0; i < more.length; i++) {
                update.setObject(3 + i, SqlTimes.of(more[i]));
            }
            return update.executeUpdate();
        }
    }
}
