package io.throughgate.deliver.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Deliveries signed in batches: one signature over the root of the Merkle tree of the batch's signed inputs, and
 * each delivery's proof. The expected root and signed text are built here from the rules written down (RFC 9162
 * section 2.1.1 and {@link SignedBatchRoot}'s form), and the signature is checked with the JDK's own provider.
 */
class BatchSignatureTest {

    private static final String TOPIC = "tg.inbox.yoi-feltham";

    private final X509Certificate certificate = DevKeys.hubSigningCertificate();
    private final DeliverySigner signer = new DeliverySigner(DevKeys.hubSigningKey(), certificate);

    @Test
    void oneSignatureCoversTheRootOfTheBatchsTreeAsDocumented() throws Exception {
        List<SignedDeliveryInput> inputs = inputs(7);
        List<byte[]> values = values(7);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            leaves.add(hash(new byte[]{0x00}, inputs.get(i).bytes(values.get(i))));
        }

        List<BatchProof> proofs = signer.signBatch(leaves);

        assertEquals(7, proofs.size());
        String text = "throughgate-delivery-batch-v1\nkey-id:" + signer.keyId() + "\ntree-size:7\nroot-sha256:"
                + HexFormat.of().formatHex(mth(leaves)) + "\n";
        Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
        jdk.initVerify(certificate);
        jdk.update(text.getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(Base64.getDecoder().decode(proofs.get(0).signature())),
                "the signature is over the documented text with the tree's root");
        for (int i = 0; i < 7; i++) {
            BatchProof proof = proofs.get(i);
            assertEquals(i, proof.leafIndex());
            assertEquals(7, proof.treeSize());
            assertEquals(proofs.get(0).signature(), proof.signature(), "one signature for the batch");
            assertTrue(DeliveryVerifier.verify(inputs.get(i), values.get(i), proof, certificate), "leaf " + i);
        }
    }

    @Test
    void aBatchOfOneHasAnEmptyPathAndItsLeafAsTheRoot() throws Exception {
        SignedDeliveryInput input = inputs(1).get(0);
        byte[] value = values(1).get(0);

        BatchProof proof = signer.signAlone(input, value);

        assertEquals(List.of(), proof.auditPath());
        assertEquals("", proof.auditPathText());
        String text = "throughgate-delivery-batch-v1\nkey-id:" + signer.keyId() + "\ntree-size:1\nroot-sha256:"
                + HexFormat.of().formatHex(hash(new byte[]{0x00}, input.bytes(value))) + "\n";
        assertTrue(DeliveryVerifier.verify(text.getBytes(StandardCharsets.UTF_8), proof.signature(), certificate));
        assertTrue(DeliveryVerifier.verify(input, value, proof, certificate));
    }

    @Test
    void aTamperedPathAChangedValueOrAnotherBatchsProofDoesNotVerify() {
        List<SignedDeliveryInput> inputs = inputs(5);
        List<byte[]> values = values(5);
        List<BatchProof> proofs = signer.signBatch(leaves(inputs, values));
        List<BatchProof> otherBatch = signer.signBatch(leaves(inputs(5), values(5)));
        BatchProof proof = proofs.get(3);
        List<byte[]> tampered = new ArrayList<>(proof.auditPath());
        byte[] first = tampered.get(0).clone();
        first[31] ^= 1;
        tampered.set(0, first);

        assertTrue(DeliveryVerifier.verify(inputs.get(3), values.get(3), proof, certificate));
        assertFalse(DeliveryVerifier.verify(inputs.get(3), values.get(3), new BatchProof(3, 5, tampered, proof
                .signature()), certificate), "a tampered path");
        assertFalse(DeliveryVerifier.verify(inputs.get(3), values.get(3), otherBatch.get(3), certificate),
                "another batch's proof");
        assertFalse(DeliveryVerifier.verify(inputs.get(3), values.get(2), proof, certificate), "another value");
        assertFalse(DeliveryVerifier.verify(inputs.get(2), values.get(3), proof, certificate), "another input");
        assertFalse(DeliveryVerifier.verify(inputs.get(3), values.get(3), new BatchProof(3, 6, proof.auditPath(),
                proof.signature()), certificate), "another batch size");
        assertFalse(DeliveryVerifier.verify(inputs.get(3), values.get(3), new BatchProof(3, 5, proof.auditPath(),
                proofs.get(0).signature().replace('A', 'B')), certificate), "a changed signature");
    }

    @Test
    void theAuditPathHeaderIsCommaSeparatedLowercaseHexAndReadsBack() {
        List<BatchProof> proofs = signer.signBatch(leaves(inputs(3), values(3)));
        BatchProof proof = proofs.get(0);

        String text = proof.auditPathText();

        assertTrue(text.matches("[0-9a-f]{64},[0-9a-f]{64}"), text);
        List<byte[]> read = BatchProof.parseAuditPath(text).orElseThrow();
        for (int i = 0; i < read.size(); i++) {
            assertArrayEquals(proof.auditPath().get(i), read.get(i));
        }
        assertTrue(BatchProof.parseAuditPath(text.toUpperCase()).isEmpty(), "uppercase is not the form");
        assertTrue(BatchProof.parseAuditPath(text + ",").isEmpty(), "an empty hash");
        assertTrue(BatchProof.parseAuditPath(text.substring(1)).isEmpty(), "a short hash");
    }

    @Test
    void refusesAnEmptyBatchAndAnInputOfAnotherKey() {
        assertThrows(IllegalArgumentException.class, () -> signer.signBatch(List.of()));
        SignedDeliveryInput otherKey = new SignedDeliveryInput("yoi-feltham", TOPIC, "a", "1", "r", "0000000000000000");
        assertThrows(IllegalArgumentException.class, () -> signer.signAlone(otherKey, values(1).get(0)));
    }

    private List<SignedDeliveryInput> inputs(int count) {
        List<SignedDeliveryInput> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(new SignedDeliveryInput("yoi-feltham", TOPIC, "london-resettlement-direct-care", "2",
                    java.util.UUID.randomUUID().toString(), signer.keyId()));
        }
        return inputs;
    }

    private static List<byte[]> values(int count) {
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(("{\"n\":" + i + ",\"r\":\"" + java.util.UUID.randomUUID() + "\"}").getBytes(
                    StandardCharsets.UTF_8));
        }
        return values;
    }

    private static List<byte[]> leaves(List<SignedDeliveryInput> inputs, List<byte[]> values) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            leaves.add(inputs.get(i).leafHash(values.get(i)));
        }
        return leaves;
    }

    /** RFC 9162 section 2.1.1's MTH over leaf hashes: split at the largest power of two below n. */
    private static byte[] mth(List<byte[]> leafHashes) throws Exception {
        int n = leafHashes.size();
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(n - 1);
        return hash(new byte[]{0x01}, mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    private static byte[] hash(byte[]... parts) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }
}
