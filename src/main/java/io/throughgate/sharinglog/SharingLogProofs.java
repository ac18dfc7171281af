package io.throughgate.sharinglog;

import java.sql.SQLException;
import java.util.List;

import io.throughgate.sharinglog.tree.MerkleTree;

/**
 * Makes inclusion proofs from the stored leaf hashes. The tree of the latest size asked for is kept in memory
 * (about 64 bytes per entry), so a page of proofs costs one read of the leaf hashes, not one per entry.
 */
public final class SharingLogProofs {

    private final SharingLogQueries queries;
    private List<byte[]> leaves = List.of();
    private MerkleTree tree;

    public SharingLogProofs(SharingLogQueries queries) {
        this.queries = queries;
    }

    /**
     * The inclusion proof of an entry in the tree of a checkpoint's size.
     *
     * @throws IllegalArgumentException if the entry is not within that size
     */
    public synchronized InclusionProof proof(long index, long treeSize) throws SQLException {
        if (tree == null || tree.size() != treeSize) {
            List<byte[]> read = queries.leafHashes(treeSize);
            if (read.size() != treeSize) {
                throw new SQLException("the log holds " + read.size() + " leaf hashes below " + treeSize
                        + "; entries are missing: run the verification");
            }
            leaves = read;
            tree = MerkleTree.of(leaves);
        }
        if (index < 0 || index >= tree.size()) {
            throw new IllegalArgumentException("entry " + index + " is not within a tree of size " + treeSize);
        }
        return new InclusionProof(index, treeSize, leaves.get((int) index), tree.inclusionProof(index));
    }
}
