package io.throughgate.deliver.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import io.throughgate.pki.Pem;

/** The committed development key material of certs-dev, read by the crypto tests. */
final class DevKeys {

    static final Path CERTS = Path.of("certs-dev");

    private DevKeys() {
    }

    static X509Certificate hubSigningCertificate() {
        return certificate(CERTS.resolve("hub/signing.crt"));
    }

    static PrivateKey hubSigningKey() {
        return key(CERTS.resolve("hub/signing.key"));
    }

    static X509Certificate encryptionCertificate(String code) {
        return certificate(CERTS.resolve("agencies").resolve(code).resolve(code + "-encryption.crt"));
    }

    static PrivateKey encryptionKey(String code) {
        return key(CERTS.resolve("agencies").resolve(code).resolve(code + "-encryption.key"));
    }

    static X509Certificate certificate(Path file) {
        try {
            return Pem.readCertificates(file).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrivateKey key(Path file) {
        try {
            return Pem.readPrivateKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
