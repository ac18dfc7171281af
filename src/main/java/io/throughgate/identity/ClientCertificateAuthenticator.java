package io.throughgate.identity;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Result;
import io.throughgate.pki.CertificateIdentities;
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
 * <li>exactly one subject alternative name URI {@code urn:throughgate:agency:<code>} (RFC 5280 section
 * 4.2.1.6), else {@link ErrorCode#CERTIFICATE_WITHOUT_AGENCY};</li>
 * <li>the agency is in the directory ({@link ErrorCode#UNKNOWN_AGENCY}) and in force today
 * ({@link ErrorCode#AGENCY_NOT_IN_FORCE}).</li>
 * </ol>
 * Path validation results are remembered per certificate for a short time, because a partner sends thousands of
 * requests with the same certificate; the directory check runs on every request.
 */
public class ClientCertificateAuthenticator {

    private static final int CACHE_LIMIT = 10_000;

    private final TrustedAuthorities authorities;
    private final AgencyDirectory directory;
    private final Clock clock;
    private final Duration cacheTime;
    private final Map<X509Certificate, VerifiedCertificate> verified = new ConcurrentHashMap<>();

    private record VerifiedCertificate(String agencyCode, Set<Role> roles, String serial, Instant verifiedAt) {
    }

    public ClientCertificateAuthenticator(TrustedAuthorities authorities, AgencyDirectory directory, Clock clock,
            Duration cacheTime) {
        this.authorities = authorities;
        this.directory = directory;
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
            Result<VerifiedCertificate> verification = verify(chain, now);
            if (verification instanceof Result.Failed<VerifiedCertificate> failed) {
                return Result.failure(failed.failure());
            }
            certificate = ((Result.Success<VerifiedCertificate>) verification).value();
            remember(chain.get(0), certificate);
        }
        return identify(certificate, LocalDate.ofInstant(now, clock.getZone()));
    }

    private Result<AgencyIdentity> identify(VerifiedCertificate certificate, LocalDate today) {
        Agency agency = directory.find(certificate.agencyCode()).orElse(null);
        if (agency == null) {
            return Result.failure(ErrorCode.UNKNOWN_AGENCY,
                    "The certificate names agency " + certificate.agencyCode() + ", which is not in the directory.");
        }
        if (!agency.isValidOn(today)) {
            return Result.failure(ErrorCode.AGENCY_NOT_IN_FORCE, "Agency " + agency.code()
                    + " may exchange records from " + agency.validFrom()
                    + agency.validUntil().map(last -> " until " + last).orElse("") + ", not on " + today + ".");
        }
        return Result.success(new AgencyIdentity(agency, certificate.roles(), certificate.serial()));
    }

    private Result<VerifiedCertificate> verify(List<X509Certificate> chain, Instant now) {
        try {
            authorities.validatePath(chain, now);
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
        List<String> uris = CertificateIdentities.sanUris(leaf);
        List<String> agencies = uris.stream().filter(uri -> uri.startsWith(Agency.IDENTITY_PREFIX)).toList();
        if (agencies.size() != 1) {
            return Result.failure(ErrorCode.CERTIFICATE_WITHOUT_AGENCY, "The client certificate must name exactly one "
                    + "agency as a subject alternative name URI " + Agency.IDENTITY_PREFIX + "<code>.");
        }
        Set<Role> roles = EnumSet.of(Role.AGENCY);
        Arrays.stream(Role.values()).filter(role -> uris.contains(role.certificateUri())).forEach(roles::add);
        String code = agencies.get(0).substring(Agency.IDENTITY_PREFIX.length());
        return Result.success(new VerifiedCertificate(code, roles, leaf.getSerialNumber().toString(16), now));
    }

    private void remember(X509Certificate leaf, VerifiedCertificate certificate) {
        if (verified.size() >= CACHE_LIMIT) {
            verified.clear();
        }
        verified.put(leaf, certificate);
    }
}
