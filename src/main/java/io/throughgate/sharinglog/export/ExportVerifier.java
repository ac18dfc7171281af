package io.throughgate.sharinglog.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.json.Json;
import io.throughgate.merkle.InclusionProofs;
import io.throughgate.merkle.MerkleHashes;
import io.throughgate.sharinglog.checkpoint.Checkpoint;
import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * Verifies, offline, an export of sharing-log entries that the hub gives a data protection officer (format
 * {@value #FORMAT}): that the hub's sharing-log key signed the checkpoint, and that each entry is in the log that
 * checkpoint heads, exactly as exported. docs/sharing-log-verification.md describes the export and the same steps
 * for an independent implementation.
 *
 * <ol>
 * <li>The checkpoint: its {@code note} is parsed as a C2SP signed note and its Ed25519 signature verified with the
 * given key ({@link LogVerifyingKey#verify}); its other members ({@code origin}, {@code treeSize},
 * {@code rootHash}, {@code issuedAt}, {@code keyName}, {@code keyId}, {@code signature}) must say what the note
 * says, since a reader may trust them.</li>
 * <li>Each entry's leaf hash: {@code MerkleHashes.leafHash(UTF-8 bytes of leaf)} (RFC 9162 section 2.1.1) must
 * equal its {@code leafHash}.</li>
 * <li>Each entry's inclusion proof must verify for its {@code index} against the signed tree size and root hash
 * (RFC 9162 section 2.1.3.2), starting from the hash computed in step 2, so that the text itself is proven.</li>
 * <li>Each entry's {@code entry} object, shown to readers, must equal its {@code leaf} text parsed as JSON (numbers
 * compared by value; a leaf with a duplicate member name is refused, since parsers disagree on which one
 * counts).</li>
 * </ol>
 * Other members of the export (scope, consent decisions, ...) are not covered by the signature and are ignored.
 */
public final class ExportVerifier {

    /** The export format and version this verifier reads. */
    public static final String FORMAT = "throughgate-sharing-log-export/1";

    private static final ObjectMapper STRICT_JSON = Json.strict();

    private ExportVerifier() {
    }

    /**
     * Verifies an export.
     *
     * @param export the export document
     * @param key the hub's sharing-log public key, obtained independently of the export (from
     *        {@code GET /v1/sharing-log/public-key} or the hub's operator)
     * @return the outcome, with every problem found; never throws for a malformed or tampered export
     */
    public static ExportVerification verify(JsonNode export, LogVerifyingKey key) {
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(key, "key");
        List<String> problems = new ArrayList<>();
        if (!export.isObject()) {
            problems.add("the export is not a JSON object");
            return new ExportVerification(false, 0, 0, problems);
        }
        JsonNode format = export.get("format");
        if (format == null) {
            problems.add("missing member format");
            return new ExportVerification(false, 0, 0, problems);
        }
        if (!FORMAT.equals(format.asText(null)) || !format.isTextual()) {
            problems.add("unknown format " + format + "; this verifier reads " + FORMAT);
            return new ExportVerification(false, 0, 0, problems);
        }
        JsonNode entries = export.get("entries");
        if (entries == null || !entries.isArray()) {
            problems.add(entries == null ? "missing member entries" : "entries is not an array");
        }
        int count = entries != null && entries.isArray() ? entries.size() : 0;
        JsonNode checkpointNode = export.get("checkpoint");
        if (checkpointNode == null && count == 0 && problems.isEmpty()) {
            // The hub exports no checkpoint only when there is nothing to prove: an empty export of an empty log.
            return new ExportVerification(true, 0, 0, problems);
        }
        Optional<Checkpoint> signed = checkpoint(checkpointNode, key, problems);
        if (signed.isEmpty() && count > 0) {
            problems.add("the entries cannot be proven without a readable signed checkpoint");
        }
        for (int i = 0; i < count; i++) {
            checkEntry(entries.get(i), i, signed, problems);
        }
        return new ExportVerification(problems.isEmpty(), count, signed.map(Checkpoint::treeSize).orElse(0L),
                problems);
    }

    /** Step 1: the signed note and the members beside it. Empty when the note is missing or unreadable. */
    private static Optional<Checkpoint> checkpoint(JsonNode node, LogVerifyingKey key, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(node == null ? "missing member checkpoint" : "checkpoint is not an object");
            return Optional.empty();
        }
        JsonNode noteNode = node.get("note");
        if (noteNode == null || !noteNode.isTextual()) {
            problems.add(noteNode == null ? "checkpoint: missing member note" : "checkpoint: note is not a string");
            return Optional.empty();
        }
        SignedCheckpoint note;
        try {
            note = SignedCheckpoint.parse(noteNode.asText());
        } catch (IllegalArgumentException e) {
            problems.add("checkpoint: the note is not a signed checkpoint: " + e.getMessage());
            return Optional.empty();
        }
        if (!key.verify(note)) {
            problems.add("checkpoint: the note's signature does not verify with the given public key (key "
                    + note.keyName() + " " + HexFormat.of().formatHex(note.keyId()) + "; this public key's id "
                    + "under that name is " + HexFormat.of().formatHex(key.keyId(note.keyName())) + ")");
        }
        Checkpoint checkpoint = note.checkpoint();
        Base64.Encoder base64 = Base64.getEncoder();
        member(node, "origin", checkpoint.origin(), JsonNode::isTextual, JsonNode::asText, problems);
        member(node, "treeSize", checkpoint.treeSize(), JsonNode::canConvertToLong, JsonNode::asLong, problems);
        member(node, "rootHash", base64.encodeToString(checkpoint.rootHash()), JsonNode::isTextual,
                JsonNode::asText, problems);
        member(node, "issuedAt", checkpoint.issuedAt(), JsonNode::isTextual, ExportVerifier::instant, problems);
        member(node, "keyName", note.keyName(), JsonNode::isTextual, JsonNode::asText, problems);
        member(node, "keyId", HexFormat.of().formatHex(note.keyId()), JsonNode::isTextual,
                text -> text.asText().toLowerCase(Locale.ROOT), problems);
        member(node, "signature", base64.encodeToString(note.signature()), JsonNode::isTextual, JsonNode::asText,
                problems);
        return Optional.of(checkpoint);
    }

    private static <T> void member(JsonNode checkpoint, String name, T signed, Predicate<JsonNode> isType,
            Function<JsonNode, T> value, List<String> problems) {
        JsonNode node = checkpoint.get(name);
        if (node == null) {
            problems.add("checkpoint: missing member " + name);
        } else if (!isType.test(node) || !signed.equals(value.apply(node))) {
            problems.add("checkpoint: " + name + " " + node + " is not what the signed note says (" + signed + ")");
        }
    }

    private static Instant instant(JsonNode node) {
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Steps 2 to 4 for one entry. */
    private static void checkEntry(JsonNode entry, int position, Optional<Checkpoint> checkpoint,
            List<String> problems) {
        if (entry == null || !entry.isObject()) {
            problems.add("entries[" + position + "]: not an object");
            return;
        }
        JsonNode indexNode = entry.get("index");
        if (indexNode == null || !indexNode.canConvertToLong() || !indexNode.isIntegralNumber()
                || indexNode.asLong() < 0) {
            problems.add("entries[" + position + "]: " + (indexNode == null
                    ? "missing member index"
                    : "index " + indexNode + " is not a whole number of 0 or more"));
            return;
        }
        long index = indexNode.asLong();
        String name = "entry " + index;
        JsonNode leafNode = entry.get("leaf");
        if (leafNode == null || !leafNode.isTextual()) {
            problems.add(name + ": " + (leafNode == null ? "missing member leaf" : "leaf is not a JSON string"));
            return;
        }
        String leaf = leafNode.asText();
        // Step 2: the leaf hash of the exact text.
        byte[] leafHash = MerkleHashes.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
        Optional<byte[]> given = hash(entry.get("leafHash"), name + ": leafHash", problems);
        if (given.isPresent() && !Arrays.equals(given.get(), leafHash)) {
            problems.add(name + ": leafHash does not match the hash of leaf (RFC 9162 leaf hash of its UTF-8 bytes: "
                    + Base64.getEncoder().encodeToString(leafHash) + ")");
        }
        // Step 3: the inclusion proof, from the computed hash, against the signed root and size.
        Optional<List<byte[]>> proof = proof(entry.get("inclusionProof"), name, problems);
        if (checkpoint.isPresent() && proof.isPresent()) {
            Checkpoint head = checkpoint.get();
            if (index >= head.treeSize()) {
                problems.add(name + ": index " + index + " is not in the checkpoint's tree of " + head.treeSize()
                        + " entries");
            } else if (!InclusionProofs.verify(index, head.treeSize(), leafHash, proof.get(), head.rootHash())) {
                problems.add(name + ": the inclusion proof does not lead from the leaf to the checkpoint's root hash "
                        + "at tree size " + head.treeSize());
            }
        }
        // Step 4: the entry shown to readers is the leaf.
        JsonNode shown = entry.get("entry");
        try {
            JsonNode parsed = STRICT_JSON.readTree(leaf);
            if (shown == null) {
                problems.add(name + ": missing member entry");
            } else if (!shown.equals(ExportVerifier::compareValues, parsed)) {
                problems.add(name + ": entry differs from the parsed leaf");
            }
        } catch (JsonProcessingException e) {
            problems.add(name + ": leaf is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Optional<byte[]> hash(JsonNode node, String what, List<String> problems) {
        if (node == null) {
            problems.add(what + " is missing");
            return Optional.empty();
        }
        byte[] bytes = base64(node);
        if (bytes == null || bytes.length != MerkleHashes.HASH_LENGTH) {
            problems.add(what + " " + node + " is not the base64 of a " + MerkleHashes.HASH_LENGTH + "-byte hash");
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    private static Optional<List<byte[]>> proof(JsonNode node, String name, List<String> problems) {
        if (node == null || !node.isArray()) {
            problems.add(name + ": " + (node == null
                    ? "missing member inclusionProof"
                    : "inclusionProof is not an array"));
            return Optional.empty();
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Optional<byte[]> hash = hash(node.get(i), name + ": inclusionProof[" + i + "]", problems);
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            hashes.add(hash.get());
        }
        return Optional.of(hashes);
    }

    private static byte[] base64(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Jackson tree equality, except that numbers are equal when their values are (1, 1.0 and 1e0 alike). */
    private static int compareValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }
}
