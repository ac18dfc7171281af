package io.throughgate.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle tree of RFC 9162 section 2.1.1 held in memory with every node, for inclusion proofs (section 2.1.3.1).
 *
 * <p>
 * Built level by level from the leaves up: each level hashes its nodes in pairs, left to right, and an unpaired
 * last node is carried up to the next level unchanged. That is the RFC's recursive tree: the RFC splits
 * {@code n} leaves at the largest power of two {@code k < n}, so every left part is a perfect subtree that the
 * pairing builds the same way, and a node left without a partner at a level is exactly the root of the right part
 * that the RFC hashes in only higher up. Building costs {@code n - 1} hashes and keeps about {@code 2n} hashes;
 * each proof is then {@code O(log n)} lookups.
 *
 * <p>
 * Immutable and thread-safe once built.
 */
public final class MerkleTree {

    /** levels.get(0) holds the leaf hashes; the last level holds the root alone (none for the empty tree). */
    private final List<byte[][]> levels;
    private final long size;

    private MerkleTree(List<byte[][]> levels, long size) {
        this.levels = levels;
        this.size = size;
    }

    /**
     * Builds the tree of the given leaves, in order.
     *
     * @param leafHashes the leaves' hashes ({@link MerkleHashes#leafHash}), 32 bytes each; copied
     * @return the tree
     * @throws IllegalArgumentException naming the index of a hash that is not 32 bytes long
     */
    public static MerkleTree of(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        byte[][] leaves = new byte[leafHashes.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = MerkleHashes.requireHash(leafHashes.get(i), "leafHashes[" + i + "]").clone();
        }
        List<byte[][]> levels = new ArrayList<>();
        levels.add(leaves);
        for (byte[][] level = leaves; level.length > 1;) {
            byte[][] parents = new byte[(level.length + 1) / 2][];
            for (int i = 0; i + 1 < level.length; i += 2) {
                parents[i / 2] = MerkleHashes.nodeHash(level[i], level[i + 1]);
            }
            if (level.length % 2 == 1) {
                // The unpaired last node is carried up unchanged (see the class comment).
                parents[parents.length - 1] = level[level.length - 1];
            }
            levels.add(parents);
            level = parents;
        }
        return new MerkleTree(levels, leaves.length);
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** The root, {@code MTH(D[n])}; {@link MerkleHashes#emptyRoot()} for the empty tree. */
    public byte[] root() {
        return size == 0 ? MerkleHashes.emptyRoot() : levels.get(levels.size() - 1)[0].clone();
    }

    /**
     * The inclusion proof (audit path) of a leaf, {@code PATH(m, D[n])} of RFC 9162 section 2.1.3.1: the hashes of
     * the siblings on the way from the leaf to the root, the leaf's sibling first. A node carried up unpaired has no
     * sibling at that level and contributes nothing, as in the RFC's recursion. Verify it with
     * {@link InclusionProofs#verify}.
     *
     * @param index the leaf's index {@code m}, from 0
     * @return the proof, empty for a tree of one leaf; each hash a new array
     * @throws IllegalArgumentException if the index is negative or not less than the size
     */
    public List<byte[]> inclusionProof(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is outside the tree of " + size + " leaves"
                    + (size == 0 ? "" : "; it must be from 0 to " + (size - 1)));
        }
        List<byte[]> proof = new ArrayList<>();
        int node = (int) index;
        for (int level = 0; level < levels.size() - 1; level++) {
            byte[][] hashes = levels.get(level);
            int sibling = node ^ 1;
            if (sibling < hashes.length) {
                proof.add(hashes[sibling].clone());
            }
            node >>>= 1;
        }
        return List.copyOf(proof);
    }

    @Override
    public String toString() {
        return "MerkleTree[size=" + size + "]";
    }
}
