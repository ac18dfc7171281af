package io.throughgate.dpo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.audit.DpoScope;
import io.throughgate.json.Json;
import io.throughgate.sharinglog.InclusionProof;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogQueries.StoredLeaf;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * Builds the verifiable export of sharing-log entries ({@code throughgate-sharing-log-export/1}): a signed
 * checkpoint, and each entry with the exact text its leaf hash covers and its inclusion proof in the checkpoint's
 * tree, so that anyone holding the hub's public log key can check, offline, that these entries are in the log
 * as the hub signed it (see docs/sharing-log-verification.md).
 */
final class LogExports {

    /** The export format's name and version. */
    static final String FORMAT = "throughgate-sharing-log-export/1";
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private LogExports() {
    }

    /**
     * The export of some entries.
     *
     * @param log the sharing log
     * @param leaves the entries, as stored
     * @param checkpoint a checkpoint covering every one of them; null only when there are no entries and the log
     *        has no checkpoint yet
     * @param exportedAt now
     * @param exportedBy the DPO's scope
     */
    static ObjectNode of(SharingLog log, List<StoredLeaf> leaves, SignedCheckpoint checkpoint, Instant exportedAt,
            DpoScope exportedBy) throws SQLException {
        ObjectNode export = JsonNodeFactory.instance.objectNode();
        export.put("format", FORMAT);
        export.put("exportedAt", exportedAt.toString());
        export.put("exportedBy", exportedBy.agency());
        export.put("scope", exportedBy.wholeLog()
                ? "whole log"
                : "entries sent or received by " + exportedBy
                        .agency());
        if (checkpoint != null) {
            export.set("checkpoint", Json.tree(CheckpointView.of(checkpoint)));
            export.put("proves", proves(checkpoint.checkpoint().treeSize()));
        }
        ArrayNode entries = export.putArray("entries");
        for (StoredLeaf leaf : leaves) {
            entries.add(entry(log.proofs().proof(leaf.index(), checkpoint.checkpoint().treeSize()), leaf.leaf()));
        }
        return export;
    }

    /** What the export proves and what it does not, in words a reader can check it against. */
    static String proves(long treeSize) {
        return "Each entry is included in the log's Merkle tree of " + treeSize + " entries, whose root the hub's "
                + "log key signed in this checkpoint (RFC 9162 inclusion proofs). It does not prove that no other "
                + "entry exists for the same search: the entries were found through the hub's own index of the log, "
                + "so the export is complete only as far as that index is. Whether this checkpoint extends those "
                + "published before is shown by a witness that keeps them (sharing-log witness), not by the export.";
    }

    /** The highest index among the leaves, plus one: the checkpoint size needed to cover them. */
    static long sizeCovering(List<StoredLeaf> leaves) {
        return leaves.stream().mapToLong(StoredLeaf::index).max().orElse(-1) + 1;
    }

    /** The proof of one entry as the API shows it. */
    static JsonNode proofView(InclusionProof proof, SignedCheckpoint checkpoint, String leaf) {
        ObjectNode view = entry(proof, leaf);
        view.put("treeSize", proof.treeSize());
        view.set("checkpoint", Json.tree(CheckpointView.of(checkpoint)));
        return view;
    }

    /** An entry with its text, leaf hash and inclusion proof, and the text parsed for readers. */
    private static ObjectNode entry(InclusionProof proof, String leaf) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("index", proof.index());
        entry.put("leaf", leaf);
        entry.put("leafHash", BASE64.encodeToString(proof.leafHash()));
        ArrayNode path = entry.putArray("inclusionProof");
        proof.path().forEach(hash -> path.add(BASE64.encodeToString(hash)));
        entry.set("entry", Json.parse(leaf.getBytes(StandardCharsets.UTF_8)));
        return entry;
    }
}
