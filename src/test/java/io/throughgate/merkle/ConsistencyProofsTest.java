package io.throughgate.merkle;

import static io.throughgate.merkle.ReferenceMerkle.hex;
import static io.throughgate.merkle.ReferenceMerkle.mth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Consistency proofs of RFC 9162 section 2.1.4, against its own examples and its recursive definition. */
class ConsistencyProofsTest {

    private static final List<byte[]> SEVEN = ReferenceMerkle.leaves(7);

    @Test
    void theRfcsExamplesOfATreeOfSevenLeaves() {
        // Section 2.1.5: PROOF(3, D[7]) = [c, d, g, l], PROOF(4, D[7]) = [l], PROOF(6, D[7]) = [i, j, k].
        assertEquals(hexes(range(2, 3), range(3, 4), range(0, 2), range(4, 7)), hexes(proof(3)));
        assertEquals(hexes(range(4, 7)), hexes(proof(4)));
        assertEquals(hexes(range(4, 6), range(6, 7), range(0, 4)), hexes(proof(6)));
    }

    @Test
    void everyProofVerifiesAndAFrontierGivesTheSameProofAsTheLeaves() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> data = ReferenceMerkle.leaves(n);
            List<byte[]> leaves = ReferenceMerkle.leafHashes(data);
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = ConsistencyProofs.prove(m, n, ConsistencyProofs.ofLeaves(leaves));
                assertTrue(ConsistencyProofs.verify(m, n, mth(data.subList(0, m)), mth(data), proof), m + " to " + n);
                MerkleFrontier old = new MerkleFrontier();
                leaves.subList(0, m).forEach(old::append);
                assertEquals(hexes(proof), hexes(ConsistencyProofs.prove(m, n, ConsistencyProofs.ofFrontierThen(old,
                        leaves.subList(m, n)))), m + " to " + n);
            }
        }
    }

    @Test
    void aChangedLeafOfTheOldTreeBreaksConsistency() {
        for (int m = 1; m < 7; m++) {
            for (int changed = 0; changed < m; changed++) {
                List<byte[]> rewritten = new ArrayList<>(SEVEN);
                rewritten.set(changed, "rewritten".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                List<byte[]> proof = ConsistencyProofs.prove(m, 7, ConsistencyProofs.ofLeaves(ReferenceMerkle
                        .leafHashes(rewritten)));
                assertFalse(ConsistencyProofs.verify(m, 7, mth(SEVEN.subList(0, m)), mth(rewritten), proof),
                        "leaf " + changed + " of " + m);
            }
        }
    }

    @Test
    void malformedInputFailsWithoutThrowing() {
        byte[] root = mth(SEVEN);
        List<byte[]> proof = proof(3);
        assertFalse(ConsistencyProofs.verify(4, 3, root, root, proof), "first after second");
        assertFalse(ConsistencyProofs.verify(0, 7, root, root, proof), "empty first tree");
        assertFalse(ConsistencyProofs.verify(3, 7, mth(SEVEN.subList(0, 3)), root, proof.subList(0, 3)), "short");
        assertFalse(ConsistencyProofs.verify(3, 7, mth(SEVEN.subList(0, 3)), root, List.of(new byte[5])), "size");
        assertFalse(ConsistencyProofs.verify(7, 7, root, mth(SEVEN.subList(0, 6)), List.of()), "same size, roots");
        assertTrue(ConsistencyProofs.verify(7, 7, root, root, List.of()));
    }

    private static List<byte[]> proof(int m) {
        return ConsistencyProofs.prove(m, 7, ConsistencyProofs.ofLeaves(ReferenceMerkle.leafHashes(SEVEN)));
    }

    private static byte[] range(int from, int to) {
        return mth(SEVEN.subList(from, to));
    }

    private static List<String> hexes(byte[]... hashes) {
        return hexes(List.of(hashes));
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(ReferenceMerkle::hex).toList();
    }
}
