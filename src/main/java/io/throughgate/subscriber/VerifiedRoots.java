package io.throughgate.subscriber;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.throughgate.deliver.crypto.DeliveryVerifier;
import io.throughgate.deliver.crypto.SignedBatchRoot;

/**
 * The delivery batch roots whose signature a reader has verified, the most recent few: every message of a batch
 * carries the same root and signature, so the signature is checked once per batch and each other message costs only
 * the hashes of its audit path. Only a success is remembered, keyed by the signed text and the signature together,
 * so a remembered answer is exactly the answer a new check would give. One reader, one hub certificate: the
 * certificate is not part of the key. Thread-safe.
 */
final class VerifiedRoots {

    /** About as many batches as can be in flight across one inbox's partitions at once. */
    private static final int REMEMBERED = 64;

    private final Map<String, Boolean> verified = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, true) {

        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Whether the signature is the hub's over this root, checked once per root and signature. */
    boolean verify(SignedBatchRoot root, String signature, X509Certificate certificate) {
        byte[] signed = root.bytes();
        String key = new String(signed, StandardCharsets.UTF_8) + signature;
        synchronized (verified) {
            if (verified.containsKey(key)) {
                return true;
            }
        }
        if (!DeliveryVerifier.verify(signed, signature, certificate)) {
            return false;
        }
        synchronized (verified) {
            verified.put(key, Boolean.TRUE);
        }
        return true;
    }
}
