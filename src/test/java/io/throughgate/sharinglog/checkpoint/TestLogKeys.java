package io.throughgate.sharinglog.checkpoint;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.throughgate.pki.Pem;

/** Fresh Ed25519 sharing-log keys with self-signed certificates, written as PEM files, for tests. */
public final class TestLogKeys {

    /** The key name of the test keys, as the hub's default origin. */
    public static final String KEY_NAME = "throughgate/sharing-log";

    private TestLogKeys() {
    }

    /** The files of a key. */
    public record KeyFiles(Path privateKey, Path certificate) {

        /** Loads the key under {@link #KEY_NAME}. */
        public LogSigningKey load() {
            return LogSigningKey.load(privateKey, certificate, KEY_NAME);
        }
    }

    /** Generates a key and writes {@code <name>.key} and {@code <name>.crt} into the folder. */
    public static KeyFiles write(Path folder, String name) throws IOException {
        KeyPair keys = generate();
        KeyFiles files = new KeyFiles(folder.resolve(name + ".key"), folder.resolve(name + ".crt"));
        Pem.writePrivateKey(files.privateKey(), keys.getPrivate());
        Pem.writeCertificates(files.certificate(), List.of(selfSigned(keys, KeyUsage.digitalSignature)));
        return files;
    }

    /** A new Ed25519 key pair from the JDK. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate of the key pair with the given keyUsage bits. */
    public static X509Certificate selfSigned(KeyPair keys, int keyUsage) {
        X500Name subject = new X500Name("O=Throughgate,CN=Test sharing-log signing");
        Instant now = Instant.now();
        try {
            Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
            Date notAfter = Date.from(now.plus(Duration.ofDays(30)));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(now.toEpochMilli()), notBefore, notAfter, subject, keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(
                    "Ed25519").build(keys.getPrivate())));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
