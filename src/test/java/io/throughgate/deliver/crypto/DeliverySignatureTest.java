package io.throughgate.deliver.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

class DeliverySignatureTest {

    private static final byte[] VALUE = """
            {"recordId":"6f1c2a9e-3d4b-4c1a-9f0e-2b7d8c5a1e34","type":"release-notification"}"""
            .getBytes(StandardCharsets.UTF_8);

    private final X509Certificate certificate = DevKeys.hubSigningCertificate();
    private final DeliverySigner signer = new DeliverySigner(DevKeys.hubSigningKey(), certificate);

    @Test
    void signatureOfAValueVerifiesWithTheSigningCertificate() {
        String signature = signer.sign(VALUE);

        assertTrue(DeliveryVerifier.verify(VALUE, signature, certificate));
    }

    @Test
    void signatureMadeByTheJdkProviderVerifiesToo() throws Exception {
        Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdk.initSign(DevKeys.hubSigningKey());
        jdk.update(VALUE);

        assertTrue(DeliveryVerifier.verify(VALUE, Base64.getEncoder().encodeToString(jdk.sign()), certificate));
    }

    @Test
    void jdkProviderVerifiesTheSignature() throws Exception {
        Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdk.initVerify(certificate);
        jdk.update(VALUE);

        assertTrue(jdk.verify(Base64.getDecoder().decode(signer.sign(VALUE))));
    }

    @Test
    void signatureIsBase64OfADerSequenceOfTwoIntegers() {
        byte[] der = Base64.getDecoder().decode(signer.sign(VALUE));

        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        assertEquals(2, sequence.size());
        assertTrue(ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue().signum() > 0);
        assertTrue(ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue().signum() > 0);
    }

    @Test
    void changedValueFailsVerification() {
        String signature = signer.sign(VALUE);
        byte[] tampered = VALUE.clone();
        tampered[tampered.length - 3] ^= 1;

        assertFalse(DeliveryVerifier.verify(tampered, signature, certificate));
    }

    @Test
    void anotherCertificateFailsVerification() {
        String signature = signer.sign(VALUE);

        assertFalse(DeliveryVerifier.verify(VALUE, signature, DevKeys.encryptionCertificate("yot-camden")));
    }

    @Test
    void malformedSignaturesFailVerificationWithoutThrowing() {
        for (String signature : List.of("", "not base64!", Base64.getEncoder().encodeToString(new byte[64]))) {
            assertFalse(DeliveryVerifier.verify(VALUE, signature, certificate), signature);
        }
        assertFalse(DeliveryVerifier.verify(VALUE, null, certificate));
    }

    @Test
    void keyIdIsTheFirstSixteenHexDigitsOfTheCertificateHashAndStable() {
        String keyId = signer.keyId();

        assertTrue(keyId.matches("[0-9a-f]{16}"), keyId);
        assertEquals(keyId, DeliveryVerifier.keyIdOf(DevKeys.hubSigningCertificate()));
        assertEquals(keyId, new DeliverySigner(DevKeys.hubSigningKey(), certificate).keyId());
        assertNotEquals(keyId, DeliveryVerifier.keyIdOf(DevKeys.encryptionCertificate("yot-camden")));
    }

    @Test
    void signerRefusesAKeyThatDoesNotMatchTheCertificate() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new DeliverySigner(DevKeys.encryptionKey("yot-camden"), certificate));

        assertTrue(failure.getMessage().contains("does not match the certificate"), failure.getMessage());
    }

    @Test
    void signerRefusesACertificateWhoseKeyUsageForbidsSigning() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new DeliverySigner(DevKeys.encryptionKey("yot-camden"),
                        DevKeys.encryptionCertificate("yot-camden")));

        assertTrue(failure.getMessage().contains("neither digitalSignature nor nonRepudiation"), failure.getMessage());
    }

    @Test
    void signaturesMadeConcurrentlyAllVerify() throws Exception {
        int threads = 4;
        int perThread = 2_500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<List<String>>> samples = pool.invokeAll(Collections.nCopies(threads, () -> {
                List<String> sample = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String signature = signer.sign(VALUE);
                    if (i % 250 == 0) {
                        sample.add(signature);
                    }
                }
                return sample;
            }));
            long elapsed = System.nanoTime() - start;
            for (Future<List<String>> sample : samples) {
                for (String signature : sample.get()) {
                    assertTrue(DeliveryVerifier.verify(VALUE, signature, certificate));
                }
            }
            // A rough measure for the record, not an assertion: timing depends on the machine.
            System.out.printf("DeliverySigner: %d signatures on %d threads, %.0f signatures/s%n", threads * perThread,
                    threads, threads * perThread / (elapsed / 1e9));
        } finally {
            pool.shutdown();
        }
    }
}
