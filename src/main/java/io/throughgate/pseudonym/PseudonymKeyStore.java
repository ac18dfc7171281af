package io.throughgate.pseudonym;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PKCS12Attribute;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

/**
 * The PKCS#12 store of the pseudonymisation master keys: HmacSHA256 secret keys, the alias being the key id. Which
 * key is active is written in the store itself, as a PKCS#12 bag attribute (RFC 7292 section 4.2) on exactly one
 * key, so that every replica given the store makes new pseudonyms with the same key and no ordering of key ids
 * decides it.
 */
public final class PseudonymKeyStore {

    /**
     * The bag attribute that marks the active key. The object identifier is under {@code 2.25} (ITU-T X.667: an OID
     * made from a UUID, which needs no registration).
     */
    static final String ACTIVE_ATTRIBUTE = "2.25.147696104456295289872282770065193663513";

    private static final String ACTIVE = "active";
    private static final int KEY_BYTES = 32;
    private static final Pattern NUMBERED = Pattern.compile("k(\\d{1,9})");

    private PseudonymKeyStore() {
    }

    /**
     * Loads the keyring.
     *
     * @param file the key store
     * @param password its password
     * @param activeKeyId the active key id to use instead of the store's mark; empty to use the mark
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalStateException if it is not a key store of pseudonym keys, the password is wrong, or it holds
     *         several keys and marks none (or more than one) as active
     */
    public static PseudonymKeyring load(Path file, char[] password, Optional<String> activeKeyId) {
        try {
            KeyStore store = read(file, password);
            Map<String, byte[]> keys = new HashMap<>();
            List<String> marked = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getEntry(alias,
                        new KeyStore.PasswordProtection(password)) instanceof KeyStore.SecretKeyEntry entry) {
                    keys.put(alias, entry.getSecretKey().getEncoded());
                    if (isMarkedActive(entry)) {
                        marked.add(alias);
                    }
                }
            }
            String active = activeKeyId.orElseGet(() -> markedActive(file, keys.keySet(), marked));
            return new PseudonymKeyring(keys, active);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pseudonym key store " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the pseudonym key store " + file.toAbsolutePath() + " is unusable: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Adds a new random 256-bit key to a key store, creating the store when it does not exist. The first key of a
     * new store is active; a key added to a store is not, until {@link #activate activated}.
     *
     * @param file the key store
     * @param password its password
     * @param keyId the new key's id
     * @throws IllegalStateException if the key id is already used
     */
    public static void addKey(Path file, char[] password, String keyId) {
        update(file, password, store -> {
            if (store.containsAlias(keyId)) {
                throw new IllegalStateException("pseudonym key " + keyId + " already exists in " + file);
            }
            boolean first = !store.aliases().hasMoreElements();
            store.setEntry(keyId, entry(newKey(), first), new KeyStore.PasswordProtection(password));
        });
    }

    /**
     * Rotates: adds a new random key, named {@code k<n+1>} after the highest numbered key {@code k<n>}, and makes
     * it the active key.
     *
     * @return the new key's id
     */
    public static String rotate(Path file, char[] password) {
        String[] added = new String[1];
        update(file, password, store -> {
            int highest = 0;
            for (String alias : Collections.list(store.aliases())) {
                Matcher numbered = NUMBERED.matcher(alias);
                if (numbered.matches()) {
                    highest = Math.max(highest, Integer.parseInt(numbered.group(1)));
                }
            }
            added[0] = "k" + (highest + 1);
            store.setEntry(added[0], entry(newKey(), false), new KeyStore.PasswordProtection(password));
            mark(store, password, added[0]);
        });
        return added[0];
    }

    /**
     * Makes a key of the store the active one.
     *
     * @throws IllegalStateException if the store has no such key
     */
    public static void activate(Path file, char[] password, String keyId) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("the pseudonym key store " + file + " does not exist");
        }
        update(file, password, store -> {
            if (!store.containsAlias(keyId)) {
                throw new IllegalStateException("pseudonym key " + keyId + " is not in " + file);
            }
            mark(store, password, keyId);
        });
    }

    private static String markedActive(Path file, Set<String> keyIds, List<String> marked) {
        if (marked.size() == 1) {
            return marked.get(0);
        }
        if (marked.isEmpty() && keyIds.size() == 1) {
            return keyIds.iterator().next();
        }
        throw new IllegalStateException("the pseudonym key store " + file.toAbsolutePath() + " marks "
                + (marked.isEmpty() ? "no key" : "keys " + marked) + " as active among " + keyIds.stream().sorted()
                        .toList()
                + "; mark one with: pseudonym-keys activate KEY-ID --keystore FILE --password PASSWORD");
    }

    private static void mark(KeyStore store, char[] password, String activeKeyId) throws GeneralSecurityException {
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        for (String alias : Collections.list(store.aliases())) {
            if (store.getEntry(alias, protection) instanceof KeyStore.SecretKeyEntry entry) {
                store.setEntry(alias, entry(entry.getSecretKey().getEncoded(), alias.equals(activeKeyId)),
                        protection);
            }
        }
    }

    private static boolean isMarkedActive(KeyStore.SecretKeyEntry entry) {
        return entry.getAttributes().stream().anyMatch(attribute -> attribute.getName().equals(ACTIVE_ATTRIBUTE)
                && attribute.getValue().equals(ACTIVE));
    }

    private static KeyStore.SecretKeyEntry entry(byte[] key, boolean active) {
        Set<KeyStore.Entry.Attribute> attributes = active
                ? Set.of(new PKCS12Attribute(ACTIVE_ATTRIBUTE, ACTIVE))
                : Set.of();
        return new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "HmacSHA256"), attributes);
    }

    private static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static KeyStore read(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    /** A change to a key store, written back only when it succeeds. */
    private interface StoreChange {

        void apply(KeyStore store) throws GeneralSecurityException;
    }

    private static void update(Path file, char[] password, StoreChange change) {
        try {
            KeyStore store;
            if (Files.exists(file)) {
                store = read(file, password);
            } else {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, password);
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            change.apply(store);
            Path written = file.resolveSibling(file.getFileName() + ".new");
            try (OutputStream out = Files.newOutputStream(written)) {
                store.store(out, password);
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pseudonym key store " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the pseudonym key store: " + e.getMessage(), e);
        }
    }
}
