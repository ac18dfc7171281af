package io.throughgate.sharinglog;

import java.sql.SQLException;
import java.util.List;

import io.throughgate.merkle.ConsistencyProofs;
import io.throughgate.merkle.MerkleTree;

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

    /**
     * The consistency proof (RFC 9162 section 2.1.4) from the tree of {@code from} entries to the tree of
     * {@code to}, made from the stored leaf hashes as they are now: a log rewritten below {@code from} gives a proof
     * that does not verify against a checkpoint signed before.
     *
     * @throws IllegalArgumentException unless {@code 0 < from <= to}
     */
    public List<byte[]> consistency(long from, long to) throws SQLException {
        if (from <= 0 || from > to) {
            throw new IllegalArgumentException("from must be 1 or more and no more than to");
        }
        List<byte[]> read = queries.leafHashes(to);
        if (read.size() != to) {
            throw new SQLException("the log holds " + read.size() + " leaf hashes below " + to + "; entries are "
                    + "missing: run the verification");
        }
        return ConsistencyProofs.prove(from, to, ConsistencyProofs.ofLeaves(read));
    }
}
