package io.throughgate.deliver.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.junit.jupiter.api.Test;

import io.throughgate.pki.BouncyCastle;

class FieldEncryptionTest {

    private static final byte[] NHS_NUMBER = "\"9434765919\"".getBytes(StandardCharsets.UTF_8);
    private static final String CAMDEN = "yot-camden";
    private static final String FELTHAM = "yoi-feltham";
    private static final String RECORD_ID = "3b0c6f1e-8a2d-4c59-9e71-5d4a2b8c0f16";
    private static final FieldBinding IN_CAMDENS_COPY = new FieldBinding(RECORD_ID, "/subject/nhsNumber", CAMDEN);

    static {
        BouncyCastle.register();
    }

    private final FieldEncryptor encryptor = new FieldEncryptor();
    private final X509Certificate camden = DevKeys.encryptionCertificate(CAMDEN);

    @Test
    void recipientDecryptsAFieldEncryptedForItsCertificate() {
        String encrypted = encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY);

        assertArrayEquals(NHS_NUMBER,
                FieldDecryptor.decrypt(encrypted, DevKeys.encryptionKey(CAMDEN), camden, IN_CAMDENS_COPY));
    }

    @Test
    void anotherAgencyWithItsOwnKeyAndCertificateIsNotARecipient() {
        String encrypted = encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY);

        FieldDecryptionException failure = assertThrows(FieldDecryptionException.class,
                () -> FieldDecryptor.decrypt(encrypted, DevKeys.encryptionKey(FELTHAM),
                        DevKeys.encryptionCertificate(FELTHAM), IN_CAMDENS_COPY));

        assertTrue(failure.getMessage().startsWith("the field was not encrypted for CN=yoi-feltham field encryption"),
                failure.getMessage());
    }

    @Test
    void anotherAgencyKeyPresentedWithTheRecipientCertificateIsRefused() {
        String encrypted = encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY);

        FieldDecryptionException failure = assertThrows(FieldDecryptionException.class,
                () -> FieldDecryptor.decrypt(encrypted, DevKeys.encryptionKey(FELTHAM), camden, IN_CAMDENS_COPY));

        assertTrue(failure.getMessage().startsWith("the private key does not belong to the certificate CN=yot-camden"),
                failure.getMessage());
    }

    @Test
    void everyEncryptionDiffersButDecryptsToTheSameValue() {
        String first = encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY);
        String second = encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY);

        assertNotEquals(first, second);
        assertArrayEquals(NHS_NUMBER,
                FieldDecryptor.decrypt(first, DevKeys.encryptionKey(CAMDEN), camden, IN_CAMDENS_COPY));
        assertArrayEquals(NHS_NUMBER,
                FieldDecryptor.decrypt(second, DevKeys.encryptionKey(CAMDEN), camden, IN_CAMDENS_COPY));
    }

    @Test
    void aFieldMovedToAnotherRecordOrPlaceOrRecipientFailsToOpen() {
        String encrypted = encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY);

        for (FieldBinding elsewhere : List.of(new FieldBinding("9d2e4f6a-1b3c-4d5e-8f70-a1b2c3d4e5f6",
                "/subject/nhsNumber", CAMDEN), new FieldBinding(RECORD_ID, "/body/releaseAddress/postcode", CAMDEN),
                new FieldBinding(RECORD_ID, "/subject/nhsNumber", FELTHAM))) {
            FieldDecryptionException failure = assertThrows(FieldDecryptionException.class,
                    () -> FieldDecryptor.decrypt(encrypted, DevKeys.encryptionKey(CAMDEN), camden, elsewhere));
            assertEquals("the field belongs to record " + RECORD_ID + " at /subject/nhsNumber for yot-camden, but was "
                    + "found in record " + elsewhere.recordId() + " at " + elsewhere.pointer() + " for " + elsewhere
                            .recipient(),
                    failure.getMessage());
        }
    }

    @Test
    void theBindingIsTheKeyAgreementsUkmAndChangingItFailsToUnwrap() throws Exception {
        byte[] der = Base64.getDecoder().decode(encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY));
        AuthEnvelopedData enveloped = AuthEnvelopedData.getInstance(ContentInfo.getInstance(der).getContent());
        KeyAgreeRecipientInfo agree = KeyAgreeRecipientInfo.getInstance(RecipientInfo.getInstance(enveloped
                .getRecipientInfos().getObjectAt(0)).getInfo());
        ASN1Sequence ukm = ASN1Sequence.getInstance(agree.getUserKeyingMaterial().getOctets());
        assertEquals(List.of(RECORD_ID, "/subject/nhsNumber", CAMDEN), List.of(ukm.getObjectAt(0).toString(), ukm
                .getObjectAt(1).toString(), ukm.getObjectAt(2).toString()));
        // Rebind to another record by editing the record id in the ukm (same length, so the DER stays valid).
        String forged = Base64.getEncoder().encodeToString(replace(der, RECORD_ID.getBytes(StandardCharsets.UTF_8),
                "00000000-8a2d-4c59-9e71-5d4a2b8c0f16".getBytes(StandardCharsets.UTF_8)));
        FieldBinding claimed = new FieldBinding("00000000-8a2d-4c59-9e71-5d4a2b8c0f16", "/subject/nhsNumber", CAMDEN);

        FieldDecryptionException failure = assertThrows(FieldDecryptionException.class,
                () -> FieldDecryptor.decrypt(forged, DevKeys.encryptionKey(CAMDEN), camden, claimed));

        assertTrue(failure.getMessage().contains("cannot be decrypted"), failure.getMessage());
    }

    private static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                byte[] copy = bytes.clone();
                System.arraycopy(to, 0, copy, i, to.length);
                return copy;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void changedCiphertextFailsAuthentication() {
        byte[] der = Base64.getDecoder().decode(encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY));
        // The encrypted content (and the tag after it) ends the structure; flip a bit of its last octet.
        der[der.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(der);

        FieldDecryptionException failure = assertThrows(FieldDecryptionException.class,
                () -> FieldDecryptor.decrypt(tampered, DevKeys.encryptionKey(CAMDEN), camden, IN_CAMDENS_COPY));

        assertTrue(failure.getMessage().contains("cannot be decrypted"), failure.getMessage());
    }

    @Test
    void textThatIsNotAnEncryptedFieldIsRefused() {
        FieldDecryptionException failure = assertThrows(FieldDecryptionException.class,
                () -> FieldDecryptor.decrypt("aGVsbG8=", DevKeys.encryptionKey(CAMDEN), camden, IN_CAMDENS_COPY));

        assertTrue(failure.getMessage().startsWith("not an encrypted field"), failure.getMessage());
    }

    @Test
    void outputIsDerAuthEnvelopedDataWithEcdhSha256KdfAes256WrapAndAes256Gcm() throws Exception {
        byte[] der = Base64.getDecoder().decode(encryptor.encrypt(NHS_NUMBER, camden, IN_CAMDENS_COPY));

        assertArrayEquals(der, ASN1Primitive.fromByteArray(der).getEncoded(ASN1Encoding.DER), "DER, not BER");
        ContentInfo info = ContentInfo.getInstance(der);
        assertEquals(CMSObjectIdentifiers.authEnvelopedData, info.getContentType());
        AuthEnvelopedData enveloped = AuthEnvelopedData.getInstance(info.getContent());
        AlgorithmIdentifier content = enveloped.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm();
        assertEquals(CMSAlgorithm.AES256_GCM, content.getAlgorithm());
        GCMParameters gcm = GCMParameters.getInstance(content.getParameters());
        assertEquals(12, gcm.getNonce().length);
        assertEquals(16, gcm.getIcvLen());
        assertEquals(CMSObjectIdentifiers.data, enveloped.getAuthEncryptedContentInfo().getContentType());
        assertEquals(16, enveloped.getMac().getOctets().length);
        assertEquals(1, enveloped.getRecipientInfos().size());
        KeyAgreeRecipientInfo agree = KeyAgreeRecipientInfo.getInstance(
                RecipientInfo.getInstance(enveloped.getRecipientInfos().getObjectAt(0)).getInfo());
        assertEquals(CMSAlgorithm.ECDH_SHA256KDF, agree.getKeyEncryptionAlgorithm().getAlgorithm());
        assertEquals(CMSAlgorithm.AES256_WRAP, AlgorithmIdentifier.getInstance(
                agree.getKeyEncryptionAlgorithm().getParameters()).getAlgorithm());
    }

    @Test
    void certificateThatDoesNotAllowKeyAgreementIsRefused() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> encryptor.encrypt(NHS_NUMBER, DevKeys.hubSigningCertificate(), IN_CAMDENS_COPY));

        assertTrue(failure.getMessage().endsWith("its keyUsage does not allow keyAgreement"), failure.getMessage());
    }
}
