package io.throughgate.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes certificates and private keys in PEM (RFC 7468): certificates as {@code CERTIFICATE} blocks,
 * private keys as unencrypted PKCS#8 {@code PRIVATE KEY} blocks (RFC 5958), the forms OpenSSL, curl and most
 * servers accept. Keys and certificates come out as the JDK's own objects, usable with SunJSSE.
 */
public final class Pem {

    private static final Map<ASN1ObjectIdentifier, String> JDK_KEY_ALGORITHMS = Map.of(
            X9ObjectIdentifiers.id_ecPublicKey, "EC", PKCSObjectIdentifiers.rsaEncryption, "RSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519");

    private Pem() {
    }

    /**
     * Reads every X.509 certificate of a PEM file, in file order (for a chain: the leaf first). Blocks of other
     * types (a private key in a combined file) and text between blocks are ignored.
     *
     * @param file a PEM file
     * @return the certificates, at least one
     * @throws IOException if the file cannot be read, is not PEM, or holds no certificate; the message names the
     *         file
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        String text = Files.readString(Objects.requireNonNull(file, "file"), StandardCharsets.ISO_8859_1);
        try {
            return readCertificates(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every X.509 certificate of a PEM text, in order. Blocks of other types are ignored.
     *
     * @param pem PEM text
     * @return the certificates, at least one
     * @throws IllegalArgumentException if the text is not PEM, a certificate block cannot be decoded, or there is no
     *         certificate
     */
    public static List<X509Certificate> readCertificates(String pem) {
        Objects.requireNonNull(pem, "pem");
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                } else if (object instanceof X509TrustedCertificateBlock trusted) {
                    certificates.add(converter.getCertificate(trusted.getCertificateHolder()));
                }
            }
        } catch (IOException | CertificateException | IllegalStateException e) {
            // Bouncy Castle reports bad base64 with DecoderException, an IllegalStateException.
            throw new IllegalArgumentException("not a valid PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block found");
        }
        return List.copyOf(certificates);
    }

    /**
     * Reads the one unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}) of a PEM file.
     *
     * @param file a PEM file
     * @return the private key (for Throughgate, an EC P-256 key, or Ed25519 for the sharing-log key)
     * @throws IOException if the file cannot be read or does not hold exactly one unencrypted PKCS#8 private key;
     *         the message names the file
     */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String text = Files.readString(Objects.requireNonNull(file, "file"), StandardCharsets.ISO_8859_1);
        try {
            return readPrivateKey(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the one unencrypted PKCS#8 private key of a PEM text. Other block types (certificates) are ignored.
     *
     * @param pem PEM text
     * @return the private key
     * @throws IllegalArgumentException if the text is not PEM, the key is encrypted or in the traditional
     *         {@code EC PRIVATE KEY} form, cannot be decoded, or there is not exactly one key
     */
    public static PrivateKey readPrivateKey(String pem) {
        try {
            return toJdkKey(readPrivateKeyInfo(pem));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid PEM private key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the one unencrypted PKCS#8 private key of a PEM text as its ASN.1 structure (RFC 5958), for keys the JDK
     * objects do not serve (the sharing log's Ed25519 key is used with Bouncy Castle's lightweight API).
     *
     * @throws IllegalArgumentException as {@link #readPrivateKey(String)}
     */
    public static PrivateKeyInfo readPrivateKeyInfo(String pem) {
        Objects.requireNonNull(pem, "pem");
        List<PrivateKeyInfo> keys = new ArrayList<>();
        for (Object object : blocks(pem, "not a valid PEM private key")) {
            if (object instanceof PrivateKeyInfo info) {
                keys.add(info);
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new IllegalArgumentException("the private key is encrypted; an unencrypted PKCS#8 key is "
                        + "required");
            } else if (object instanceof PEMKeyPair) {
                throw new IllegalArgumentException("the private key is in the traditional form, not PKCS#8; "
                        + "convert it with: openssl pkcs8 -topk8 -nocrypt");
            }
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException("expected exactly one PRIVATE KEY block, found " + keys.size());
        }
        return keys.get(0);
    }

    /**
     * The public key of the first certificate or {@code PUBLIC KEY} block of a PEM text, as its SubjectPublicKeyInfo
     * (RFC 5280 section 4.1.2.7).
     *
     * @throws IllegalArgumentException if the text is not PEM or holds neither
     */
    public static SubjectPublicKeyInfo readPublicKeyInfo(String pem) {
        Objects.requireNonNull(pem, "pem");
        for (Object object : blocks(pem, "not valid PEM")) {
            if (object instanceof X509CertificateHolder holder) {
                return holder.getSubjectPublicKeyInfo();
            } else if (object instanceof X509TrustedCertificateBlock trusted) {
                return trusted.getCertificateHolder().getSubjectPublicKeyInfo();
            } else if (object instanceof SubjectPublicKeyInfo info) {
                return info;
            }
        }
        throw new IllegalArgumentException("no CERTIFICATE or PUBLIC KEY block found");
    }

    /** Every block of a PEM text, as Bouncy Castle's parser reads it. */
    private static List<Object> blocks(String pem, String whatFailed) {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                blocks.add(object);
            }
        } catch (IOException | IllegalStateException e) {
            // Bouncy Castle reports bad base64 with DecoderException, an IllegalStateException.
            throw new IllegalArgumentException(whatFailed + ": " + e.getMessage(), e);
        }
        return blocks;
    }

    /**
     * Encodes certificates as consecutive PEM {@code CERTIFICATE} blocks, in the given order.
     *
     * @throws IllegalArgumentException if the list is empty
     */
    public static String toPem(List<X509Certificate> certificates) {
        Objects.requireNonNull(certificates, "certificates");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("certificates is empty; at least one certificate is required");
        }
        return write(writer -> {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        });
    }

    /** Encodes a private key as an unencrypted PKCS#8 PEM {@code PRIVATE KEY} block. */
    public static String toPem(PrivateKey privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        return write(writer -> writer.writeObject(new JcaPKCS8Generator(privateKey, null)));
    }

    /**
     * Writes certificates to a PEM file (see {@link #toPem(List)}), creating parent folders and replacing the file.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        writeText(file, toPem(certificates));
    }

    /**
     * Writes a private key to a PEM file as unencrypted PKCS#8, creating parent folders and replacing the file.
     * Anyone who can read the file has the key: use it for development material only, or protect the file.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writePrivateKey(Path file, PrivateKey privateKey) throws IOException {
        writeText(file, toPem(privateKey));
    }

    /**
     * Converts with the JDK's own key factory when it has one for the algorithm. Left to itself the converter asks
     * for an "ECDSA" key factory, which only Bouncy Castle has, and would return a Bouncy Castle key; a SunEC key is
     * what SunJSSE and the JDK's PKCS#12 key store are tested with.
     */
    private static PrivateKey toJdkKey(PrivateKeyInfo info) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        String algorithm = JDK_KEY_ALGORITHMS.get(info.getPrivateKeyAlgorithm().getAlgorithm());
        if (algorithm != null) {
            try {
                converter.setProvider(KeyFactory.getInstance(algorithm).getProvider());
            } catch (NoSuchAlgorithmException e) {
                // No JDK key factory: let the converter find one.
            }
        }
        return converter.getPrivateKey(info);
    }

    private static void writeText(Path file, String text) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static String write(PemBody body) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            body.writeTo(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PEM", e);
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface PemBody {

        void writeTo(JcaPEMWriter writer) throws IOException;
    }
}
