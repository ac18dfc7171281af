package io.throughgate.merkle;

import static io.throughgate.merkle.ReferenceMerkle.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

    @Test
    void rootEqualsTheTreeRootAtEverySizeUpTo70() {
        List<byte[]> leaves = ReferenceMerkle.leafHashes(ReferenceMerkle.leaves(70));
        MerkleFrontier frontier = new MerkleFrontier();
        assertEquals(hex(MerkleHashes.emptyRoot()), hex(frontier.root()));
        for (int n = 1; n <= leaves.size(); n++) {
            frontier.append(leaves.get(n - 1));
            assertEquals(n, frontier.size());
            assertEquals(hex(MerkleTree.of(leaves.subList(0, n)).root()), hex(frontier.root()), "size " + n);
        }
    }

    @Test
    void survivesEncodingAndDecodingAtEverySizeUpTo70() {
        List<byte[]> leaves = ReferenceMerkle.leafHashes(ReferenceMerkle.leaves(71));
        MerkleFrontier frontier = new MerkleFrontier();
        for (int n = 0; n <= 70; n++) {
            MerkleFrontier decoded = MerkleFrontier.decode(frontier.size(), frontier.encode());
            assertEquals(n, decoded.size());
            assertEquals(hex(frontier.root()), hex(decoded.root()), "size " + n);
            // The decoded state goes on growing like the original.
            decoded.append(leaves.get(n));
            frontier.append(leaves.get(n));
            assertEquals(hex(frontier.root()), hex(decoded.root()), "size " + (n + 1) + " after decoding");
        }
    }

    @Test
    void holdsTheKnownCompactRangesOfTheCertificateTransparencyTestTree() {
        List<byte[]> leaves = CertificateTransparencyVectors.leafHashes();
        MerkleFrontier frontier = new MerkleFrontier();
        for (int n = 0; n <= leaves.size(); n++) {
            String expected = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                    String.join("", CertificateTransparencyVectors.FRONTIERS.get(n))));
            assertEquals(expected, frontier.encode(), "size " + n);
            assertEquals(CertificateTransparencyVectors.ROOTS.get(n), hex(frontier.root()), "size " + n);
            if (n < leaves.size()) {
                frontier.append(leaves.get(n));
            }
        }
    }

    @Test
    void emptyFrontierEncodesAsTheEmptyString() {
        assertEquals("", new MerkleFrontier().encode());
        assertEquals(0, MerkleFrontier.decode(0, "").size());
    }

    @Test
    void copyGrowsIndependently() {
        MerkleFrontier frontier = new MerkleFrontier();
        frontier.append(MerkleHashes.leafHash(new byte[]{1}));
        MerkleFrontier copy = frontier.copy();

        copy.append(MerkleHashes.leafHash(new byte[]{2}));

        assertEquals(1, frontier.size());
        assertEquals(hex(MerkleHashes.leafHash(new byte[]{1})), hex(frontier.root()));
        assertEquals(2, copy.size());
    }

    @Test
    void decodeRefusesACountOfHashesThatDoesNotMatchTheSize() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (int i = 0; i < 3; i++) {
            frontier.append(MerkleHashes.leafHash(new byte[]{(byte) i}));
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MerkleFrontier.decode(4, frontier.encode()));

        assertEquals("a tree of size 4 has 1 perfect subtrees (the bits set in its size), but the encoded frontier "
                + "has 2 hashes", e.getMessage());
    }

    @Test
    void decodeRefusesBytesThatAreNotWholeHashes() {
        String encoded = Base64.getEncoder().encodeToString(new byte[40]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MerkleFrontier.decode(1, encoded));

        assertEquals("the encoded frontier has 40 bytes, not a multiple of 32", e.getMessage());
    }

    @Test
    void decodeRefusesTextThatIsNotBase64() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MerkleFrontier.decode(1, "not base64!"));

        assertEquals("the encoded frontier is not base64: Illegal base64 character 20", e.getMessage());
    }

    @Test
    void decodeRefusesANegativeSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MerkleFrontier.decode(-1, ""));

        assertEquals("size must be 0 or more, was -1", e.getMessage());
    }

    @Test
    void appendRefusesAValueThatIsNotAHash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MerkleFrontier().append(new byte[]{1}));

        assertEquals("leafHash must be a 32-byte SHA-256 hash, was 1 bytes", e.getMessage());
    }
}
