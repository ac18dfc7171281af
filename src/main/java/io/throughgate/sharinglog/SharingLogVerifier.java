package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.throughgate.merkle.MerkleFrontier;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * Checks the whole indexed log in one pass, in log order:
 * <ol>
 * <li>each entry's stored text against its leaf hash, and its search columns and rows against its text;</li>
 * <li>the Merkle tree of all leaf hashes (RFC 9162 section 2.1) against each signed checkpoint when the walk reaches
 * its size, and each checkpoint's signature against the hub's log key;</li>
 * <li>the head row against the tree.</li>
 * </ol>
 * An entry changed in place fails step 1 and is named. An entry whose text and leaf hash were both rewritten fails
 * step 2 at the first checkpoint after it: no signature covers one entry alone, so the problem names the range
 * between that checkpoint and the one before. Expired entries have only their leaf hashes, which still count in
 * the tree, so expiry never breaks verification of what remains.
 */
public final class SharingLogVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final int FETCH_SIZE = 1_000;
    private static final int MOST_PROBLEMS = 100;

    private final DataSource dataSource;
    private final LogVerifyingKey key;
    private final String origin;
    private final Supplier<Optional<String>> keptOutside;

    /**
     * @param dataSource the hub's database
     * @param key the hub's log key
     * @param origin the log's name every checkpoint must carry
     */
    public SharingLogVerifier(DataSource dataSource, LogVerifyingKey key, String origin) {
        this(dataSource, key, origin, Optional::empty);
    }

    /**
     * @param keptOutside the signed note of the latest checkpoint kept outside the database (on Kafka), checked
     *        like the database's own and compared with the one of its size there
     */
    public SharingLogVerifier(DataSource dataSource, LogVerifyingKey key, String origin,
            Supplier<Optional<String>> keptOutside) {
        this.dataSource = dataSource;
        this.key = key;
        this.origin = origin;
        this.keptOutside = keptOutside;
    }

    /** Checks the log. */
    public LogVerification verify() throws SQLException {
        return verify(Progress.NONE);
    }

    /** Told how far a verification has got. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (checked, total) -> {
        };

        /**
         * @param checked how many entries have been checked
         * @param total how many entries the log held when the verification began
         */
        void checked(long checked, long total);
    }

    /** Checks the log, telling {@code progress} after each thousand entries and at the end. */
    public LogVerification verify(Progress progress) throws SQLException {
        // Read before the database's snapshot: the hub stores a checkpoint in the database before it keeps it outside,
        // so a checkpoint kept by now is in the snapshot, and one signed meanwhile is not taken for one removed.
        KeptNote kept = KeptNote.read(keptOutside);
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            // One snapshot for every query, so that appends and expiry running meanwhile are not seen half-way.
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                return verify(connection, progress, kept);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private LogVerification verify(Connection connection, Progress progress, KeptNote kept) throws SQLException {
        MerkleFrontier head = SharingLogHead.read(connection);
        progress.checked(0, head.size());
        List<SharingLogCheckpoints.StoredCheckpoint> checkpoints = checkpoints(connection);
        List<String> outside = new ArrayList<>();
        keptOutside(kept, checkpoints, outside);
        Walk walk = new Walk(checkpoints);
        outside.forEach(problem -> walk.problem(null, problem));
        try (PreparedStatement entries = query(connection, "SELECT " + EntryCheck.COLUMNS
                + " FROM sharing_log_entry ORDER BY entry_index");
                PreparedStatement subjects = query(connection,
                        "SELECT entry_index, pseudonym FROM sharing_log_subject ORDER BY entry_index");
                PreparedStatement consents = query(connection,
                        "SELECT entry_index, decision_id FROM sharing_log_consent ORDER BY entry_index");
                ResultSet entryRows = entries.executeQuery();
                ResultSet subjectRows = subjects.executeQuery();
                ResultSet consentRows = consents.executeQuery()) {
            GroupedRows subjectGroups = new GroupedRows(subjectRows);
            GroupedRows consentGroups = new GroupedRows(consentRows);
            while (entryRows.next()) {
                long index = entryRows.getLong("entry_index");
                if (index != walk.frontier.size()) {
                    walk.problem(walk.frontier.size(), "entry " + walk.frontier.size() + " is missing (the next "
                            + "stored entry is " + index + ")");
                }
                EntryCheck check = EntryCheck.of(entryRows, subjectGroups.take(index), consentGroups.take(index));
                check.problems().forEach(problem -> walk.problem(index, problem));
                if (check.expired()) {
                    walk.expired++;
                }
                walk.append(check.leafHash());
                if (walk.frontier.size() % FETCH_SIZE == 0) {
                    progress.checked(walk.frontier.size(), head.size());
                }
            }
            long orphans = subjectGroups.orphans() + consentGroups.orphans();
            if (orphans > 0) {
                walk.problem(null, orphans + " search rows belong to no entry");
            }
        }
        walk.finish(head);
        progress.checked(walk.frontier.size(), head.size());
        return walk.result();
    }

    private static PreparedStatement query(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    /**
     * Adds the checkpoint kept outside the database to those the walk checks, when the database lacks it; one of the
     * same size with another note there is a problem of its own.
     */
    private void keptOutside(KeptNote outside, List<SharingLogCheckpoints.StoredCheckpoint> checkpoints,
            List<String> problems) {
        if (outside.failure().isPresent()) {
            problems.add("the checkpoint kept outside the database could not be read (" + outside.failure().get()
                    + ")");
            return;
        }
        Optional<String> note = outside.note();
        if (note.isEmpty()) {
            return;
        }
        SignedCheckpoint kept;
        try {
            kept = SignedCheckpoint.parse(note.get());
        } catch (IllegalArgumentException e) {
            problems.add("the checkpoint kept outside the database is not a signed note");
            return;
        }
        long size = kept.checkpoint().treeSize();
        Optional<SharingLogCheckpoints.StoredCheckpoint> same = checkpoints.stream().filter(stored -> stored
                .treeSize() == size).findFirst();
        if (same.isEmpty()) {
            problems.add("the database lacks the checkpoint of tree size " + size + " kept outside it: "
                    + "checkpoints were removed");
            checkpoints.add(new SharingLogCheckpoints.StoredCheckpoint(size, HEX.formatHex(kept.checkpoint()
                    .rootHash()), note.get()));
            checkpoints.sort(java.util.Comparator.comparingLong(SharingLogCheckpoints.StoredCheckpoint::treeSize));
        } else if (!same.get().note().equals(note.get())) {
            problems.add("the database's checkpoint of tree size " + size + " differs from the one kept outside "
                    + "it");
        }
    }

    private static List<SharingLogCheckpoints.StoredCheckpoint> checkpoints(Connection connection)
            throws SQLException {
        List<SharingLogCheckpoints.StoredCheckpoint> all = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tree_size, root_hash, note FROM sharing_log_checkpoint ORDER BY tree_size");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                all.add(new SharingLogCheckpoints.StoredCheckpoint(rows.getLong(1), rows.getString(2), rows
                        .getString(3)));
            }
        }
        return all;
    }

    /** The state of the walk over the log. */
    private final class Walk {

        private final List<SharingLogCheckpoints.StoredCheckpoint> checkpoints;
        private final MerkleFrontier frontier = new MerkleFrontier();
        private final List<LogVerification.Problem> problems = new ArrayList<>();
        private int nextCheckpoint;
        private long lastGoodCheckpoint;
        private long expired;
        private int checked;

        Walk(List<SharingLogCheckpoints.StoredCheckpoint> checkpoints) {
            this.checkpoints = checkpoints;
            checkCheckpointsAt(0);
        }

        void append(byte[] leafHash) {
            frontier.append(leafHash);
            checkCheckpointsAt(frontier.size());
        }

        private void checkCheckpointsAt(long size) {
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == size) {
                check(checkpoints.get(nextCheckpoint++));
            }
        }

        private void check(SharingLogCheckpoints.StoredCheckpoint stored) {
            checked++;
            long size = stored.treeSize();
            Optional<String> failure = checkpointFailure(stored);
            if (failure.isPresent()) {
                problem(lastGoodCheckpoint, "checkpoint at tree size " + size + ": " + failure.get());
            } else {
                lastGoodCheckpoint = size;
            }
        }

        private Optional<String> checkpointFailure(SharingLogCheckpoints.StoredCheckpoint stored) {
            SignedCheckpoint signed;
            try {
                signed = SignedCheckpoint.parse(stored.note());
            } catch (IllegalArgumentException e) {
                return Optional.of("its signed note cannot be read");
            }
            if (!key.verify(signed)) {
                return Optional.of("its signature does not verify with the hub's log key");
            }
            if (!signed.checkpoint().origin().equals(origin)) {
                return Optional.of("it is signed for another log (" + signed.checkpoint().origin() + ")");
            }
            if (signed.checkpoint().treeSize() != stored.treeSize()
                    || !HEX.formatHex(signed.checkpoint().rootHash()).equals(stored.rootHash())) {
                return Optional.of("its columns differ from its signed note");
            }
            if (!java.util.Arrays.equals(frontier.root(), signed.checkpoint().rootHash())) {
                return Optional.of("the entries no longer give its signed root hash: an entry from "
                        + lastGoodCheckpoint + " to " + (stored.treeSize() - 1)
                        + " was changed, added or removed");
            }
            return Optional.empty();
        }

        void problem(Long index, String problem) {
            if (problems.size() < MOST_PROBLEMS) {
                problems.add(new LogVerification.Problem(index, problem));
            }
        }

        void finish(MerkleFrontier head) {
            while (nextCheckpoint < checkpoints.size()) {
                SharingLogCheckpoints.StoredCheckpoint stored = checkpoints.get(nextCheckpoint++);
                checked++;
                problem(frontier.size(), "checkpoint at tree size " + stored.treeSize() + " covers entries that "
                        + "are missing: the log holds " + frontier.size());
            }
            if (head.size() != frontier.size() || !java.util.Arrays.equals(head.root(), frontier.root())) {
                problem(null, "the log's head (size " + head.size() + ") does not match its " + frontier.size()
                        + " entries");
            }
        }

        LogVerification result() {
            long latest = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).treeSize();
            return new LogVerification(problems.isEmpty(), frontier.size(), expired, checked, latest, problems);
        }
    }

    /**
     * The signed note of the checkpoint kept outside the database, or why it could not be read.
     *
     * @param note the note, empty when none is kept
     * @param failure the kind of error that stopped it being read
     */
    private record KeptNote(Optional<String> note, Optional<String> failure) {

        static KeptNote read(Supplier<Optional<String>> keptOutside) {
            try {
                return new KeptNote(keptOutside.get(), Optional.empty());
            } catch (RuntimeException e) {
                return new KeptNote(Optional.empty(), Optional.of(e.getClass().getSimpleName()));
            }
        }
    }
}
