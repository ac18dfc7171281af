package io.throughgate.merkle;

import static io.throughgate.merkle.ReferenceMerkle.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MerkleHashesTest {

    @Test
    void emptyRootIsTheSha256OfTheEmptyString() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                hex(MerkleHashes.emptyRoot()));
    }

    @Test
    void leafHashOfTheEmptyLeafIsTheKnownCertificateTransparencyValue() {
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                hex(MerkleHashes.leafHash(new byte[0])));
    }

    @Test
    void nodeHashOfTheFirstTwoTestLeavesIsTheKnownCertificateTransparencyValue() {
        byte[] left = MerkleHashes.leafHash(new byte[0]);
        byte[] right = MerkleHashes.leafHash(new byte[]{0});

        assertEquals("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                hex(MerkleHashes.nodeHash(left, right)));
    }

    @Test
    void nodeHashRefusesAChildThatIsNotAHash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MerkleHashes.nodeHash(new byte[32], new byte[33]));

        assertEquals("right must be a 32-byte SHA-256 hash, was 33 bytes", e.getMessage());
    }
}
