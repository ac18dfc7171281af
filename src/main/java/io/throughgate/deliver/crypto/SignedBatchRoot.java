package io.throughgate.deliver.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

import io.throughgate.merkle.MerkleHashes;

/**
 * What the hub signs once per delivery batch (one inbox's deliveries in one writer transaction): the root of the Merkle tree whose leaves are
 * the batch's deliveries' {@link SignedDeliveryInput signed inputs}, in the order they were written. Each message
 * carries its leaf index, the tree size and its audit path, from which a recipient recomputes the root; the one
 * signature over this text then covers every message of the batch, each still bound to its own recipient, topic,
 * agreement, id and value. This is the construction of the IETF's batch signing for TLS and of X-Road's batch
 * signatures, on the tree of RFC 9162 section 2.1.1.
 *
 * <p>
 * The signed bytes are this text, UTF-8, each line ending in one line feed (U+000A):
 *
 * <pre>
 * throughgate-delivery-batch-v1
 * key-id:&lt;the signing key's id (tg_signature_key_id)&gt;
 * tree-size:&lt;the number of deliveries in the batch (tg_batch_size), decimal&gt;
 * root-sha256:&lt;the tree's root hash, 64 lowercase hex digits&gt;
 * </pre>
 *
 * The key id is in the signed text as it is in each leaf, so a root cannot be presented as signed by another key.
 *
 * @param keyId the signing key's id
 * @param treeSize the number of leaves, at least 1
 * @param root the root hash, 32 bytes
 */
public record SignedBatchRoot(String keyId, long treeSize, byte[] root) {

    /** The first line: which form this is. */
    public static final String FORM = "throughgate-delivery-batch-v1";

    /**
     * @throws IllegalArgumentException if the key id holds a line break, the size is below 1, or the root is not 32
     *         bytes long
     */
    public SignedBatchRoot {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(root, "root");
        if (keyId.indexOf('\n') >= 0 || keyId.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the key id holds a line break");
        }
        if (treeSize < 1) {
            throw new IllegalArgumentException("a signed batch holds at least one delivery, not " + treeSize);
        }
        if (root.length != MerkleHashes.HASH_LENGTH) {
            throw new IllegalArgumentException("the root must be a " + MerkleHashes.HASH_LENGTH + "-byte hash");
        }
        root = root.clone();
    }

    /** The root hash; a copy. */
    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The bytes signed. */
    public byte[] bytes() {
        return (FORM + "\nkey-id:" + keyId + "\ntree-size:" + treeSize + "\nroot-sha256:" + HexFormat.of().formatHex(
                root) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
