package io.throughgate.directory;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A certificate authority the directory allows to issue some agencies' client certificates, pinned by the SHA-256
 * of its SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7; the same digest as RFC 7469's pin-sha256, in hex). A
 * pin survives the CA certificate's renewal with the same key and cannot be met by another CA that copies its
 * name.
 *
 * @param id the name agencies' {@code issuers} refer to, a lowercase slug
 * @param displayName who runs the CA
 * @param spkiSha256 the lowercase hex SHA-256 of the CA's DER SubjectPublicKeyInfo
 * @param grants what the CA may vouch for beyond an agency identity
 */
public record PinnedAuthority(String id, String displayName, String spkiSha256, Set<IssuerGrant> grants) {

    /** The form of {@link #spkiSha256()}: 64 lowercase hexadecimal digits. */
    public static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public PinnedAuthority {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        if (!SHA256_HEX.matcher(spkiSha256).matches()) {
            throw new IllegalArgumentException("spkiSha256 must be 64 lowercase hex digits: '" + spkiSha256 + "'");
        }
        grants = Set.copyOf(grants);
    }

    /** Whether the CA may vouch for this. */
    public boolean grants(IssuerGrant grant) {
        return grants.contains(grant);
    }
}
