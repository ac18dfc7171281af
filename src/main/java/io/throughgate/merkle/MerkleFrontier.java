package io.throughgate.merkle;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The compact state of an append-only Merkle tree (RFC 9162 section 2.1.1): the roots of its perfect subtrees, from
 * the largest (leftmost) to the smallest (rightmost), one for each bit set in the tree size. With it the log can
 * append leaves one at a time and give the tree head at any size without keeping the leaves: appending costs
 * amortised O(1) hashes and at most O(log n), the root O(log n), the state O(log n) hashes. This is the "compact
 * range" of the whole tree as transparency logs keep it.
 *
 * <p>
 * Why it gives the RFC's tree: {@code MTH(D[n])} splits the leaves at the largest power of two {@code k < n}; the
 * left part is a perfect subtree of {@code k} leaves, and the right part splits the same way, so the tree of
 * {@code n} leaves is the perfect subtrees of the binary digits of {@code n}, left to right, joined from the right:
 * {@code root = node(s0, node(s1, ... node(s(m-2), s(m-1))))}.
 *
 * <p>
 * Not thread-safe: one writer appends; {@link #copy()} hands a snapshot to readers.
 */
public final class MerkleFrontier {

    private final List<byte[]> subtreeRoots;
    private long size;

    /** An empty tree. */
    public MerkleFrontier() {
        this(new ArrayList<>(), 0);
    }

    private MerkleFrontier(List<byte[]> subtreeRoots, long size) {
        this.subtreeRoots = subtreeRoots;
        this.size = size;
    }

    /**
     * Appends a leaf.
     *
     * @param leafHash the leaf's hash ({@link MerkleHashes#leafHash}), 32 bytes; copied
     * @throws IllegalArgumentException if the hash is not 32 bytes long
     * @throws IllegalStateException if the tree already has {@link Long#MAX_VALUE} leaves
     */
    public void append(byte[] leafHash) {
        byte[] hash = MerkleHashes.requireHash(leafHash, "leafHash").clone();
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full: " + size + " leaves");
        }
        // Each trailing 1 bit of the old size is a perfect subtree as large as what is being carried: merge the two,
        // as a binary counter carries, until the carried subtree has no equal on its left.
        for (long carry = size; (carry & 1) == 1; carry >>>= 1) {
            hash = MerkleHashes.nodeHash(subtreeRoots.remove(subtreeRoots.size() - 1), hash);
        }
        subtreeRoots.add(hash);
        size++;
    }

    /** The number of leaves appended. */
    public long size() {
        return size;
    }

    /**
     * The tree head: {@code MTH(D[size])} of RFC 9162 section 2.1.1 over every leaf appended so far.
     *
     * @return the 32-byte root hash; {@link MerkleHashes#emptyRoot()} when no leaf was appended
     */
    public byte[] root() {
        if (subtreeRoots.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = subtreeRoots.get(subtreeRoots.size() - 1).clone();
        for (int i = subtreeRoots.size() - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(subtreeRoots.get(i), root);
        }
        return root;
    }

    /**
     * The state as text for one database column: the standard base64 (RFC 4648 section 4, padded) of the subtree
     * roots concatenated from the largest to the smallest, 32 bytes each. Empty for the empty tree. The size is not
     * included: store it beside, and give both to {@link #decode}.
     */
    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(subtreeRoots.size() * MerkleHashes.HASH_LENGTH);
        subtreeRoots.forEach(bytes::put);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /**
     * Reads a state written by {@link #encode()}.
     *
     * @param size the tree size stored with it
     * @param encoded the text {@link #encode()} gave at that size
     * @return the frontier
     * @throws IllegalArgumentException if the size is negative, the text is not padded standard base64, its length
     *         is not a whole number of 32-byte hashes, or the number of hashes is not the number of bits set in the
     *         size; the message says which and gives the numbers
     */
    public static MerkleFrontier decode(long size, String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or more, was " + size);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encoded frontier is not base64: " + e.getMessage(), e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(encoded)) {
            throw new IllegalArgumentException("the encoded frontier is not padded standard base64 (RFC 4648 "
                    + "section 4)");
        }
        if (bytes.length % MerkleHashes.HASH_LENGTH != 0) {
            throw new IllegalArgumentException("the encoded frontier has " + bytes.length
                    + " bytes, not a multiple of " + MerkleHashes.HASH_LENGTH);
        }
        int count = bytes.length / MerkleHashes.HASH_LENGTH;
        if (count != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " perfect subtrees (the bits set in its size), but the encoded frontier has " + count
                    + " hashes");
        }
        List<byte[]> roots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            roots.add(Arrays.copyOfRange(bytes, i * MerkleHashes.HASH_LENGTH, (i + 1) * MerkleHashes.HASH_LENGTH));
        }
        return new MerkleFrontier(roots, size);
    }

    /**
     * The roots of the perfect subtrees, from the largest (leftmost) to the smallest; the one at position {@code i}
     * covers the leaves after those of the subtrees before it, as many as the {@code i}-th highest bit set in the
     * size. Each hash a new array.
     */
    public List<byte[]> subtreeRoots() {
        return subtreeRoots.stream().map(byte[]::clone).toList();
    }

    /** An independent copy: appending to one does not change the other. */
    public MerkleFrontier copy() {
        List<byte[]> roots = new ArrayList<>(subtreeRoots.size());
        subtreeRoots.forEach(root -> roots.add(root.clone()));
        return new MerkleFrontier(roots, size);
    }

    @Override
    public String toString() {
        return "MerkleFrontier[size=" + size + "]";
    }
}
