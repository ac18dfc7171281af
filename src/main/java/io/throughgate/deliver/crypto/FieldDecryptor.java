package io.throughgate.deliver.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientId;

import io.throughgate.pki.BouncyCastle;
import io.throughgate.pki.Keys;

/**
 * Decrypts a field that {@link FieldEncryptor} encrypted, as the recipient agency does with its encryption key.
 * Stateless and thread-safe.
 */
public final class FieldDecryptor {

    private FieldDecryptor() {
    }

    /**
     * Decrypts a field, step by step:
     * <ol>
     * <li>decode the base64 and parse a ContentInfo holding an AuthEnvelopedData (RFC 5652 section 3, RFC 5083
     * section 2.1) whose content is encrypted with AES-256-GCM (RFC 5084); anything else is refused rather than
     * decrypted with a weaker algorithm;</li>
     * <li>find the KeyAgreeRecipientInfo naming the certificate's issuer and serial number (RFC 5652 sections 6.2.2
     * and 10.2.4); none: the field was encrypted for someone else;</li>
     * <li>check that the private key belongs to the certificate;</li>
     * <li>compute the ECDH shared secret of the private key and the originator's ephemeral public key, derive the
     * key-encryption key with the X9.63 KDF over SHA-256 and ECC-CMS-SharedInfo, and unwrap the content-encryption
     * key with AES key wrap, whose integrity check fails on a wrong key (RFC 5753 sections 3.1.3 and 7.2; RFC 3394
     * section 2.2.3);</li>
     * <li>decrypt the content with AES-256-GCM and verify its tag (RFC 5084 section 3.2); a changed ciphertext
     * fails here;</li>
     * <li>compare the {@link FieldBinding} in the recipient info's {@code ukm} with where the field was found; none,
     * or another record, place or recipient: refused. (The ukm went into the key derivation of step 4: a changed one
     * fails there.)</li>
     * </ol>
     *
     * @param base64Cms the encrypted field, as {@link FieldEncryptor#encrypt} returned it
     * @param recipientKey the recipient agency's encryption private key
     * @param recipientCertificate the recipient agency's encryption certificate
     * @param expected the record, place and recipient where the field was found
     * @return the plaintext bytes
     * @throws FieldDecryptionException if any step fails; the message says which
     */
    public static byte[] decrypt(String base64Cms, PrivateKey recipientKey, X509Certificate recipientCertificate,
            FieldBinding expected) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(base64Cms, "base64Cms");
        Objects.requireNonNull(recipientKey, "recipientKey");
        Objects.requireNonNull(recipientCertificate, "recipientCertificate");
        BouncyCastle.register();
        String subject = recipientCertificate.getSubjectX500Principal().getName();
        // Step 1.
        CMSAuthEnvelopedData enveloped;
        try {
            enveloped = new CMSAuthEnvelopedData(Base64.getDecoder().decode(base64Cms));
        } catch (CMSException | IllegalArgumentException e) {
            throw new FieldDecryptionException("not an encrypted field: expected base64 of a DER CMS "
                    + "AuthEnvelopedData", e);
        }
        if (!CMSAlgorithm.AES256_GCM.getId().equals(enveloped.getEncryptionAlgOID())) {
            throw new FieldDecryptionException("the field is encrypted with " + enveloped.getEncryptionAlgOID()
                    + ", not AES-256-GCM (" + CMSAlgorithm.AES256_GCM.getId() + ")");
        }
        // Step 2.
        RecipientInformation recipient = enveloped.getRecipientInfos()
                .get(new JceKeyAgreeRecipientId(recipientCertificate));
        if (recipient == null) {
            throw new FieldDecryptionException("the field was not encrypted for " + subject
                    + ": no recipient names this certificate's issuer and serial number");
        }
        // Step 3.
        if (!Keys.matches(recipientKey, recipientCertificate.getPublicKey())) {
            throw new FieldDecryptionException("the private key does not belong to the certificate " + subject);
        }
        // Steps 4 and 5.
        byte[] plaintext;
        try {
            plaintext = recipient.getContent(new JceKeyAgreeAuthEnvelopedRecipient(recipientKey)
                    .setProvider(BouncyCastle.PROVIDER));
        } catch (CMSException | RuntimeException e) {
            throw new FieldDecryptionException("the field for " + subject + " cannot be decrypted: the key does not "
                    + "unwrap its content key, or the ciphertext was changed", e);
        }
        // Step 6, once the unwrap has proved the ukm is the hub's.
        Optional<FieldBinding> bound = recipient instanceof KeyAgreeRecipientInformation agreement
                ? FieldBinding.decode(agreement.getUserKeyingMaterial())
                : Optional.empty();
        if (bound.isEmpty()) {
            throw new FieldDecryptionException("the field says nothing of the record, place and recipient it belongs "
                    + "to");
        }
        if (!bound.get().equals(expected)) {
            throw new FieldDecryptionException("the field belongs to " + describe(bound.get()) + ", but was found in "
                    + describe(expected));
        }
        return plaintext;
    }

    private static String describe(FieldBinding binding) {
        return "record " + binding.recordId() + " at " + binding.pointer() + " for " + binding.recipient();
    }
}
