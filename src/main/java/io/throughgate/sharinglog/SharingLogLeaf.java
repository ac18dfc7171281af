package io.throughgate.sharinglog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.json.Json;
import io.throughgate.merkle.MerkleHashes;

/**
 * The text of a sharing-log entry that its Merkle leaf hash covers: canonical JSON (sorted keys, no white space) of
 * {@code {"event": ..., "index": n, "indexedAt": "..."}}. The index and time are inside, so an entry cannot be
 * moved or re-dated without its hash changing.
 */
public final class SharingLogLeaf {

    /** The header that marks a {@code tg.sharing-log} message whose value is the event's canonical JSON. */
    public static final String CANONICAL_HEADER = "tg_event_form";
    /** Its value. */
    public static final String CANONICAL_FORM = "canonical-json";

    private SharingLogLeaf() {
    }

    /**
     * The canonical JSON of an event, as the hub writes it to {@code tg.sharing-log} (with the
     * {@link #CANONICAL_HEADER} header), so that the indexer builds the leaf text from these bytes instead of
     * writing the event again.
     */
    public static byte[] canonicalEvent(SharingLogEvent event) {
        return Json.sortedBytes(event);
    }

    /**
     * The leaf text of an entry whose event is already in canonical JSON: the canonical JSON of
     * {@code {"event", "index", "indexedAt"}}, put together without a tree (the leaf's keys sort as event, index,
     * indexedAt).
     */
    public static String text(String canonicalEvent, long index, Instant indexedAt) {
        return new StringBuilder(canonicalEvent.length() + 64).append("{\"event\":").append(canonicalEvent).append(
                ",\"index\":").append(index).append(",\"indexedAt\":\"").append(indexedAt).append("\"}").toString();
    }

    /** The leaf hash of a leaf text (RFC 9162 section 2.1.1: SHA-256 of 0x00 and the text's UTF-8 bytes). */
    public static byte[] hash(String text) {
        return MerkleHashes.leafHash(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The entry a leaf text holds.
     *
     * @throws java.io.UncheckedIOException or IllegalArgumentException if the text is not a leaf
     */
    public static IndexedEntry read(String text) {
        JsonNode leaf = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        if (!leaf.path("index").canConvertToLong() || !leaf.path("indexedAt").isTextual() || !leaf.path("event")
                .isObject()) {
            throw new IllegalArgumentException("not a sharing-log leaf: it needs event, index and indexedAt");
        }
        return new IndexedEntry(leaf.get("index").asLong(), Instant.parse(leaf.get("indexedAt").asText()),
                Json.read(leaf.get("event"), SharingLogEvent.class));
    }
}
