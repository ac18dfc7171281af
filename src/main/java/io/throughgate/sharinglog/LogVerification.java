package io.throughgate.sharinglog;

import java.util.List;
import java.util.Optional;

/**
 * The result of checking the whole indexed log: every entry against its leaf hash and search rows, the Merkle tree
 * against every signed checkpoint, and every checkpoint's signature against the hub's log key.
 *
 * @param verified whether nothing failed
 * @param entries how many entries the log holds
 * @param expired how many of them are past retention (only their leaf hashes remain)
 * @param checkpoints how many signed checkpoints were checked
 * @param latestCheckpointSize the tree size of the latest checkpoint, 0 when none was signed
 * @param problems what failed, in the order found: entries in log order, each checkpoint when the walk reaches it
 */
public record LogVerification(boolean verified, long entries, long expired, int checkpoints,
        long latestCheckpointSize, List<Problem> problems) {

    public LogVerification {
        problems = List.copyOf(problems);
    }

    /**
     * One thing that failed.
     *
     * @param index the entry it names, or for a checkpoint the first entry it covers that could be the one
     *        changed; null when the problem is the log's as a whole
     * @param problem what failed, in words; never a value from an entry
     */
    public record Problem(Long index, String problem) {
    }

    /** The first failure: the first entry that fails, or the first checkpoint whose root no longer matches. */
    public Optional<Problem> firstFailure() {
        return problems.stream().findFirst();
    }

    /** Entries added since the latest checkpoint: checked against their hashes, not yet covered by a signature. */
    public long unsignedEntries() {
        return entries - latestCheckpointSize;
    }
}
