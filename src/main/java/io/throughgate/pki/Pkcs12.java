package io.throughgate.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes PKCS#12 key stores (RFC 7292) with the JDK's {@code KeyStore.getInstance("PKCS12")}. Since JDK
 * 17 its defaults protect keys and certificates with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) and the integrity MAC
 * with HMAC-SHA256 (the {@code keystore.pkcs12.*} security properties), which OpenSSL 3, curl and browsers read.
 */
public final class Pkcs12 {

    private Pkcs12() {
    }

    /**
     * Writes a key store holding one private key entry, creating parent folders and replacing the file.
     *
     * @param file the file to write
     * @param alias the entry's alias (its "friendly name" attribute)
     * @param privateKey the key
     * @param chain the key's certificate first, then its issuers
     * @param password the store's and the key's password
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the chain is empty or its first certificate does not match the key
     */
    public static void writeKeyStore(Path file, String alias, PrivateKey privateKey, List<X509Certificate> chain,
            char[] password) throws IOException {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(password, "password");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("chain for alias " + alias + " is empty; the key's certificate is "
                    + "required");
        }
        if (!Keys.matches(privateKey, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("the private key for alias " + alias + " does not match certificate "
                    + chain.get(0).getSubjectX500Principal());
        }
        write(file, password, store -> store.setKeyEntry(alias, privateKey, password,
                chain.toArray(new X509Certificate[0])));
    }

    /**
     * Writes a trust store holding one trusted certificate entry, for Java clients ({@code javax.net.ssl.trustStore}).
     * The JDK marks the entry as trusted for any purpose, so SunJSSE accepts it as a trust anchor.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writeTrustStore(Path file, String alias, X509Certificate certificate, char[] password)
            throws IOException {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(password, "password");
        write(file, password, store -> store.setCertificateEntry(alias, certificate));
    }

    /**
     * Opens a PKCS#12 file.
     *
     * @throws IOException if the file cannot be read, is not PKCS#12, or the password is wrong; the message names
     *         the file
     */
    public static KeyStore read(Path file, char[] password) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        byte[] content = Files.readAllBytes(file);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException(file + " is not a PKCS#12 file this password opens: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, char[] password, Entries entries) throws IOException {
        Objects.requireNonNull(file, "file");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            entries.addTo(store);
            store.store(content, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot write PKCS#12 key stores", e);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, content.toByteArray());
    }

    @FunctionalInterface
    private interface Entries {

        void addTo(KeyStore store) throws GeneralSecurityException;
    }
}
