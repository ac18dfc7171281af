package io.throughgate.merkle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InclusionProofsTest {

    @Test
    void everyProofOfEveryLeafOfEveryTreeUpTo70Verifies() {
        List<byte[]> leaves = ReferenceMerkle.leafHashes(ReferenceMerkle.leaves(70));
        for (int n = 1; n <= leaves.size(); n++) {
            MerkleTree tree = MerkleTree.of(leaves.subList(0, n));
            byte[] root = tree.root();
            for (int m = 0; m < n; m++) {
                assertTrue(InclusionProofs.verify(m, n, leaves.get(m), tree.inclusionProof(m), root),
                        "leaf " + m + " of " + n);
            }
        }
    }

    @Test
    void knownCertificateTransparencyProofsVerify() {
        List<byte[]> leaves = CertificateTransparencyVectors.leafHashes();
        for (CertificateTransparencyVectors.Inclusion known : CertificateTransparencyVectors.INCLUSIONS) {
            List<byte[]> proof = known.proof().stream().map(ReferenceMerkle::unhex).toList();
            byte[] root = ReferenceMerkle.unhex(CertificateTransparencyVectors.ROOTS.get(known.size()));
            assertTrue(InclusionProofs.verify(known.index(), known.size(), leaves.get(known.index()), proof, root),
                    known.toString());
        }
    }

    @Test
    void proofFailsForAChangedLeaf() {
        forEveryProof((index, size, leaf, proof, root) -> {
            byte[] changed = leaf.clone();
            changed[0] ^= 1;
            return InclusionProofs.verify(index, size, changed, proof, root);
        });
    }

    @Test
    void proofFailsWhenAnyOfItsHashesIsChanged() {
        forEveryProof((index, size, leaf, proof, root) -> {
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> changed = new ArrayList<>(proof);
                byte[] hash = changed.get(i).clone();
                hash[31] ^= 0x80;
                changed.set(i, hash);
                if (InclusionProofs.verify(index, size, leaf, changed, root)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void proofFailsForAnotherIndex() {
        forEveryProof((index, size, leaf, proof, root) -> InclusionProofs.verify(index + 1, size, leaf, proof, root)
                || index > 0 && InclusionProofs.verify(index - 1, size, leaf, proof, root));
    }

    @Test
    void proofFailsForAnotherSize() {
        forEveryProof((index, size, leaf, proof, root) -> InclusionProofs.verify(index, size * 2, leaf, proof, root)
                || InclusionProofs.verify(index, size / 2, leaf, proof, root));
    }

    @Test
    void proofFailsWhenTruncatedOrExtended() {
        forEveryProof((index, size, leaf, proof, root) -> {
            List<byte[]> extended = new ArrayList<>(proof);
            extended.add(root);
            return !proof.isEmpty() && InclusionProofs.verify(index, size, leaf, proof.subList(0, proof.size() - 1),
                    root) || InclusionProofs.verify(index, size, leaf, extended, root);
        });
    }

    @Test
    void proofFailsAgainstAnotherRoot() {
        forEveryProof((index, size, leaf, proof, root) -> InclusionProofs.verify(index, size, leaf, proof,
                MerkleHashes.emptyRoot()));
    }

    @Test
    void malformedInputsFailWithoutThrowing() {
        byte[] hash = MerkleHashes.leafHash(new byte[0]);

        assertFalse(InclusionProofs.verify(0, 0, hash, List.of(), hash), "empty tree");
        assertFalse(InclusionProofs.verify(-1, 1, hash, List.of(), hash), "negative index");
        assertFalse(InclusionProofs.verify(0, -1, hash, List.of(), hash), "negative size");
        assertFalse(InclusionProofs.verify(0, 1, new byte[31], List.of(), hash), "short leaf hash");
        assertFalse(InclusionProofs.verify(0, 1, hash, List.of(), null), "no root");
        assertFalse(InclusionProofs.verify(0, 1, hash, null, hash), "no proof");
        assertFalse(InclusionProofs.verify(0, 2, hash, List.of(new byte[0]), hash), "short proof hash");
        assertTrue(InclusionProofs.verify(0, 1, hash, List.of(), hash), "the one-leaf tree, for contrast");
    }

    /** Runs a tampering on every proof of every leaf of trees of 1 to 33 leaves; it must never verify. */
    private static void forEveryProof(Tampering tampering) {
        List<byte[]> leaves = ReferenceMerkle.leafHashes(ReferenceMerkle.leaves(33));
        for (int n = 1; n <= leaves.size(); n++) {
            MerkleTree tree = MerkleTree.of(leaves.subList(0, n));
            byte[] root = tree.root();
            for (int m = 0; m < n; m++) {
                assertFalse(tampering.verifies(m, n, leaves.get(m), tree.inclusionProof(m), root),
                        "leaf " + m + " of " + n);
            }
        }
    }

    @FunctionalInterface
    private interface Tampering {

        boolean verifies(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root);
    }
}
