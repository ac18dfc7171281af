package io.throughgate.merkle;

import static io.throughgate.merkle.ReferenceMerkle.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {

    @Test
    void rootEqualsTheRecursiveDefinitionAtEverySizeUpTo70() {
        for (int n = 0; n <= 70; n++) {
            List<byte[]> data = ReferenceMerkle.leaves(n);
            MerkleTree tree = MerkleTree.of(ReferenceMerkle.leafHashes(data));
            assertEquals(n, tree.size());
            assertEquals(hex(ReferenceMerkle.mth(data)), hex(tree.root()), "size " + n);
        }
    }

    @Test
    void inclusionProofEqualsTheRecursiveDefinitionForEveryLeafUpTo70() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> data = ReferenceMerkle.leaves(n);
            MerkleTree tree = MerkleTree.of(ReferenceMerkle.leafHashes(data));
            for (int m = 0; m < n; m++) {
                assertEquals(hexes(ReferenceMerkle.path(m, data)), hexes(tree.inclusionProof(m)),
                        "leaf " + m + " of " + n);
            }
        }
    }

    @Test
    void rootsOfTheCertificateTransparencyTestTreeAreTheKnownOnes() {
        List<byte[]> leaves = CertificateTransparencyVectors.leafHashes();
        for (int n = 0; n <= leaves.size(); n++) {
            assertEquals(CertificateTransparencyVectors.ROOTS.get(n), hex(MerkleTree.of(leaves.subList(0, n)).root()),
                    "size " + n);
        }
    }

    @Test
    void inclusionProofsOfTheCertificateTransparencyTestTreeAreTheKnownOnes() {
        List<byte[]> leaves = CertificateTransparencyVectors.leafHashes();
        for (CertificateTransparencyVectors.Inclusion known : CertificateTransparencyVectors.INCLUSIONS) {
            MerkleTree tree = MerkleTree.of(leaves.subList(0, known.size()));
            assertEquals(known.proof(), hexes(tree.inclusionProof(known.index())), known.toString());
        }
    }

    @Test
    void emptyTreeHasTheHashOfTheEmptyStringAsRoot() {
        MerkleTree tree = MerkleTree.of(List.of());

        assertEquals(0, tree.size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(tree.root()));
    }

    @Test
    void treeOfOneLeafHasTheLeafHashAsRootAndAnEmptyProof() {
        byte[] leaf = MerkleHashes.leafHash(new byte[]{1, 2, 3});
        MerkleTree tree = MerkleTree.of(List.of(leaf));

        assertArrayEquals(leaf, tree.root());
        assertEquals(List.of(), tree.inclusionProof(0));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 5, 6, Long.MAX_VALUE})
    void refusesAnIndexOutsideTheTree(long index) {
        MerkleTree tree = MerkleTree.of(ReferenceMerkle.leafHashes(ReferenceMerkle.leaves(5)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(index));

        assertEquals("index " + index + " is outside the tree of 5 leaves; it must be from 0 to 4", e.getMessage());
    }

    @Test
    void refusesAnyIndexOfTheEmptyTree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MerkleTree.of(List.of()).inclusionProof(0));

        assertEquals("index 0 is outside the tree of 0 leaves", e.getMessage());
    }

    @Test
    void refusesALeafHashThatIsNot32BytesNamingItsIndex() {
        List<byte[]> leaves = new ArrayList<>(ReferenceMerkle.leafHashes(ReferenceMerkle.leaves(3)));
        leaves.set(2, new byte[31]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(leaves));

        assertEquals("leafHashes[2] must be a 32-byte SHA-256 hash, was 31 bytes", e.getMessage());
    }

    @Test
    void keepsItsOwnCopyOfTheLeaves() {
        List<byte[]> leaves = ReferenceMerkle.leafHashes(ReferenceMerkle.leaves(4));
        MerkleTree tree = MerkleTree.of(leaves);
        byte[] root = tree.root();

        leaves.get(0)[0] ^= 1;
        tree.root()[0] ^= 1;

        assertArrayEquals(root, tree.root());
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(ReferenceMerkle::hex).toList();
    }
}
