package io.throughgate.deliver.crypto;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.throughgate.merkle.MerkleHashes;

/**
 * Where one delivery sits in its signed batch, and the batch's signature: what a message carries in its headers so
 * that its recipient can check it alone, without the rest of the batch.
 *
 * @param leafIndex the delivery's place in the batch, from 0 ({@code tg_batch_leaf_index})
 * @param treeSize the number of deliveries in the batch ({@code tg_batch_size})
 * @param auditPath the hashes of RFC 9162 section 2.1.3.1 from the leaf up to the root, its sibling first
 *        ({@code tg_batch_audit_path}); empty for a batch of one
 * @param signature the base64 of the hub's signature over the batch's {@link SignedBatchRoot} ({@code tg_signature})
 */
public record BatchProof(long leafIndex, long treeSize, List<byte[]> auditPath, String signature) {

    /** The separator of the audit path's hashes in its header. */
    private static final char SEPARATOR = ',';
    private static final int HEX_DIGITS = 2 * MerkleHashes.HASH_LENGTH;

    public BatchProof {
        Objects.requireNonNull(signature, "signature");
        auditPath = List.copyOf(auditPath);
    }

    /**
     * The audit path as its header carries it: each hash as 64 lowercase hex digits, the leaf's sibling first,
     * separated by commas; empty for a batch of one.
     */
    public String auditPathText() {
        StringBuilder text = new StringBuilder(auditPath.size() * (HEX_DIGITS + 1));
        HexFormat hex = HexFormat.of();
        for (byte[] hash : auditPath) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            hex.formatHex(text, hash);
        }
        return text.toString();
    }

    /**
     * Reads an audit path header.
     *
     * @return the hashes, or empty if the text is not a comma-separated list of 64-digit lowercase hex hashes
     */
    public static Optional<List<byte[]>> parseAuditPath(String text) {
        if (text.isEmpty()) {
            return Optional.of(List.of());
        }
        List<byte[]> hashes = new ArrayList<>();
        for (String part : text.split(String.valueOf(SEPARATOR), -1)) {
            if (part.length() != HEX_DIGITS || !part.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a'
                    && c <= 'f')) {
                return Optional.empty();
            }
            hashes.add(HexFormat.of().parseHex(part));
        }
        return Optional.of(hashes);
    }
}
