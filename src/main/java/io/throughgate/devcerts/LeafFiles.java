package io.throughgate.devcerts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.throughgate.pki.Pem;
import io.throughgate.pki.Pkcs12;

/**
 * The three files of one end-entity certificate in the development folder.
 *
 * @param certificate the PEM certificate chain: the certificate, then the CA's
 * @param privateKey the unencrypted PKCS#8 PEM private key
 * @param keyStore the PKCS#12 key store holding the key and the chain
 * @param alias the key store entry's alias
 */
public record LeafFiles(Path certificate, Path privateKey, Path keyStore, String alias) {

    public LeafFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(alias, "alias");
    }

    /** The three files, certificate first. */
    public List<Path> all() {
        return List.of(certificate, privateKey, keyStore);
    }

    /**
     * Writes an issued certificate: its chain, its key, and a key store protected by the password, replacing the
     * files and creating their folder.
     *
     * @throws IOException if a file cannot be written
     */
    public void write(IssuedCertificate issued, char[] password) throws IOException {
        Objects.requireNonNull(issued, "issued");
        Pem.writeCertificates(certificate, issued.chain());
        Pem.writePrivateKey(privateKey, issued.privateKey());
        Pkcs12.writeKeyStore(keyStore, alias, issued.privateKey(), issued.chain(), password);
    }
}
