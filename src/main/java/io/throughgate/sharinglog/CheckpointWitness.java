package io.throughgate.sharinglog;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.throughgate.merkle.ConsistencyProofs;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * What a witness of the sharing log checks each time it runs: that the hub's latest checkpoint is signed by the
 * hub's log key, and that it extends the last checkpoint this witness saw (an RFC 9162 consistency proof fetched from
 * the hub). A log that was rewritten, or shown differently to different people (a split view), fails: the witness
 * keeps what it saw before and raises the alarm. Pure: the hub is reached through {@link Hub}.
 */
public final class CheckpointWitness {

    /** The hub as the witness reaches it. */
    public interface Hub {

        /** The latest checkpoint's signed note. */
        String latestNote() throws IOException;

        /** The consistency proof between two tree sizes. */
        List<byte[]> consistency(long from, long to) throws IOException;
    }

    /**
     * What the witness found.
     *
     * @param consistent whether the latest checkpoint extends the one seen before (or is the first seen)
     * @param seen the note to keep as the last seen: the new one when consistent, the old one otherwise
     * @param message what was found, in words
     */
    public record Outcome(boolean consistent, Optional<String> seen, String message) {
    }

    private final LogVerifyingKey key;
    private final String origin;

    public CheckpointWitness(LogVerifyingKey key, String origin) {
        this.key = key;
        this.origin = origin;
    }

    /**
     * Checks the hub's latest checkpoint against the last one seen.
     *
     * @param lastSeen the note of the last checkpoint this witness accepted, if any
     * @throws IOException if the hub cannot be reached or answers other than as the API says
     */
    public Outcome check(Hub hub, Optional<String> lastSeen) throws IOException {
        Optional<SignedCheckpoint> before = lastSeen.map(SignedCheckpoint::parse);
        SignedCheckpoint latest;
        try {
            latest = SignedCheckpoint.parse(hub.latestNote());
        } catch (IllegalArgumentException e) {
            return new Outcome(false, lastSeen, "the hub's latest checkpoint is not a signed note");
        }
        if (!key.verify(latest) || !latest.checkpoint().origin().equals(origin)) {
            return new Outcome(false, lastSeen, "the hub's latest checkpoint (tree size " + latest.checkpoint()
                    .treeSize() + ") is not signed by the log key for " + origin);
        }
        long size = latest.checkpoint().treeSize();
        if (before.isEmpty()) {
            return new Outcome(true, Optional.of(latest.note()), "first checkpoint seen: tree size " + size);
        }
        long seenSize = before.get().checkpoint().treeSize();
        byte[] seenRoot = before.get().checkpoint().rootHash();
        if (size < seenSize) {
            return split(lastSeen, "the hub's latest checkpoint has tree size " + size + ", smaller than the "
                    + seenSize + " seen before: the log was cut back or is shown differently to others");
        }
        if (size == seenSize) {
            return Arrays.equals(seenRoot, latest.checkpoint().rootHash())
                    ? new Outcome(true, Optional.of(latest.note()), "unchanged: tree size " + size)
                    : split(lastSeen, "the hub's checkpoint of tree size " + size + " has another root than the "
                            + "one seen before");
        }
        List<byte[]> proof = hub.consistency(seenSize, size);
        if (!ConsistencyProofs.verify(seenSize, size, seenRoot, latest.checkpoint().rootHash(), proof)) {
            return split(lastSeen, "the hub's checkpoint of tree size " + size + " is not consistent with the one "
                    + "of tree size " + seenSize + " seen before (RFC 9162 consistency proof): entries seen before "
                    + "were changed or removed");
        }
        return new Outcome(true, Optional.of(latest.note()), "consistent: tree size " + seenSize + " to " + size);
    }

    private static Outcome split(Optional<String> lastSeen, String message) {
        return new Outcome(false, lastSeen, "SPLIT: " + message);
    }
}
