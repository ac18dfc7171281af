package io.throughgate.sharinglog.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.json.CanonicalJson;
import io.throughgate.merkle.MerkleHashes;
import io.throughgate.merkle.MerkleTree;
import io.throughgate.sharinglog.checkpoint.Checkpoint;
import io.throughgate.sharinglog.checkpoint.LogSigningKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;
import io.throughgate.sharinglog.checkpoint.TestLogKeys;

/**
 * An export as the hub makes it: five sharing-log entries in canonical JSON, a tree of them, a checkpoint signed
 * with a fresh key, and entries 1 and 3 exported with their proofs.
 */
public final class ExportFixture {

    /** The indexes of the exported entries. */
    public static final List<Integer> EXPORTED = List.of(1, 3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFixture() {
    }

    /** A new export signed with a new key written into the folder. */
    public static Export create(Path folder) throws IOException {
        LogSigningKey key = TestLogKeys.write(folder, "log-" + System.nanoTime()).load();
        List<String> leaves = new ArrayList<>();
        String[] recipients = {"yoi-feltham", "ycs-placements", "yoi-feltham", "health-nhse-health-justice",
                "yoi-wetherby"};
        for (int i = 0; i < recipients.length; i++) {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("eventId", "6f1c2a7e-5b4d-4c3a-9e8f-00000000000" + i);
            entry.put("outcome", "delivered");
            entry.put("recordType", "placement-information");
            entry.put("sender", "yot-camden");
            entry.put("recipient", recipients[i]);
            entry.put("agreementId", "london-resettlement-direct-care");
            entry.put("agreementVersion", 1);
            entry.putArray("subjectPseudonyms").add("ps1:k1:Q2FtZGVuIGNoaWxkIDEyMw");
            entry.put("receivedAt", "2026-11-21T09:1" + i + ":00Z");
            leaves.add(CanonicalJson.text(entry));
        }
        MerkleTree tree = MerkleTree.of(leaves.stream().map(leaf -> MerkleHashes.leafHash(leaf.getBytes(
                StandardCharsets.UTF_8))).toList());
        SignedCheckpoint signed = key.sign(new Checkpoint(key.keyName(), tree.size(), tree.root(), Instant.parse(
                "2026-11-22T09:59:50Z")));

        ObjectNode export = JSON.createObjectNode();
        export.put("format", ExportVerifier.FORMAT);
        export.put("exportedAt", "2026-11-22T10:00:00Z");
        export.put("exportedBy", "yot-camden");
        export.put("scope", "entries sent or received by yot-camden");
        ObjectNode checkpoint = export.putObject("checkpoint");
        checkpoint.put("origin", signed.checkpoint().origin());
        checkpoint.put("treeSize", signed.checkpoint().treeSize());
        checkpoint.put("rootHash", Base64.getEncoder().encodeToString(signed.checkpoint().rootHash()));
        checkpoint.put("issuedAt", signed.checkpoint().issuedAt().toString());
        checkpoint.put("keyName", signed.keyName());
        checkpoint.put("keyId", HexFormat.of().formatHex(signed.keyId()));
        checkpoint.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
        checkpoint.put("note", signed.note());
        ArrayNode entries = export.putArray("entries");
        for (int index : EXPORTED) {
            ObjectNode entry = entries.addObject();
            entry.put("index", index);
            entry.put("leaf", leaves.get(index));
            entry.put("leafHash", Base64.getEncoder().encodeToString(MerkleHashes.leafHash(leaves.get(index)
                    .getBytes(StandardCharsets.UTF_8))));
            ArrayNode proof = entry.putArray("inclusionProof");
            tree.inclusionProof(index).forEach(hash -> proof.add(Base64.getEncoder().encodeToString(hash)));
            entry.set("entry", JSON.readTree(leaves.get(index)));
        }
        return new Export(export, key);
    }

    /**
     * An export and the key that signed it.
     *
     * @param document the export
     * @param key the hub's log key
     */
    public record Export(ObjectNode document, LogSigningKey key) {

        /** The exported entry at a position of the {@code entries} array. */
        public ObjectNode entry(int position) {
            return (ObjectNode) document.get("entries").get(position);
        }

        /** The checkpoint member. */
        public ObjectNode checkpoint() {
            return (ObjectNode) document.get("checkpoint");
        }
    }
}
