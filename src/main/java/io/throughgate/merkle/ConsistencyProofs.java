package io.throughgate.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Merkle consistency proofs of RFC 9162 (Certificate Transparency version 2.0) section 2.1.4: that a tree of
 * {@code m} leaves is a prefix of a tree of {@code n} leaves, so that nothing the first covered was changed or
 * removed when the second was made. {@link #prove} follows section 2.1.4.1 and {@link #verify} section 2.1.4.2,
 * step by step.
 */
public final class ConsistencyProofs {

    /** Gives {@code MTH(D[from:to])}, the hash of a run of leaves. */
    public interface RangeHashes {

        /** The Merkle tree hash of the leaves from {@code from} (inclusive) to {@code to} (exclusive). */
        byte[] mth(long from, long to);
    }

    private ConsistencyProofs() {
    }

    /**
     * {@code PROOF(m, D[n])}: the consistency proof from the tree of the first {@code m} leaves to the tree of
     * {@code n}.
     *
     * @param m the old size, from 1
     * @param n the new size, at least {@code m}
     * @param hashes the hashes of runs of leaves of the new tree
     * @return the proof, empty when {@code m == n}
     * @throws IllegalArgumentException unless {@code 0 < m <= n}
     */
    public static List<byte[]> prove(long m, long n, RangeHashes hashes) {
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("a consistency proof needs 0 < m <= n, was m=" + m + ", n=" + n);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(m, 0, n, true, hashes, proof);
        return List.copyOf(proof);
    }

    /** {@code SUBPROOF(m, D[start:start+size], b)}, appending to the proof in the RFC's order. */
    private static void subproof(long m, long start, long size, boolean whole, RangeHashes hashes,
            List<byte[]> proof) {
        if (m == size) {
            // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}.
            if (!whole) {
                proof.add(hashes.mth(start, start + size));
            }
            return;
        }
        // k is the largest power of two smaller than n.
        long k = Long.highestOneBit(size - 1);
        if (m <= k) {
            // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
            subproof(m, start, k, whole, hashes, proof);
            proof.add(hashes.mth(start + k, start + size));
        } else {
            // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
            subproof(m - k, start + k, size - k, false, hashes, proof);
            proof.add(hashes.mth(start, start + k));
        }
    }

    /**
     * Whether a proof shows that the tree of {@code first} leaves with root {@code firstHash} is a prefix of the
     * tree of {@code second} leaves with root {@code secondHash}.
     *
     * @return true only if it does; false for any malformed input. Never throws. Equal sizes verify with an empty
     *         proof and equal roots.
     */
    public static boolean verify(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> proof) {
        if (!isHash(firstHash) || !isHash(secondHash) || proof == null || first <= 0 || first > second
                || proof.stream().anyMatch(hash -> !isHash(hash))) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        List<byte[]> path = new ArrayList<>(proof);
        // 1. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        // 2. If consistency_path is an empty array, stop and fail the proof verification.
        if (path.isEmpty()) {
            return false;
        }
        // 3. Set fn to first - 1 and sn to second - 1.
        long fn = first - 1;
        long sn = second - 1;
        // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5. Set both fr and sr to the first value in the consistency_path array.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. For each subsequent value c in the consistency_path array:
        for (byte[] c : path.subList(1, path.size())) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if ((fn & 1) == 1 || fn == sn) {
                // i. Set fr to HASH(0x01 || c || fr). Set sr to HASH(0x01 || c || sr).
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or
                // fn is 0.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Otherwise: i. Set sr to HASH(0x01 || sr || c).
                sr = MerkleHashes.nodeHash(sr, c);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 7. After completing iterating through the consistency_path array as described above, verify that the fr
        // calculated is equal to the first_hash supplied, that the sr calculated is equal to the second_hash
        // supplied and that sn is 0.
        return MessageDigest.isEqual(fr, firstHash) && MessageDigest.isEqual(sr, secondHash) && sn == 0;
    }

    /**
     * The hashes of runs of leaves, all held: for a tree whose every leaf hash is at hand.
     *
     * @param leaves the leaf hashes of the new tree, in order
     */
    public static RangeHashes ofLeaves(List<byte[]> leaves) {
        Objects.requireNonNull(leaves, "leaves");
        return (from, to) -> rootOf(leaves.subList((int) from, (int) to));
    }

    /**
     * The hashes of runs of leaves of a tree grown from a known one: the runs within the old tree are its perfect
     * subtrees (a consistency proof asks for no others there), the runs after it come from the new leaves.
     *
     * @param old the old tree's frontier (its perfect subtrees)
     * @param added the leaf hashes appended since, in order
     */
    public static RangeHashes ofFrontierThen(MerkleFrontier old, List<byte[]> added) {
        long m = old.size();
        List<byte[]> subtrees = old.subtreeRoots();
        return (from, to) -> {
            if (from >= m) {
                return rootOf(added.subList((int) (from - m), (int) (to - m)));
            }
            long start = 0;
            int index = 0;
            for (long bit = Long.highestOneBit(m); bit > 0; bit >>>= 1) {
                if ((m & bit) != 0) {
                    if (start == from && start + bit == to) {
                        return subtrees.get(index);
                    }
                    start += bit;
                    index++;
                }
            }
            throw new IllegalStateException("the run " + from + " to " + to + " is not a perfect subtree of the old "
                    + "tree of " + m);
        };
    }

    private static byte[] rootOf(List<byte[]> leaves) {
        MerkleFrontier frontier = new MerkleFrontier();
        leaves.forEach(frontier::append);
        return frontier.root();
    }

    private static boolean isHash(byte[] value) {
        return value != null && value.length == MerkleHashes.HASH_LENGTH;
    }
}
