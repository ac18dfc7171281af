package io.throughgate.pseudonym;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;

/**
 * Makes pseudonyms: keyed hashes (HMAC-SHA-256) of an identifier, under the key of one domain. The same identifier
 * gives the same pseudonym within a domain and key, and unrelated pseudonyms across domains.
 *
 * <p>
 * A pseudonym reads {@code <key id>.<base64url of the 256-bit MAC>}, so a pseudonym tells which key made it. The
 * identifier's kind is part of the MAC input ({@code nhs-number:9995260182}), so two kinds of identifier with the
 * same digits never collide.
 */
public final class Pseudonyms {

    private final PseudonymKeyring keyring;

    public Pseudonyms(PseudonymKeyring keyring) {
        this.keyring = keyring;
    }

    /** The keyring the pseudonyms are made with. */
    public PseudonymKeyring keyring() {
        return keyring;
    }

    /**
     * The pseudonym of an identifier in a domain, under the active key.
     *
     * @param domain e.g. {@code subject}
     * @param kind the identifier's kind, e.g. {@code nhs-number}
     * @param value the identifier, already validated and in its canonical form
     */
    public String of(String domain, String kind, String value) {
        return of(keyring.activeKeyId(), domain, kind, value);
    }

    /**
     * A pseudonymous UUID of a value in a domain, under the active key: the first 128 bits of the same HMAC as
     * {@link #of(String, String, String)}, with the version set to 8 and the variant to RFC 9562's (section 5.8:
     * custom, application-defined bits). For ids that must keep the UUID form, such as a copy's record id.
     */
    public UUID uuid(String domain, String kind, String value) {
        Mac mac = keyring.mac(keyring.activeKeyId(), domain);
        ByteBuffer digest = ByteBuffer.wrap(mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8)));
        long high = (digest.getLong() & ~0xF000L) | 0x8000L;
        long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The pseudonym of an identifier in a domain, under a given key (for looking up data made before a rotation). */
    public String of(String keyId, String domain, String kind, String value) {
        Mac mac = keyring.mac(keyId, domain);
        byte[] digest = mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
        return keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
