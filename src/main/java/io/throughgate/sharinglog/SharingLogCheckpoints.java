package io.throughgate.sharinglog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import io.throughgate.database.SqlTimes;
import io.throughgate.sharinglog.checkpoint.Checkpoint;
import io.throughgate.sharinglog.checkpoint.LogSigningKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;
import io.throughgate.sharinglog.tree.MerkleFrontier;

/**
 * The log's signed checkpoints: the tree size and root hash at a moment, signed with the hub's log key. The hub
 * signs one whenever the log has grown and the interval has passed, and on demand when an export needs one that
 * covers its entries. Replicas may race to sign the same size; the first one stored wins.
 */
public final class SharingLogCheckpoints {

    private static final String DUPLICATE_KEY = "23505";
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final LogSigningKey key;
    private final String origin;
    private final Duration interval;

    /**
     * @param dataSource the hub's database
     * @param key the hub's log key
     * @param origin the log's name in each checkpoint
     * @param interval how often to sign when the log has grown
     */
    public SharingLogCheckpoints(DataSource dataSource, LogSigningKey key, String origin, Duration interval) {
        this.dataSource = dataSource;
        this.key = key;
        this.origin = origin;
        this.interval = interval;
    }

    /** The hub's log key. */
    public LogSigningKey key() {
        return key;
    }

    /** The latest checkpoint, if any was signed. */
    public Optional<SignedCheckpoint> latest() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT note FROM sharing_log_checkpoint ORDER BY tree_size DESC LIMIT 1");
                ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(SignedCheckpoint.parse(row.getString(1))) : Optional.empty();
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
        Optional<SignedCheckpoint> latest = latest();
        if (latest.isPresent() && Duration.between(latest.get().checkpoint().issuedAt(), now).compareTo(
                interval) < 0) {
            return;
        }
        signIfGrown(latest, now);
    }

    /**
     * A checkpoint covering at least this many entries: the latest, or a new one signed now.
     *
     * @return empty when the log does not hold that many entries yet
     */
    public Optional<SignedCheckpoint> covering(long entries, Instant now) throws SQLException {
        Optional<SignedCheckpoint> latest = latest();
        if (latest.isPresent() && latest.get().checkpoint().treeSize() >= entries) {
            return latest;
        }
        return signIfGrown(latest, now).filter(signed -> signed.checkpoint().treeSize() >= entries);
    }

    private Optional<SignedCheckpoint> signIfGrown(Optional<SignedCheckpoint> latest, Instant now)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MerkleFrontier head = SharingLogHead.read(connection);
            if (head.size() == 0 || latest.isPresent() && latest.get().checkpoint().treeSize() >= head.size()) {
                return latest;
            }
            SignedCheckpoint signed = key.sign(new Checkpoint(origin, head.size(), head.root(), now));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sharing_log_checkpoint "
                    + "(tree_size, root_hash, issued_at, note) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, head.size());
                insert.setString(2, HEX.formatHex(head.root()));
                insert.setObject(3, SqlTimes.of(now));
                insert.setString(4, signed.note());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw e;
                }
                // Another replica signed this size first; its checkpoint is as good.
                return latest();
            }
            return Optional.of(signed);
        }
    }
}
