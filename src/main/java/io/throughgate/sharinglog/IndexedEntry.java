package io.throughgate.sharinglog;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the indexed sharing log.
 *
 * @param index the entry's position in the log, from 0: its leaf index in the log's Merkle tree
 * @param indexedAt when the hub indexed it
 * @param event what was shared or withheld
 */
public record IndexedEntry(long index, Instant indexedAt, SharingLogEvent event) {

    public IndexedEntry {
        if (index < 0) {
            throw new IllegalArgumentException("index must be 0 or more, was " + index);
        }
        Objects.requireNonNull(indexedAt, "indexedAt");
        Objects.requireNonNull(event, "event");
    }
}
