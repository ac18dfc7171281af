package io.throughgate.sharinglog;

import java.util.List;

/**
 * An entry's inclusion proof (RFC 9162 section 2.1.3): with the entry's leaf hash, the hashes that lead to the root
 * of a tree of the given size, which a signed checkpoint of that size vouches for.
 *
 * @param index the entry's leaf index
 * @param treeSize the size of the tree the proof leads to
 * @param leafHash the entry's leaf hash
 * @param path the audit path, from the leaf's sibling upwards
 */
public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> path) {

    public InclusionProof {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index " + index + " is outside a tree of size " + treeSize);
        }
        path = List.copyOf(path);
    }
}
