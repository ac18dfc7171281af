package io.throughgate.sharinglog.checkpoint;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tree head of the sharing log in the C2SP tlog-checkpoint format (c2sp.org/tlog-checkpoint, "Note text"): the
 * log's origin, the number of leaves and the RFC 9162 Merkle tree root at that size, and one extension line with
 * the time the hub issued it.
 *
 * <p>
 * The body, each line ending in a newline (U+000A):
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size in decimal, no leading zero&gt;
 * &lt;root hash, standard padded base64 (RFC 4648 section 4)&gt;
 * time &lt;issuedAt, ISO-8601 as Instant.toString gives it, e.g. 2026-11-22T10:00:00Z&gt;
 * </pre>
 *
 * The {@code time} extension line is opaque to generic checkpoint tools; the spec discourages extension lines
 * because log monitors cannot audit them, and Throughgate only shows it to people. Signed, the body is a C2SP
 * signed note ({@link SignedCheckpoint}).
 *
 * <p>
 * Equality compares the root hash's content, not the array; the root hash is copied in and out, so a checkpoint
 * cannot change once made.
 *
 * @param origin the log's identity, the first line: not blank, one line without control characters; Throughgate
 *        uses the same text as the signing key's name ({@code throughgate/sharing-log} by default)
 * @param treeSize the number of leaves, 0 or more
 * @param rootHash the 32-byte root hash of the tree of {@code treeSize} leaves
 * @param issuedAt when the hub issued the checkpoint
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant issuedAt) {

    /** The length of the root hash: SHA-256. */
    public static final int ROOT_HASH_LENGTH = 32;

    private static final String TIME_PREFIX = "time ";
    private static final Pattern TREE_SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    /**
     * @throws IllegalArgumentException if the origin is blank, holds a newline or another control character, the
     *         size is negative, or the root hash is not 32 bytes long; the message names the value
     */
    public Checkpoint {
        NoteText.requireLine(origin, "origin");
        if (origin.isBlank()) {
            throw new IllegalArgumentException("origin must not be blank: '" + origin + "'");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must be 0 or more, was " + treeSize);
        }
        Objects.requireNonNull(rootHash, "rootHash");
        if (rootHash.length != ROOT_HASH_LENGTH) {
            throw new IllegalArgumentException("rootHash must be " + ROOT_HASH_LENGTH + " bytes (SHA-256), was "
                    + rootHash.length + " bytes");
        }
        rootHash = rootHash.clone();
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** The 32-byte root hash; a copy. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The checkpoint's text, the note text that is signed (see the class comment), ending in a newline. */
    public String body() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + TIME_PREFIX
                + issuedAt + "\n";
    }

    /**
     * Reads a body written by {@link #body()}: exactly its four lines, each ending in a newline.
     *
     * @param body the text
     * @return the checkpoint
     * @throws IllegalArgumentException saying which line is wrong and how
     */
    public static Checkpoint parse(String body) {
        Objects.requireNonNull(body, "body");
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("the checkpoint body must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 4) {
            throw new IllegalArgumentException("the checkpoint body must have 4 lines (origin, tree size, root hash, "
                    + "time), has " + lines.length);
        }
        if (!TREE_SIZE.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("line 2, the tree size, must be a decimal number without leading "
                    + "zeros, was '" + lines[1] + "'");
        }
        long treeSize;
        try {
            treeSize = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line 2, the tree size, is too large: '" + lines[1] + "'", e);
        }
        byte[] rootHash = decodeBase64(lines[2], "line 3, the root hash,");
        if (!lines[3].startsWith(TIME_PREFIX)) {
            throw new IllegalArgumentException("line 4 must be the extension line 'time <instant>', was '" + lines[3]
                    + "'");
        }
        Instant issuedAt;
        try {
            issuedAt = Instant.parse(lines[3].substring(TIME_PREFIX.length()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line 4, the time, is not an ISO-8601 instant: '" + lines[3] + "'",
                    e);
        }
        return new Checkpoint(lines[0], treeSize, rootHash, issuedAt);
    }

    /**
     * Decodes standard padded base64, refusing other encodings of the same bytes (missing padding, non-zero spare
     * bits), so that one value has one text.
     */
    static byte[] decodeBase64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64: '" + text + "'", e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not in the standard padded base64 form (RFC 4648 section "
                    + "4): '" + text + "'");
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash) && issuedAt.equals(that.issuedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), issuedAt);
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", treeSize=" + treeSize + ", rootHash="
                + Base64.getEncoder().encodeToString(rootHash) + ", issuedAt=" + issuedAt + "]";
    }
}
