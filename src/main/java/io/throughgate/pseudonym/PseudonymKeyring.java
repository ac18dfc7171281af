package io.throughgate.pseudonym;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The pseudonymisation master keys, by key id, and the keys derived from them for each domain.
 *
 * <p>
 * Each domain (the hub-wide subject index, or one agreement's version) gets its own HMAC key, derived from a master
 * key with HKDF-SHA-256 (RFC 5869) using the domain as the {@code info} input: pseudonyms of one domain cannot be
 * computed from, or linked to, another's. Rotation adds a master key and makes it active; older keys stay so that
 * pseudonyms made under them can still be looked up, until the data made with them has passed its retention.
 */
public final class PseudonymKeyring {

    private static final int KEY_BYTES = 32;

    private final Map<String, byte[]> masterKeys;
    private final String activeKeyId;
    private final Map<String, Mac> prototypes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param masterKeys the master keys by key id; key ids are short, lowercase and contain no dot
     * @param activeKeyId the key id new pseudonyms are made with
     * @throws IllegalArgumentException if there is no key, a key id is malformed, a key is shorter than 256 bits, or
     *         the active key is not among them
     */
    public PseudonymKeyring(Map<String, byte[]> masterKeys, String activeKeyId) {
        if (masterKeys.isEmpty()) {
            throw new IllegalArgumentException("the pseudonym key store holds no key");
        }
        masterKeys.forEach((id, key) -> {
            if (!id.matches("[a-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("pseudonym key id '" + id + "' must be 1 to 32 of a-z, 0-9, -");
            }
            if (key.length < KEY_BYTES) {
                throw new IllegalArgumentException("pseudonym key " + id + " is shorter than 256 bits");
            }
        });
        if (!masterKeys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active pseudonym key '" + activeKeyId + "' is not in the key store");
        }
        this.masterKeys = Collections.unmodifiableMap(new TreeMap<>(masterKeys));
        this.activeKeyId = activeKeyId;
    }

    /** The id of the key new pseudonyms are made with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Every key id, oldest (lowest) first. */
    public List<String> keyIds() {
        return List.copyOf(masterKeys.keySet());
    }

    /**
     * A new HMAC-SHA-256 instance keyed for one domain under one master key. {@link Mac} is not thread-safe, so each
     * caller gets its own instance, cloned from a prepared one.
     *
     * @param keyId the master key id
     * @param domain the domain, e.g. {@code subject} or {@code agreement:london-resettlement-direct-care:1}
     */
    public Mac mac(String keyId, String domain) {
        Mac prototype = prototypes.computeIfAbsent(keyId + "\n" + domain, unused -> newMac(keyId, domain));
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(keyId, domain);
        }
    }

    /**
     * A 256-bit key for another use of the hub's own (the dead-letter encryption key), derived as the pseudonym keys
     * are but under its own label, so it is independent of every pseudonym key.
     */
    public byte[] derive(String keyId, String label) {
        return hkdf(keyId, "throughgate/" + label);
    }

    private byte[] hkdf(String keyId, String info) {
        byte[] master = masterKeys.get(keyId);
        if (master == null) {
            throw new IllegalArgumentException("no pseudonym key '" + keyId + "'");
        }
        byte[] derived = new byte[KEY_BYTES];
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        // RFC 5869 section 2: extract with no salt (a zero-filled salt), expand with the label as info.
        hkdf.init(new HKDFParameters(master, null, info.getBytes(StandardCharsets.UTF_8)));
        hkdf.generateBytes(derived, 0, derived.length);
        return derived;
    }

    private Mac newMac(String keyId, String domain) {
        byte[] derived = hkdf(keyId, "throughgate/pseudonym/" + domain);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derived, "HmacSHA256"));
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
