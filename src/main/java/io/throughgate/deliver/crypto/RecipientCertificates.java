package io.throughgate.deliver.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.throughgate.directory.Agency;
import io.throughgate.pki.CertificateIdentities;
import io.throughgate.pki.Pem;
import io.throughgate.pki.TrustedAuthorities;

/**
 * The field encryption certificate of each agency, loaded once from a folder laid out as {@code certs-dev}
 * ({@code agencies/<code>/<code>-encryption.crt}, the certificate then its CA's) and kept in memory. A certificate
 * is accepted only if, step by step:
 * <ol>
 * <li>its file is a readable PEM chain, leaf first;</li>
 * <li>the chain validates to one of the trusted CAs at the load time (RFC 5280 section 6.1; revocation is not
 * checked, see {@link TrustedAuthorities#validatePath});</li>
 * <li>its subject alternative name URIs (RFC 5280 section 4.2.1.6) name that agency,
 * {@code urn:throughgate:agency:<code>}, and no other agency;</li>
 * <li>its key can receive encrypted fields: EC P-256, keyUsage allowing keyAgreement (RFC 5280 section 4.2.1.3).</li>
 * </ol>
 * Others are skipped, each with a reason ({@link #rejected()}): the hub then has no certificate for that agency,
 * and a field the agreement says to encrypt for it cannot be delivered. Immutable and thread-safe.
 */
public final class RecipientCertificates {

    /** An agency code, as a folder name: a lowercase slug, never a path. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<String, X509Certificate> certificates;
    private final Map<String, String> rejected;

    private RecipientCertificates(Map<String, X509Certificate> certificates, Map<String, String> rejected) {
        this.certificates = Collections.unmodifiableMap(new TreeMap<>(certificates));
        this.rejected = Collections.unmodifiableMap(new TreeMap<>(rejected));
    }

    /**
     * Loads every agency folder under {@code <root>/agencies}, validating at the current time.
     *
     * @throws UncheckedIOException if {@code <root>/agencies} is not a readable folder
     */
    public static RecipientCertificates load(Path root, TrustedAuthorities authorities) {
        return load(root, authorities, Instant.now());
    }

    /**
     * Loads every agency folder under {@code <root>/agencies}, validating certificates at the given time.
     *
     * @param root the folder, e.g. {@code certs-dev}
     * @param authorities the CAs that issue agencies' encryption certificates
     * @param at the validation time, normally now
     * @throws UncheckedIOException if {@code <root>/agencies} is not a readable folder
     */
    public static RecipientCertificates load(Path root, TrustedAuthorities authorities, Instant at) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(authorities, "authorities");
        Objects.requireNonNull(at, "at");
        Path agencies = root.resolve("agencies");
        Map<String, X509Certificate> accepted = new TreeMap<>();
        Map<String, String> rejected = new TreeMap<>();
        try (Stream<Path> folders = Files.list(agencies)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String code = folder.getFileName().toString();
                if (!CODE.matcher(code).matches()) {
                    continue;
                }
                Path file = folder.resolve(code + "-encryption.crt");
                try {
                    accepted.put(code, accept(code, file, authorities, at));
                } catch (RejectedException e) {
                    rejected.put(code, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the agency certificate folders in " + agencies, e);
        }
        return new RecipientCertificates(accepted, rejected);
    }

    /** The agency's encryption certificate, if one was found and accepted. */
    public Optional<X509Certificate> forAgency(String code) {
        return Optional.ofNullable(certificates.get(Objects.requireNonNull(code, "code")));
    }

    /** The codes of the agencies with an accepted certificate, sorted. */
    public Set<String> agencies() {
        return certificates.keySet();
    }

    /** The agencies whose folder held no acceptable certificate, each with why, sorted by code. */
    public Map<String, String> rejected() {
        return rejected;
    }

    /** Why the agency's certificate was not accepted; empty if it was, or if the agency has no folder. */
    public Optional<String> rejection(String code) {
        return Optional.ofNullable(rejected.get(Objects.requireNonNull(code, "code")));
    }

    private static X509Certificate accept(String code, Path file, TrustedAuthorities authorities, Instant at)
            throws RejectedException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new RejectedException(name + " is missing");
        }
        // Step 1.
        List<X509Certificate> chain;
        try {
            chain = Pem.readCertificates(file);
        } catch (IOException e) {
            throw new RejectedException(name + " is unreadable: " + e.getMessage());
        }
        X509Certificate certificate = chain.get(0);
        // Step 2.
        try {
            authorities.validatePath(chain, at);
        } catch (GeneralSecurityException e) {
            throw new RejectedException(name + " does not validate to a trusted CA at " + at + ": "
                    + e.getMessage());
        }
        // Step 3.
        String identity = Agency.IDENTITY_PREFIX + code;
        List<String> agencyUris = CertificateIdentities.sanUris(certificate).stream()
                .filter(uri -> uri.startsWith(Agency.IDENTITY_PREFIX)).toList();
        if (!agencyUris.equals(List.of(identity))) {
            throw new RejectedException(name + " names " + (agencyUris.isEmpty() ? "no agency" : agencyUris)
                    + ", not only " + identity);
        }
        // Step 4.
        Optional<String> problem = EncryptionKeyCheck.problem(certificate);
        if (problem.isPresent()) {
            throw new RejectedException(name + ": " + problem.get());
        }
        return certificate;
    }

    /** A certificate that is skipped; the message is the reason. */
    private static final class RejectedException extends Exception {

        private static final long serialVersionUID = 1L;

        RejectedException(String reason) {
            super(reason, null, false, false);
        }
    }
}
