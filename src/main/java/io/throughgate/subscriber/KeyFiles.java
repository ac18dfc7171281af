package io.throughgate.subscriber;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import io.throughgate.pki.Keys;
import io.throughgate.pki.Pem;

/** Reads the key material a subscriber needs from PEM files, as {@code certs-dev} lays them out. */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * An inbox reader for the agency, with the hub's signing certificate and the agency's encryption key and
     * certificate.
     *
     * @param agency the code of the agency whose inbox is read
     * @param hubSigningCertificate PEM, the hub's signing certificate first (a chain after it is ignored)
     * @param encryptionKey PEM, the agency's unencrypted PKCS#8 EC P-256 private key
     * @param encryptionCertificate PEM, the agency's encryption certificate first
     * @throws IOException if a file cannot be read or holds no certificate or key; the message names the file
     * @throws IllegalStateException if the key does not belong to the encryption certificate
     */
    static InboxMessageReader reader(String agency, Path hubSigningCertificate, Path encryptionKey,
            Path encryptionCertificate) throws IOException {
        X509Certificate hub = Pem.readCertificates(hubSigningCertificate).get(0);
        PrivateKey key = Pem.readPrivateKey(encryptionKey);
        X509Certificate certificate = Pem.readCertificates(encryptionCertificate).get(0);
        // Checked once here, rather than failing on the first encrypted field.
        if (!Keys.matches(key, certificate.getPublicKey())) {
            throw new IllegalStateException("the encryption key does not belong to the encryption certificate "
                    + certificate.getSubjectX500Principal());
        }
        return new InboxMessageReader(agency, hub, key, certificate);
    }
}
