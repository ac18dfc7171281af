package io.throughgate.identity;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The certificates the hub refuses before they expire, as one consistent snapshot of the CRL files and the deny
 * list: by the SPKI pin of the CA that issued them and their serial number (an issuer and serial name one
 * certificate, RFC 5280 section 4.1.2.2).
 *
 * @param revokedByIssuer for each issuing CA's pin, the revoked serials and where each revocation came from
 */
public record Revocations(Map<String, Map<BigInteger, String>> revokedByIssuer) {

    /** No certificate revoked. */
    public static final Revocations NONE = new Revocations(Map.of());

    public Revocations {
        revokedByIssuer = revokedByIssuer.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
    }

    /**
     * Where the revocation of a certificate came from (a CRL file or the deny list), or empty when it is not
     * revoked.
     *
     * @param issuerPin the SPKI pin of the CA that issued the certificate
     * @param serial the certificate's serial number
     */
    public Optional<String> revocationOf(String issuerPin, BigInteger serial) {
        return Optional.ofNullable(revokedByIssuer.getOrDefault(issuerPin, Map.of()).get(serial));
    }

    /** How many certificates are revoked, for the log. */
    public int size() {
        return revokedByIssuer.values().stream().mapToInt(Map::size).sum();
    }
}
