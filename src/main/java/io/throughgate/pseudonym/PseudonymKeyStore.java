package io.throughgate.pseudonym;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

/**
 * Reads and creates the PKCS#12 key store (RFC 7292) of pseudonymisation master keys: one HmacSHA256 secret key
 * entry per key id. Rotation: add an entry with a higher id (e.g. {@code k2}) with
 * {@link #addKey(Path, char[], String)} and restart every replica with the new store.
 */
public final class PseudonymKeyStore {

    private static final int KEY_BYTES = 32;

    private PseudonymKeyStore() {
    }

    /**
     * Loads the keyring.
     *
     * @param file the key store
     * @param password its password
     * @param activeKeyId the active key id, or empty for the highest
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalStateException if it is not a key store of pseudonym keys or the password is wrong
     */
    public static PseudonymKeyring load(Path file, char[] password, Optional<String> activeKeyId) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Map<String, byte[]> keys = new HashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getEntry(alias,
                        new KeyStore.PasswordProtection(password)) instanceof KeyStore.SecretKeyEntry entry) {
                    keys.put(alias, entry.getSecretKey().getEncoded());
                }
            }
            String active = activeKeyId.orElseGet(() -> keys.keySet().stream().max(String::compareTo).orElse(""));
            return new PseudonymKeyring(keys, active);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym key store " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the pseudonym key store " + file.toAbsolutePath() + " is unusable: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Adds a new random 256-bit key to a key store, creating the store when it does not exist.
     *
     * @param file the key store
     * @param password its password
     * @param keyId the new key's id
     * @throws IllegalStateException if the key id is already used
     */
    public static void addKey(Path file, char[] password, String keyId) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (store.containsAlias(keyId)) {
                throw new IllegalStateException("pseudonym key " + keyId + " already exists in " + file);
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            store.setEntry(keyId, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "HmacSHA256")),
                    new KeyStore.PasswordProtection(password));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pseudonym key store " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the pseudonym key store: " + e.getMessage(), e);
        }
    }
}
