package io.throughgate.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The hashes of the Merkle tree of RFC 9162 (Certificate Transparency version 2.0) section 2.1.1, with SHA-256 as
 * the hash algorithm (the same tree as RFC 6962 section 2.1, and the tree a C2SP tlog-checkpoint commits to).
 *
 * <p>
 * The leaf and node prefixes give second-preimage resistance: a leaf hash can never equal an interior node hash,
 * so no one can present two leaves' hashes as one leaf or a leaf as a subtree. Every hash is 32 bytes; every method
 * returns a new array the caller may keep or change.
 */
public final class MerkleHashes {

    /** The length in bytes of every hash: a SHA-256 digest. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHashes() {
    }

    /**
     * The hash of a leaf: {@code MTH({d(0)}) = HASH(0x00 || d(0))} (RFC 9162 section 2.1.1).
     *
     * @param data the leaf's exact bytes (for the sharing log, the UTF-8 bytes of the entry's canonical JSON)
     * @return the 32-byte leaf hash
     */
    public static byte[] leafHash(byte[] data) {
        Objects.requireNonNull(data, "data");
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(data);
        return sha256.digest();
    }

    /**
     * The hash of an interior node: {@code HASH(0x01 || MTH(left) || MTH(right))} (RFC 9162 section 2.1.1).
     *
     * @param left the left child's hash, 32 bytes
     * @param right the right child's hash, 32 bytes
     * @return the 32-byte node hash
     * @throws IllegalArgumentException if a child is not 32 bytes long
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left");
        requireHash(right, "right");
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root of the empty tree: {@code MTH({}) = HASH()}, the SHA-256 of the empty string (RFC 9162 2.1.1). */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /**
     * Checks that a value is a 32-byte hash.
     *
     * @param hash the value
     * @param name what it is, for the message
     * @return the value
     * @throws IllegalArgumentException naming the value and its length if it is not 32 bytes long
     */
    static byte[] requireHash(byte[] hash, String name) {
        Objects.requireNonNull(hash, name);
        if (hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException(name + " must be a " + HASH_LENGTH + "-byte SHA-256 hash, was "
                    + hash.length + " bytes");
        }
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }
}
