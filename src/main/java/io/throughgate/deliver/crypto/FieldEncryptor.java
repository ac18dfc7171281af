package io.throughgate.deliver.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.operator.OutputAEADEncryptor;

import io.throughgate.pki.BouncyCastle;

/**
 * Encrypts one field value for one recipient agency, so that only the holder of that agency's encryption key reads
 * it (the {@code encrypt} action of a sharing agreement). The result is a CMS message any CMS library opens
 * (OpenSSL 3: {@code openssl cms -decrypt -inform DER}).
 *
 * <p>
 * Choice of structure: AuthEnvelopedData (RFC 5083) with AES-256-GCM (RFC 5084), not EnvelopedData (RFC 5652
 * section 6) with AES-256-CBC. Bouncy Castle 1.83's {@link CMSAuthEnvelopedDataGenerator} accepts key agreement
 * recipients (a RecipientInfo is the same RFC 5652 section 6.2 structure in both), and GCM authenticates the
 * ciphertext: CBC alone would let a changed ciphertext decrypt to changed plaintext without any error. The
 * recipient's part is unchanged from EnvelopedData. Step by step:
 * <ol>
 * <li>generate a random 256-bit content-encryption key (RFC 5652 section 6.3) and a random 12-octet GCM nonce
 * (RFC 5084 section 3.2), new for every call;</li>
 * <li>encrypt the value with AES-256-GCM under it, with a 16-octet authentication tag, and put the tag in
 * AuthEnvelopedData's {@code mac} (RFC 5083 section 2.1, RFC 5084 section 3.2); the content type is
 * {@code id-data} (RFC 5652 section 4), so no authenticated attributes are required;</li>
 * <li>generate an ephemeral EC P-256 key pair (RFC 5753 section 3.1.2: ephemeral-static ECDH, sending agent) and compute the ECDH
 * shared secret with the recipient certificate's public key, {@code dhSinglePass-stdDH-sha256kdf-scheme}
 * (RFC 5753 section 7.1.4; SEC 1 v2 section 3.3.1);</li>
 * <li>derive a 256-bit key-encryption key from it with the ANSI X9.63 KDF over SHA-256 and the DER
 * ECC-CMS-SharedInfo naming {@code id-aes256-wrap}, whose {@code entityUInfo} is the field's {@link FieldBinding},
 * sent as the recipient info's {@code ukm} (RFC 5753 sections 7.2 and 8; SEC 1 v2 section 3.6.1);</li>
 * <li>wrap the content-encryption key with AES key wrap (RFC 3394) under the key-encryption key, in a
 * KeyAgreeRecipientInfo (RFC 5652 section 6.2.2) whose originator is the ephemeral public key and whose recipient
 * is identified by the certificate's issuer and serial number;</li>
 * <li>DER-encode the ContentInfo (RFC 5652 section 3, X.690) and base64 it (RFC 4648 section 4).</li>
 * </ol>
 * The ephemeral private key is dropped after the call, so the hub itself cannot decrypt what it encrypted.
 *
 * <p>
 * Thread-safe: every call builds its own generators; the shared {@link SecureRandom} is safe for concurrent use.
 * Bouncy Castle does the CMS work (its {@code ECDHwithSHA256KDF} key agreement has no JDK equivalent).
 */
public final class FieldEncryptor {

    private final SecureRandom random = new SecureRandom();

    public FieldEncryptor() {
        BouncyCastle.register();
    }

    /**
     * Encrypts a value for a recipient.
     *
     * @param plaintext the field value's bytes (for a JSON value, its UTF-8 encoding)
     * @param recipientEncryptionCertificate the recipient agency's encryption certificate, already validated (see
     *        {@link RecipientCertificates})
     * @param binding the record, place and recipient the field belongs to
     * @return base64 of the DER-encoded CMS ContentInfo holding the AuthEnvelopedData; different on every call
     * @throws IllegalArgumentException if the certificate's key is not EC P-256 or its keyUsage does not allow
     *         keyAgreement
     * @throws IllegalStateException if the cryptographic providers fail (not expected)
     */
    public String encrypt(byte[] plaintext, X509Certificate recipientEncryptionCertificate, FieldBinding binding) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(binding, "binding");
        X509Certificate recipient = Objects.requireNonNull(recipientEncryptionCertificate,
                "recipientEncryptionCertificate");
        check(recipient);
        try {
            // Steps 3 to 5: one ephemeral key pair per message, used for this recipient only.
            KeyPair ephemeral = ephemeralKeyPair();
            JceKeyAgreeRecipientInfoGenerator recipientInfo = new JceKeyAgreeRecipientInfoGenerator(
                    CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(), ephemeral.getPublic(),
                    CMSAlgorithm.AES256_WRAP).setProvider(BouncyCastle.PROVIDER).setSecureRandom(random);
            recipientInfo.addRecipient(recipient);
            CMSAuthEnvelopedDataGenerator generator = new CMSAuthEnvelopedDataGenerator();
            recipientInfo.setUserKeyingMaterial(binding.encoded());
            generator.addRecipientInfoGenerator(recipientInfo);
            // Steps 1 and 2: the builder makes a fresh key and nonce on every build().
            OutputAEADEncryptor contentEncryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                    CMSAlgorithm.AES256_GCM).setProvider(BouncyCastle.PROVIDER).setSecureRandom(random).build();
            CMSAuthEnvelopedData enveloped = generator.generate(new CMSProcessableByteArray(plaintext),
                    contentEncryptor);
            // Step 6.
            return Base64.getEncoder().encodeToString(enveloped.toASN1Structure().getEncoded(ASN1Encoding.DER));
        } catch (CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot encrypt for " + recipient.getSubjectX500Principal() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Bouncy Castle's generator: several times faster than SunEC's pure-Java P-256 on Java 17. */
    private KeyPair ephemeralKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an ephemeral EC P-256 key pair", e);
        }
    }

    private static void check(X509Certificate recipient) {
        EncryptionKeyCheck.problem(recipient).ifPresent(problem -> {
            throw new IllegalArgumentException("the certificate " + recipient.getSubjectX500Principal()
                    + " cannot receive encrypted fields: " + problem);
        });
    }
}
