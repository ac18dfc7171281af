package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;
import io.throughgate.merkle.ConsistencyProofs;
import io.throughgate.merkle.MerkleFrontier;
import io.throughgate.sharinglog.checkpoint.Checkpoint;
import io.throughgate.sharinglog.checkpoint.LogSigningKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * The log's signed checkpoints: the tree size and root hash at a moment, signed with the hub's log key. The hub
 * signs one whenever the log has grown and the interval has passed, and on demand when an export needs one that
 * covers its entries. Replicas may race to sign the same size; the first one stored wins.
 *
 * <p>
 * Before it signs, the hub proves (RFC 9162 section 2.1.4) that the new tree extends the last checkpoint it trusts:
 * one it signed itself, or kept on Kafka ({@link CheckpointMirror}), or stored by another replica and itself proved
 * consistent with those. The proof is made from that checkpoint's frontier, authenticated by the signed root, and
 * the leaves added since; it must lead to the head the database holds. Whoever rewrote an entry that a checkpoint
 * covers and recomputed the head cannot get the result signed: the hub refuses, marks itself not ready and logs an
 * alert, until the log is consistent again.
 */
public final class SharingLogCheckpoints {

    private static final Logger LOG = Logger.getLogger(SharingLogCheckpoints.class);
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final LogSigningKey key;
    private final String origin;
    private final Duration interval;
    private final Optional<CheckpointMirror> mirror;

    /** The latest checkpoint this hub trusts, with its frontier; null until first needed. */
    private Trusted trusted;
    private boolean mirrorRead;
    private volatile String inconsistency;

    /** A signed checkpoint and the frontier of the tree it signed, whose root is the signed root. */
    private record Trusted(SignedCheckpoint signed, MerkleFrontier frontier) {

        long size() {
            return signed.checkpoint().treeSize();
        }
    }

    /** The log contradicts a checkpoint the hub trusts. */
    static final class Inconsistent extends Exception {

        private static final long serialVersionUID = 1L;

        Inconsistent(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param dataSource the hub's database
     * @param key the hub's log key
     * @param origin the log's name in each checkpoint
     * @param interval how often to sign when the log has grown
     * @param mirror where the latest checkpoint is kept outside the database (empty: nowhere, for tools)
     */
    public SharingLogCheckpoints(DataSource dataSource, LogSigningKey key, String origin, Duration interval,
            Optional<CheckpointMirror> mirror) {
        this.dataSource = dataSource;
        this.key = key;
        this.origin = origin;
        this.interval = interval;
        this.mirror = mirror;
    }

    /** The hub's log key. */
    public LogSigningKey key() {
        return key;
    }

    /** Why the log contradicts a checkpoint the hub signed, when it does: the hub then signs nothing. */
    public Optional<String> inconsistency() {
        return Optional.ofNullable(inconsistency);
    }

    /** The latest checkpoint, if any was signed. */
    public Optional<SignedCheckpoint> latest() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return latestStored(connection).map(stored -> SignedCheckpoint.parse(stored.note()));
        }
    }

    /**
     * A checkpoint row as stored.
     *
     * @param treeSize the size column
     * @param rootHash the root hash column, hex
     * @param note the signed note
     */
    public record StoredCheckpoint(long treeSize, String rootHash, String note) {
    }

    /** Signs a checkpoint if the log has grown since the last one and the interval has passed. */
    public void signIfDue(Instant now) throws SQLException {
        if (due(latest().map(signed -> signed.checkpoint().issuedAt()), now, interval)) {
            signIfGrown(now);
        }
    }

    /**
     * Whether a checkpoint is due: none yet, the interval passed since the latest, or the latest is in the future
     * (the clock was set back), which must not stop checkpoints until that time comes round again.
     */
    static boolean due(Optional<Instant> latest, Instant now, Duration interval) {
        return latest.isEmpty() || latest.get().isAfter(now) || Duration.between(latest.get(), now).compareTo(
                interval) >= 0;
    }

    /**
     * A checkpoint covering at least this many entries: the latest, or a new one signed now.
     *
     * @return empty when the log does not hold that many entries yet, or contradicts a signed checkpoint
     */
    public Optional<SignedCheckpoint> covering(long entries, Instant now) throws SQLException {
        Optional<SignedCheckpoint> latest = latest();
        if (latest.isPresent() && latest.get().checkpoint().treeSize() >= entries && inconsistency == null) {
            return latest;
        }
        return signIfGrown(now).filter(signed -> signed.checkpoint().treeSize() >= entries);
    }

    private synchronized Optional<SignedCheckpoint> signIfGrown(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Trusted base = trustedBase(connection);
            MerkleFrontier head = SharingLogHead.read(connection);
            if (head.size() == 0 || base != null && base.size() >= head.size()) {
                inconsistency = null;
                return Optional.ofNullable(base).map(Trusted::signed);
            }
            if (base != null) {
                proveExtends(connection, base, head.size(), head.root());
            }
            SignedCheckpoint signed = key.sign(new Checkpoint(origin, head.size(), head.root(), now));
            if (!store(connection, signed, head)) {
                // Another replica signed this size first; its checkpoint is proved before it is trusted.
                return Optional.ofNullable(trustedBase(connection)).map(Trusted::signed);
            }
            trusted = new Trusted(signed, head);
            inconsistency = null;
            keepOutside(signed, head);
            return Optional.of(signed);
        } catch (Inconsistent e) {
            if (!e.getMessage().equals(inconsistency)) {
                LOG.errorf("ALERT: the sharing log contradicts a signed checkpoint; no checkpoint is signed until "
                        + "this is resolved: %s", e.getMessage());
            }
            inconsistency = e.getMessage();
            return Optional.empty();
        }
    }

    /**
     * The latest checkpoint this hub trusts: the one it holds, moved on to a later one stored in the database (by
     * another replica) only once that is proved to extend it. The first time, it starts from the checkpoint kept on
     * Kafka and the database's latest, the later one proved to extend the earlier.
     */
    private Trusted trustedBase(Connection connection) throws SQLException, Inconsistent {
        if (!mirrorRead && mirror.isPresent()) {
            Optional<CheckpointMirror.Kept> kept = readMirror();
            if (kept.isPresent()) {
                trusted = authentic(connection, kept.get().note(), kept.get().frontier(), "kept on Kafka");
            }
            mirrorRead = true;
        }
        Optional<StoredCheckpoint> stored = latestStored(connection);
        if (stored.isEmpty()) {
            if (trusted != null) {
                throw new Inconsistent("the database holds no checkpoint, but the hub signed one of tree size "
                        + trusted.size());
            }
            return null;
        }
        Trusted latest = authentic(connection, stored.get().note(), frontierColumn(connection, stored.get()
                .treeSize()), "stored in the database");
        if (trusted == null || latest.size() > trusted.size()) {
            if (trusted != null) {
                proveExtends(connection, trusted, latest.size(), latest.signed().checkpoint().rootHash());
            }
            trusted = latest;
        } else if (latest.size() < trusted.size()) {
            throw new Inconsistent("the database's latest checkpoint has tree size " + latest.size()
                    + ", but the hub signed one of tree size " + trusted.size() + ": checkpoints were removed");
        } else if (!Arrays.equals(latest.signed().checkpoint().rootHash(), trusted.signed().checkpoint()
                .rootHash())) {
            throw new Inconsistent("the database's checkpoint of tree size " + latest.size() + " has another root "
                    + "than the one the hub signed");
        }
        return trusted;
    }

    private Optional<CheckpointMirror.Kept> readMirror() {
        try {
            return mirror.get().latest();
        } catch (RuntimeException e) {
            LOG.warnf("the checkpoint kept on Kafka could not be read (%s); starting from the database's",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * A checkpoint whose signature is the hub's and whose frontier gives its root; the frontier comes from the leaves
     * when it was not stored (checkpoints signed before frontiers were kept).
     */
    private Trusted authentic(Connection connection, String note, String frontier, String where)
            throws SQLException, Inconsistent {
        SignedCheckpoint signed;
        try {
            signed = SignedCheckpoint.parse(note);
        } catch (IllegalArgumentException e) {
            throw new Inconsistent("the checkpoint " + where + " is not a signed note");
        }
        if (!key.verifyingKey().verify(signed) || !signed.checkpoint().origin().equals(origin)) {
            throw new Inconsistent("the checkpoint " + where + " of tree size " + signed.checkpoint().treeSize()
                    + " is not signed by the hub's log key for " + origin);
        }
        long size = signed.checkpoint().treeSize();
        MerkleFrontier tree;
        if (frontier == null || frontier.isEmpty() && size > 0) {
            tree = new MerkleFrontier();
            SharingLogQueries.leafHashes(connection, 0, size).forEach(tree::append);
        } else {
            try {
                tree = MerkleFrontier.decode(size, frontier);
            } catch (IllegalArgumentException e) {
                throw new Inconsistent("the frontier of the checkpoint " + where + " of tree size " + size
                        + " is malformed");
            }
        }
        if (tree.size() != size || !Arrays.equals(tree.root(), signed.checkpoint().rootHash())) {
            throw new Inconsistent("the tree of the first " + size + " entries does not have the root the hub "
                    + "signed for the checkpoint " + where + ": an entry it covers was changed or removed");
        }
        return new Trusted(signed, tree);
    }

    /**
     * Proves, with a consistency proof made from the trusted checkpoint's frontier and the leaves added since, that
     * the tree of {@code size} leaves with this root extends it.
     */
    private void proveExtends(Connection connection, Trusted base, long size, byte[] root) throws SQLException,
            Inconsistent {
        List<byte[]> added = SharingLogQueries.leafHashes(connection, base.size(), size);
        if (added.size() != size - base.size()) {
            throw new Inconsistent("entries " + base.size() + " to " + (size - 1) + " are not all in the database");
        }
        List<byte[]> proof = ConsistencyProofs.prove(base.size(), size, ConsistencyProofs.ofFrontierThen(base
                .frontier(), added));
        if (!ConsistencyProofs.verify(base.size(), size, base.signed().checkpoint().rootHash(), root, proof)) {
            throw new Inconsistent("the tree of " + size + " entries is not consistent with the checkpoint of tree "
                    + "size " + base.size() + " (RFC 9162 consistency proof): an entry it covers was changed or "
                    + "removed");
        }
    }

    private boolean store(Connection connection, SignedCheckpoint signed, MerkleFrontier head) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sharing_log_checkpoint "
                + "(tree_size, root_hash, issued_at, note, frontier) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, head.size());
            insert.setString(2, HEX.formatHex(head.root()));
            insert.setObject(3, SqlTimes.of(signed.checkpoint().issuedAt()));
            insert.setString(4, signed.note());
            insert.setString(5, head.encode());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.duplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private void keepOutside(SignedCheckpoint signed, MerkleFrontier head) {
        if (mirror.isEmpty()) {
            return;
        }
        try {
            mirror.get().keep(new CheckpointMirror.Kept(signed.note(), head.encode()));
        } catch (Exception e) {
            // The database holds it; the next checkpoint is kept instead.
            LOG.warnf("the checkpoint of tree size %d could not be kept on Kafka (%s)", head.size(), e.getClass()
                    .getSimpleName());
        }
    }

    private static Optional<StoredCheckpoint> latestStored(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tree_size, root_hash, note FROM sharing_log_checkpoint ORDER BY tree_size DESC LIMIT 1");
                ResultSet row = statement.executeQuery()) {
            return row.next()
                    ? Optional.of(new StoredCheckpoint(row.getLong(1), row.getString(2), row.getString(3)))
                    : Optional.empty();
        }
    }

    private static String frontierColumn(Connection connection, long treeSize) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT frontier FROM sharing_log_checkpoint WHERE tree_size = ?")) {
            statement.setLong(1, treeSize);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
