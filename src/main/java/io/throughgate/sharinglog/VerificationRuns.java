package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;

/**
 * Whole-log verifications that DPOs run, kept in the database ({@code log_verification_run}) with how far each has
 * got, so that any replica can show a run's progress and when the log was last verified, with what outcome. A run
 * started here goes on in the background, one at a time per replica.
 */
@ApplicationScoped
public class VerificationRuns {

    private static final Logger LOG = Logger.getLogger(VerificationRuns.class);
    private static final int FAILURE_LENGTH = 1000;

    /**
     * One run.
     *
     * @param id its id
     * @param requestedBy the agency of the DPO who ran it
     * @param startedAt when it began
     * @param finishedAt when it ended; null while it runs
     * @param totalEntries how many entries the log held when it began; null until it has read them
     * @param checkedEntries how many it has checked
     * @param verified whether nothing failed; null while it runs
     * @param firstFailureIndex the entry the first failure names, if any
     * @param firstFailure the first failure, in words; null when none
     */
    public record Run(UUID id, String requestedBy, Instant startedAt, Instant finishedAt, Long totalEntries,
            long checkedEntries, Boolean verified, Long firstFailureIndex, String firstFailure) {

        /** Whether it has ended. */
        public boolean finished() {
            return finishedAt != null;
        }

        /** How far it has got, from 0 to 100. */
        public int percent() {
            if (finished()) {
                return 100;
            }
            return totalEntries == null || totalEntries == 0 ? 0 : (int) (100 * checkedEntries / totalEntries);
        }
    }

    @Inject
    HubDatabase database;

    @Inject
    SharingLog log;

    @Inject
    Clock clock;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "log-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<UUID> running = new AtomicReference<>();
    /** One whole-log verification at a time on this replica, from the console or the API. */
    private final ReentrantLock verifying = new ReentrantLock();

    /** Starts a run in the background, or answers the one already running on this replica. */
    public UUID start(String requestedBy) throws SQLException {
        UUID id = UUID.randomUUID();
        if (!running.compareAndSet(null, id)) {
            return running.get();
        }
        try {
            insert(id, requestedBy, clock.instant());
        } catch (SQLException e) {
            running.set(null);
            throw e;
        }
        runner.execute(() -> {
            verifying.lock();
            try {
                finish(id, log.verifier().verify((checked, total) -> progress(id, checked, total)));
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("log verification %s could not finish: %s", id, e.getClass().getSimpleName());
                failed(id);
            } finally {
                verifying.unlock();
                running.set(null);
            }
        });
        return id;
    }

    /** Runs a verification now, in the caller's thread, after any other running here, and keeps its outcome. */
    public LogVerification runNow(String requestedBy) throws SQLException {
        verifying.lock();
        try {
            UUID id = UUID.randomUUID();
            insert(id, requestedBy, clock.instant());
            LogVerification result = log.verifier().verify((checked, total) -> progress(id, checked, total));
            finish(id, result);
            return result;
        } finally {
            verifying.unlock();
        }
    }

    /** A run, as far as it has got. */
    public Optional<Run> find(UUID id) throws SQLException {
        return one("SELECT * FROM log_verification_run WHERE run_id = ?", id);
    }

    /** The run that ended last, if any has. */
    public Optional<Run> lastFinished() throws SQLException {
        return one("SELECT * FROM log_verification_run WHERE finished_at IS NOT NULL ORDER BY finished_at DESC "
                + "FETCH FIRST 1 ROWS ONLY", null);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void insert(UUID id, String requestedBy, Instant startedAt) throws SQLException {
        update("INSERT INTO log_verification_run (run_id, requested_by, started_at, checked_entries) "
                + "VALUES (?, ?, ?, 0)", statement -> {
                    statement.setObject(1, id);
                    statement.setString(2, requestedBy);
                    statement.setObject(3, SqlTimes.of(startedAt));
                });
    }

    private void progress(UUID id, long checked, long total) {
        try {
            update("UPDATE log_verification_run SET checked_entries = ?, total_entries = ? WHERE run_id = ?",
                    statement -> {
                        statement.setLong(1, checked);
                        statement.setLong(2, total);
                        statement.setObject(3, id);
                    });
        } catch (SQLException e) {
            // Progress is a courtesy: the outcome is recorded at the end.
            LOG.debugf("progress of log verification %s not recorded", id);
        }
    }

    private void finish(UUID id, LogVerification result) throws SQLException {
        Optional<LogVerification.Problem> first = result.firstFailure();
        update("UPDATE log_verification_run SET finished_at = ?, checked_entries = ?, verified = ?, "
                + "first_failure_index = ?, first_failure = ? WHERE run_id = ?", statement -> {
                    statement.setObject(1, SqlTimes.of(clock.instant()));
                    statement.setLong(2, result.entries());
                    statement.setBoolean(3, result.verified());
                    if (first.isPresent() && first.get().index() != null) {
                        statement.setLong(4, first.get().index());
                    } else {
                        statement.setNull(4, Types.BIGINT);
                    }
                    statement.setString(5, first.map(problem -> truncated(problem.problem())).orElse(null));
                    statement.setObject(6, id);
                });
    }

    private void failed(UUID id) {
        try {
            update("UPDATE log_verification_run SET finished_at = ?, verified = FALSE, first_failure = ? "
                    + "WHERE run_id = ?", statement -> {
                        statement.setObject(1, SqlTimes.of(clock.instant()));
                        statement.setString(2, "the verification could not read the whole log");
                        statement.setObject(3, id);
                    });
        } catch (SQLException e) {
            LOG.warnf("log verification %s: its failure could not be recorded", id);
        }
    }

    private static String truncated(String text) {
        return text.length() > FAILURE_LENGTH ? text.substring(0, FAILURE_LENGTH) : text;
    }

    private interface Parameters {

        void set(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Parameters parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            statement.executeUpdate();
        }
    }

    private Optional<Run> one(String sql, UUID id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setObject(1, id);
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Run(row.getObject("run_id", UUID.class), row.getString("requested_by"),
                        SqlTimes.instant(row, "started_at"), SqlTimes.instant(row, "finished_at"),
                        nullableLong(row, "total_entries"), row.getLong("checked_entries"),
                        row.getObject("verified") == null ? null : row.getBoolean("verified"),
                        nullableLong(row, "first_failure_index"), row.getString("first_failure")));
            }
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
