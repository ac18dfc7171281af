package io.throughgate.devcerts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.throughgate.pki.Pem;
import io.throughgate.pki.Pkcs12;

/**
 * The files of one end-entity certificate in the development folder: a PEM chain, a PEM key and, for certificates
 * that Java clients load as key stores, a PKCS#12 file.
 *
 * @param certificate the PEM certificate chain: the certificate, then the CA's
 * @param privateKey the unencrypted PKCS#8 PEM private key
 * @param keyStore the PKCS#12 key store holding the key and the chain; empty for PEM-only certificates such as the
 *        hub's delivery signing certificate
 * @param alias the key store entry's alias; for a PEM-only certificate, just its name
 */
public record LeafFiles(Path certificate, Path privateKey, Optional<Path> keyStore, String alias) {

    public LeafFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(alias, "alias");
    }

    /** Files with a PKCS#12 key store. */
    public LeafFiles(Path certificate, Path privateKey, Path keyStore, String alias) {
        this(certificate, privateKey, Optional.of(Objects.requireNonNull(keyStore, "keyStore")), alias);
    }

    /** PEM files only, without a key store. */
    public static LeafFiles pemOnly(Path certificate, Path privateKey, String name) {
        return new LeafFiles(certificate, privateKey, Optional.empty(), name);
    }

    /** The files, certificate first, then the key, then the key store if there is one. */
    public List<Path> all() {
        List<Path> files = new ArrayList<>(List.of(certificate, privateKey));
        keyStore.ifPresent(files::add);
        return List.copyOf(files);
    }

    /**
     * Writes an issued certificate: its chain, its key, and a key store protected by the password if there is one,
     * replacing the files and creating their folder.
     *
     * @throws IOException if a file cannot be written
     */
    public void write(IssuedCertificate issued, char[] password) throws IOException {
        Objects.requireNonNull(issued, "issued");
        Pem.writeCertificates(certificate, issued.chain());
        Pem.writePrivateKey(privateKey, issued.privateKey());
        if (keyStore.isPresent()) {
            Pkcs12.writeKeyStore(keyStore.get(), alias, issued.privateKey(), issued.chain(), password);
        }
    }
}
