package io.throughgate.devcerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.throughgate.pki.Keys;
import io.throughgate.pki.Pem;
import io.throughgate.pki.Pkcs12;

/**
 * Decides whether an end-entity certificate on disk can be kept.
 */
final class LeafCheck {

    private LeafCheck() {
    }

    /**
     * Why the certificate must be issued again, or empty when its files are all present and sound: the chain is
     * the certificate then the current CA's, the CA issued it, it is valid after {@code renewBefore}, it has the
     * expected subject, names and kind of key, the key matches, and the key store (if the certificate has one)
     * opens with the password and holds the same chain under the alias.
     */
    static Optional<String> reasonToIssue(LeafFiles files, LeafProfile expected, CertificateAuthority ca,
            Instant renewBefore, char[] password) {
        List<String> missing = files.all().stream().filter(file -> !Files.isRegularFile(file))
                .map(file -> file.getFileName().toString()).toList();
        if (missing.size() == files.all().size()) {
            return Optional.of("missing");
        }
        if (!missing.isEmpty()) {
            return Optional.of("missing " + String.join(", ", missing));
        }
        try {
            List<X509Certificate> chain = Pem.readCertificates(files.certificate());
            X509Certificate leaf = chain.get(0);
            if (!ca.hasIssued(leaf) || chain.size() != 2 || !chain.get(1).equals(ca.certificate())) {
                return Optional.of("not issued by the current CA");
            }
            if (leaf.getNotAfter().toInstant().isBefore(renewBefore)) {
                return Optional.of("expires " + leaf.getNotAfter().toInstant());
            }
            if (!expected.describes(leaf)) {
                return Optional.of("subject or subject alternative names differ from the expected ones");
            }
            if (!expected.key().isKindOf(leaf.getPublicKey())) {
                return Optional.of("its key is " + leaf.getPublicKey().getAlgorithm() + ", not " + expected.key());
            }
            PrivateKey privateKey = Pem.readPrivateKey(files.privateKey());
            if (!Keys.matches(privateKey, leaf.getPublicKey())) {
                return Optional.of(name(files.privateKey()) + " does not match the certificate");
            }
            if (files.keyStore().isEmpty()) {
                return Optional.empty();
            }
            Path keyStoreFile = files.keyStore().get();
            KeyStore keyStore = Pkcs12.read(keyStoreFile, password);
            Certificate[] stored = keyStore.getCertificateChain(files.alias());
            if (!keyStore.isKeyEntry(files.alias()) || stored == null || !Arrays.asList(stored).equals(chain)) {
                return Optional.of(name(keyStoreFile) + " does not hold the key and chain under alias "
                        + files.alias());
            }
            return Optional.empty();
        } catch (IOException | KeyStoreException | IllegalArgumentException e) {
            return Optional.of("unreadable: " + e.getMessage());
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
