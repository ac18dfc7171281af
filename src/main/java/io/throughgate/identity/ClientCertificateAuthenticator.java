package io.throughgate.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.IssuerRule;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Result;
import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.PublicKeyPins;
import io.throughgate.pki.TrustedAuthorities;

/**
 * Decides who is calling from the client certificate chain presented in the TLS handshake.
 *
 * <p>
 * The TLS layer proves the caller holds the certificate's private key (TLS 1.3, RFC 8446 section 4.4.3,
 * CertificateVerify) but accepts any chain, so that a refusal can be answered as a problem document. Here the
 * chain is verified, step by step:
 * <ol>
 * <li>a chain was presented (else {@link ErrorCode#NO_CLIENT_CERTIFICATE});</li>
 * <li>PKIX path validation to a trusted CA, at the current time (RFC 5280 section 6.1), else
 * {@link ErrorCode#UNTRUSTED_CERTIFICATE} or {@link ErrorCode#CERTIFICATE_EXPIRED};</li>
 * <li>the leaf's extendedKeyUsage includes id-kp-clientAuth (RFC 5280 section 4.2.1.12), else
 * {@link ErrorCode#CERTIFICATE_NOT_FOR_CLIENTS};</li>
 * <li>exactly one subject alternative name URI {@code urn:throughgate:agency:<code>} (RFC 5280 section
 * 4.2.1.6), else {@link ErrorCode#CERTIFICATE_WITHOUT_AGENCY};</li>
 * <li>neither a CRL nor the deny list revokes it (section 6.3), else {@link ErrorCode#CERTIFICATE_REVOKED};</li>
 * <li>the agency is in the directory ({@link ErrorCode#UNKNOWN_AGENCY}), a CA pinned for it is in the path
 * ({@link ErrorCode#ISSUER_NOT_PINNED}) and may vouch for the role and identity asserted
 * ({@link ErrorCode#ISSUER_NOT_GRANTED}, see {@link IssuerRule});</li>
 * <li>the agency is in force today ({@link ErrorCode#AGENCY_NOT_IN_FORCE}).</li>
 * </ol>
 * Steps 1 to 4 are remembered per certificate for a short time, because a partner sends thousands of requests with
 * the same certificate; steps 5 to 7 read the directory and revocations in force and run on every request, so a
 * reloaded pin or revocation applies from the next request, whatever the cache holds.
 */
public class ClientCertificateAuthenticator {

    private static final int CACHE_LIMIT = 10_000;
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final TrustedAuthorities authorities;
    private final AgencyDirectory directory;
    private final Supplier<Revocations> revocations;
    private final Clock clock;
    private final Duration cacheTime;
    private final Map<X509Certificate, VerifiedCertificate> verified = new ConcurrentHashMap<>();

    /**
     * What path validation established about a certificate.
     *
     * @param pathPins the SPKI pins of the CAs of the validated path, the leaf's issuer first
     */
    private record VerifiedCertificate(String agencyCode, Set<Role> roles, BigInteger serial, List<String> pathPins,
            Instant verifiedAt) {

        String issuerPin() {
            return pathPins.get(0);
        }
    }

    public ClientCertificateAuthenticator(TrustedAuthorities authorities, AgencyDirectory directory,
            Supplier<Revocations> revocations, Clock clock, Duration cacheTime) {
        this.authorities = authorities;
        this.directory = directory;
        this.revocations = revocations;
        this.clock = clock;
        this.cacheTime = cacheTime;
    }

    /**
     * Authenticates a caller.
     *
     * @param chain the peer certificate chain, leaf first; empty when the caller presented none
     * @return the caller's identity, or the failure naming why it was refused
     */
    public Result<AgencyIdentity> authenticate(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return Result.failure(ErrorCode.NO_CLIENT_CERTIFICATE,
                    "Present your agency's client certificate in the TLS handshake.");
        }
        Instant now = clock.instant();
        VerifiedCertificate certificate = verified.get(chain.get(0));
        if (certificate == null || certificate.verifiedAt().plus(cacheTime).isBefore(now)
                || certificate.verifiedAt().isAfter(now)) {
            return verify(chain, now).flatMap(verified -> {
                remember(chain.get(0), verified);
                return identify(verified, LocalDate.ofInstant(now, clock.getZone()));
            });
        }
        return identify(certificate, LocalDate.ofInstant(now, clock.getZone()));
    }

    private Result<AgencyIdentity> identify(VerifiedCertificate certificate, LocalDate today) {
        Optional<String> revoked = revocations.get().revocationOf(certificate.issuerPin(), certificate.serial());
        if (revoked.isPresent()) {
            return Result.failure(ErrorCode.CERTIFICATE_REVOKED, "The client certificate (serial "
                    + certificate.serial().toString(16) + ") has been revoked; ask your CA for a new one.");
        }
        Agency agency = directory.find(certificate.agencyCode()).orElse(null);
        if (agency == null) {
            return Result.failure(ErrorCode.UNKNOWN_AGENCY,
                    "The certificate names agency " + certificate.agencyCode() + ", which is not in the directory.");
        }
        Optional<IssuerRule.Refusal> refusal = IssuerRule.check(directory, agency, certificate.pathPins(),
                certificate.roles().contains(Role.DPO));
        if (refusal.isPresent()) {
            ErrorCode code = refusal.get().breach() == IssuerRule.Breach.NOT_PINNED
                    ? ErrorCode.ISSUER_NOT_PINNED
                    : ErrorCode.ISSUER_NOT_GRANTED;
            return Result.failure(code, refusal.get().message());
        }
        if (!agency.isValidOn(today)) {
            return Result.failure(ErrorCode.AGENCY_NOT_IN_FORCE, "Agency " + agency.code()
                    + " may exchange records from " + agency.validFrom()
                    + agency.validUntil().map(last -> " until " + last).orElse("") + ", not on " + today + ".");
        }
        return Result.success(new AgencyIdentity(agency, certificate.roles(), certificate.serial().toString(16)));
    }

    private Result<VerifiedCertificate> verify(List<X509Certificate> chain, Instant now) {
        List<X509Certificate> path;
        try {
            path = authorities.validatePath(chain, now);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
                return Result.failure(ErrorCode.CERTIFICATE_EXPIRED,
                        "The client certificate, or a certificate in its chain, is outside its validity period.");
            }
            return Result.failure(ErrorCode.UNTRUSTED_CERTIFICATE,
                    "The client certificate was not issued by a CA the hub trusts.");
        } catch (GeneralSecurityException e) {
            return Result.failure(ErrorCode.UNTRUSTED_CERTIFICATE, "The client certificate chain cannot be read.");
        }
        X509Certificate leaf = chain.get(0);
        if (!allowsClientAuthentication(leaf)) {
            return Result.failure(ErrorCode.CERTIFICATE_NOT_FOR_CLIENTS, "The certificate's extended key usage must "
                    + "include TLS client authentication (id-kp-clientAuth, RFC 5280 section 4.2.1.12).");
        }
        List<String> uris = CertificateIdentities.sanUris(leaf);
        List<String> agencies = uris.stream().filter(uri -> uri.startsWith(Agency.IDENTITY_PREFIX)).toList();
        if (agencies.size() != 1) {
            return Result.failure(ErrorCode.CERTIFICATE_WITHOUT_AGENCY, "The client certificate must name exactly one "
                    + "agency as a subject alternative name URI " + Agency.IDENTITY_PREFIX + "<code>.");
        }
        Set<Role> roles = EnumSet.of(Role.AGENCY);
        Arrays.stream(Role.values()).filter(role -> uris.contains(role.certificateUri())).forEach(roles::add);
        String code = agencies.get(0).substring(Agency.IDENTITY_PREFIX.length());
        List<String> pins = path.stream().map(PublicKeyPins::sha256Hex).toList();
        return Result.success(new VerifiedCertificate(code, roles, leaf.getSerialNumber(), pins, now));
    }

    private static boolean allowsClientAuthentication(X509Certificate leaf) {
        try {
            List<String> purposes = leaf.getExtendedKeyUsage();
            return purposes != null && purposes.contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private void remember(X509Certificate leaf, VerifiedCertificate certificate) {
        if (verified.size() >= CACHE_LIMIT) {
            verified.clear();
        }
        verified.put(leaf, certificate);
    }
}
