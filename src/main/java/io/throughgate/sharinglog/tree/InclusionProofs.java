package io.throughgate.sharinglog.tree;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verifies Merkle inclusion proofs with the algorithm of RFC 9162 (Certificate Transparency version 2.0) section
 * 2.1.3.2, "Verifying an Inclusion Proof", step by step.
 */
public final class InclusionProofs {

    private InclusionProofs() {
    }

    /**
     * Whether a proof shows that a leaf is at an index of the tree with the given size and root.
     *
     * @param index the leaf's index, {@code leaf_index}, from 0
     * @param treeSize the tree size, {@code tree_size}
     * @param leafHash the leaf's hash ({@link MerkleHashes#leafHash}), {@code hash}
     * @param proof the inclusion path, {@code inclusion_path}, the leaf's sibling first (as
     *        {@link MerkleTree#inclusionProof} gives it)
     * @param root the tree's root hash, {@code root_hash}
     * @return true only if the proof verifies; false for any other input, including null or wrongly sized values,
     *         a negative index or size, and an empty tree (which includes no leaf). Never throws.
     */
    public static boolean verify(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (!isHash(leafHash) || !isHash(root) || proof == null || index < 0) {
            return false;
        }
        for (byte[] p : proof) {
            if (!isHash(p)) {
                return false;
            }
        }
        // 1. Compare leaf_index against tree_size. If leaf_index is greater than or equal to tree_size, fail.
        if (index >= treeSize) {
            return false;
        }
        // 2. Set fn to leaf_index and sn to tree_size - 1.
        long fn = index;
        long sn = treeSize - 1;
        // 3. Set r to hash.
        byte[] r = leafHash;
        // 4. For each value p in the inclusion_path array:
        for (byte[] p : proof) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                // i. Set r to HASH(0x01 || p || r).
                r = MerkleHashes.nodeHash(p, r);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or
                // fn is 0.
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                // Otherwise: i. Set r to HASH(0x01 || r || p).
                r = MerkleHashes.nodeHash(r, p);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are equal,
        // then the log has proven the inclusion of hash. Otherwise, fail the proof verification.
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    private static boolean isHash(byte[] value) {
        return value != null && value.length == MerkleHashes.HASH_LENGTH;
    }
}
