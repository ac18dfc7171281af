package io.throughgate.devcerts;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.throughgate.directory.AgencyDirectory;
import io.throughgate.pki.BouncyCastle;

/**
 * The development PKI generator ({@code dev-certs}): a development CA, the hub's TLS server certificate, delivery
 * signing certificate and sharing-log signing certificate (Ed25519), and for every agency of the directory a TLS
 * client certificate, a data protection officer's certificate and a field encryption certificate, written to a
 * folder in a fixed layout ({@link PkiLayout}). Running it again changes nothing unless something is missing or due.
 * Also issues single certificates for tests (expired ones, ones from an unknown CA).
 *
 * <p>
 * DEVELOPMENT ONLY: keys are unencrypted and the PKCS#12 password is the public {@link #DEV_PASSWORD}.
 */
public final class DevelopmentCertificates {

    /**
     * The password of every PKCS#12 file the generator writes. Public and committed: development material only,
     * never a production secret.
     */
    public static final String DEV_PASSWORD = "throughgate-dev";

    /** The organisational unit of every development subject, so no one mistakes the certificates for real ones. */
    public static final String DEVELOPMENT_UNIT = "DEVELOPMENT ONLY - NOT FOR PRODUCTION";

    /** The default output folder, relative to the working directory (the project root). */
    public static final String DEFAULT_DIR = "certs-dev";

    /** The default contracts folder, holding {@code agencies.yaml}. */
    public static final String DEFAULT_CONTRACTS = "contracts";

    /** Certificates that expire within this time are issued again. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(90);

    /** How far notBefore is backdated, to absorb clock skew between machines. */
    public static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private DevelopmentCertificates() {
    }

    /** Runs {@code dev-certs} standalone and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command {@code dev-certs [--dir DIR] [--contracts DIR] [--renew] [--new-ca] [--help]}: generates the
     * folder (default {@code certs-dev}) from {@code <contracts>/agencies.yaml} (default {@code contracts}), printing
     * a line per certificate issued and a summary line to {@code out}, problems to {@code err}.
     *
     * @return 0 when done (or help was printed), 1 when generation failed (unreadable or invalid directory, broken
     *         CA files, a file that cannot be written), 2 on a usage error (unknown option, missing value)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        return DevCertsCommand.run(args, out, err);
    }

    /**
     * Generates or completes the development PKI in a folder. Reuses the CA in {@code ca/ca.crt} and
     * {@code ca/ca.key} when both exist and match; creates one when both are missing (or on
     * {@link Renewal#EVERYTHING}, or when it expires within {@link #RENEW_BEFORE}). Issues each end-entity
     * certificate that is missing, unreadable, due, not issued by the current CA or naming other identities, and
     * every one on {@link Renewal#LEAVES}. Writes no file whose content would not change.
     *
     * @param folder the output folder; created if absent
     * @param directory the agencies to issue for, all of them, whatever their validity dates
     * @param renewal what to reissue besides what is needed
     * @return what was issued, kept and written
     * @throws IOException if a file cannot be read or written, or only one of the CA files exists, or the CA files
     *         are unreadable or do not match (the message suggests {@code --new-ca})
     */
    public static GenerationSummary generate(Path folder, AgencyDirectory directory, Renewal renewal)
            throws IOException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(renewal, "renewal");
        BouncyCastle.register();
        return new Generator(new PkiLayout(folder), renewal, Instant.now()).generate(directory);
    }

    /**
     * Creates a self-signed development CA with a new EC P-256 key, subject
     * {@code CN=<commonName>,OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION,O=Throughgate}, valid from a day ago for the
     * given time. Tests use it for a CA the hub does not trust.
     *
     * @throws IllegalArgumentException if the common name is blank or the validity is not positive
     */
    public static CertificateAuthority newAuthority(String commonName, Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
        Instant now = Instant.now();
        return CertificateIssuer.newAuthority(
                DevelopmentProfiles.subject(commonName, DevelopmentProfiles.ORGANISATION), now.minus(CLOCK_SKEW),
                now.plus(validity));
    }

    /**
     * Issues a TLS client certificate (extendedKeyUsage clientAuth, keyUsage digitalSignature) with a new EC P-256
     * key, subject {@code CN=<commonName>,OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION,O=Throughgate}, the given subject
     * alternative name URIs and exactly the given validity dates, which may lie in the past: tests use it for
     * expired agency certificates.
     *
     * @param ca the issuing CA
     * @param commonName the subject's common name
     * @param sanUris the subject alternative name URIs, at least one, e.g.
     *        {@code urn:throughgate:agency:yot-camden}
     * @param notBefore the start of validity (whole seconds are kept)
     * @param notAfter the end of validity, after notBefore
     * @throws IllegalArgumentException if a value is blank, a URI is not absolute, there is no URI, or notAfter is
     *         not after notBefore
     */
    public static IssuedCertificate issueClientCertificate(CertificateAuthority ca, String commonName,
            List<String> sanUris, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(ca, "ca");
        BouncyCastle.register();
        return CertificateIssuer.issue(ca, DevelopmentProfiles.client(commonName, sanUris), notBefore, notAfter);
    }

    /**
     * Issues a certificate like {@link #issueClientCertificate} whose extendedKeyUsage allows only TLS server
     * authentication: tests use it for a certificate that must not authenticate a client.
     */
    public static IssuedCertificate issueServerOnlyCertificate(CertificateAuthority ca, String commonName,
            List<String> sanUris, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(ca, "ca");
        BouncyCastle.register();
        return CertificateIssuer.issue(ca, DevelopmentProfiles.serverOnly(commonName, sanUris), notBefore, notAfter);
    }

    /**
     * Issues the CA's certificate revocation list (RFC 5280 section 5), revoking the given serials as of now, due
     * for renewal in a week.
     */
    public static X509CRL revocationList(CertificateAuthority ca, List<BigInteger> serials) {
        Instant now = Instant.now();
        return CertificateIssuer.revocationList(ca, serials, now.minusSeconds(60), now.plus(Duration.ofDays(7)));
    }
}
