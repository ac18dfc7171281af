package io.throughgate.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A straightforward transcription of RFC 9162 section 2.1.1 ({@code MTH}) and section 2.1.3.1 ({@code PATH}) as
 * recursive functions over the leaves' data, to check the iterative implementations against.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    /** {@code MTH(D[n])}. */
    static byte[] mth(List<byte[]> data) {
        int n = data.size();
        if (n == 0) {
            return MerkleHashes.emptyRoot();
        }
        if (n == 1) {
            return MerkleHashes.leafHash(data.get(0));
        }
        int k = largestPowerOfTwoBelow(n);
        return MerkleHashes.nodeHash(mth(data.subList(0, k)), mth(data.subList(k, n)));
    }

    /** {@code PATH(m, D[n])}. */
    static List<byte[]> path(int m, List<byte[]> data) {
        int n = data.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, data.subList(0, k)));
            path.add(mth(data.subList(k, n)));
        } else {
            path.addAll(path(m - k, data.subList(k, n)));
            path.add(mth(data.subList(0, k)));
        }
        return path;
    }

    /** The largest power of two smaller than n (n > 1). */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** Leaves 0, 1, ... n-1 with distinct data: "leaf 0", "leaf 1", ... */
    static List<byte[]> leaves(int n) {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            data.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }

    static List<byte[]> leafHashes(List<byte[]> data) {
        return data.stream().map(MerkleHashes::leafHash).toList();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
