package io.throughgate.sharinglog.export;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying a sharing-log export ({@link ExportVerifier#verify}).
 *
 * @param verified true only when there is no problem: the checkpoint is signed by the given key and every entry is
 *        proven to be in the log it heads
 * @param entriesChecked how many entries the export holds, each of which was checked
 * @param treeSize the tree size of the checkpoint, as its signed note says; 0 when the note cannot be read
 * @param problems what failed, one sentence each, naming the checkpoint member or the entry's index; empty when
 *        verified
 */
public record ExportVerification(boolean verified, int entriesChecked, long treeSize, List<String> problems) {

    /**
     * @throws IllegalArgumentException if verified is said of an outcome with problems, or the reverse
     */
    public ExportVerification {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (verified != problems.isEmpty()) {
            throw new IllegalArgumentException("verified is " + verified + " but there are " + problems.size()
                    + " problems");
        }
    }
}
