package io.throughgate.dpo;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;

/**
 * A signed checkpoint as the API shows it: its members, and the signed note they come from (a C2SP tlog-checkpoint
 * signed with the hub's Ed25519 log key), which is what a verifier checks.
 *
 * @param origin the log's name
 * @param treeSize how many entries the checkpoint covers
 * @param rootHash the Merkle tree's root hash, base64
 * @param issuedAt when the hub signed it
 * @param keyName the signing key's name
 * @param keyId the key id (C2SP signed note), hex
 * @param signature the Ed25519 signature, base64
 * @param note the signed note, the text the signature covers followed by the signature line
 */
@Schema(name = "Checkpoint", description = "A signed checkpoint of the sharing log")
public record CheckpointView(String origin, long treeSize, String rootHash, Instant issuedAt, String keyName,
        String keyId, String signature, String note) {

    /** The view of a signed checkpoint. */
    public static CheckpointView of(SignedCheckpoint signed) {
        return new CheckpointView(signed.checkpoint().origin(), signed.checkpoint().treeSize(), Base64.getEncoder()
                .encodeToString(signed.checkpoint().rootHash()), signed.checkpoint().issuedAt(), signed.keyName(),
                HexFormat.of().formatHex(signed.keyId()), Base64.getEncoder().encodeToString(signed.signature()),
                signed.note());
    }
}
