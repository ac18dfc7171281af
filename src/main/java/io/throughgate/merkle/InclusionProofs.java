package io.throughgate.merkle;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

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
        return isHash(root) && rootFrom(index, treeSize, leafHash, proof).map(r -> MessageDigest.isEqual(r, root))
                .orElse(false);
    }

    /**
     * The root that a proof leads to from a leaf at an index of a tree of the given size: steps 1 to 4 of the
     * verification, and the size check of step 5. The caller then compares it with a root it trusts, or checks a
     * signature over it (a delivery batch's root).
     *
     * @return the root hash, or empty when the proof cannot belong to a leaf at this index of a tree of this size,
     *         or any value is null or wrongly sized; never throws
     */
    public static Optional<byte[]> rootFrom(long index, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (!isHash(leafHash) || proof == null || index < 0) {
            return Optional.empty();
        }
        for (byte[] p : proof) {
            if (!isHash(p)) {
                return Optional.empty();
            }
        }
        // 1. Compare leaf_index against tree_size. If leaf_index is greater than or equal to tree_size, fail.
        if (index >= treeSize) {
            return Optional.empty();
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
                return Optional.empty();
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
        // 5. Compare sn to 0 (the comparison of r with the root is the caller's).
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }

    private static boolean isHash(byte[] value) {
        return value != null && value.length == MerkleHashes.HASH_LENGTH;
    }
}
