package io.throughgate.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.deliver.crypto.BatchProof;
import io.throughgate.deliver.crypto.DeliveryVerifier;
import io.throughgate.deliver.crypto.SignedBatchRoot;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.pki.Keys;

class InboxMessageReaderTest {

    private static final String ICB = "health-icb-north-central-london";

    private final String value = SignedDeliveries.healthSummaryFor(ICB);

    @Test
    void opensAMessageTheHubSignedAndDecryptsEveryFieldEncryptedForTheAgency() {
        Reading result = SignedDeliveries.readerFor(ICB).read(SignedDeliveries.delivered(value));

        OpenedMessage message = assertInstanceOf(Reading.Opened.class, result).message();
        assertEquals(SignedDeliveries.RECORD_ID, message.recordId());
        assertEquals("health-summary", message.type());
        assertEquals("yoi-feltham", message.from());
        assertEquals("london-resettlement-health", message.agreement());
        assertEquals(1, message.agreementVersion());
        assertEquals(SignedDeliveries.KEY, message.key());
        assertEquals(SignedDeliveries.CLINICAL_SUMMARY, message.record().at("/body/clinicalSummary").asText());
        assertEquals("50 mg", message.record().at("/body/medication/0/dose").asText(), "an array, decrypted");
        assertEquals("low", message.record().at("/body/selfHarmRisk/level").asText(), "plain fields unchanged");
        JsonNode printed = message.toJson();
        assertEquals(SignedDeliveries.CLINICAL_SUMMARY, printed.at("/record/body/clinicalSummary").asText());
        assertEquals(1, printed.path("agreementVersion").asInt());
    }

    @Test
    void rejectsAValueChangedAfterTheHubSignedIt() {
        ConsumerRecord<String, byte[]> signed = SignedDeliveries.delivered(value);
        byte[] tampered = value.replace("\"level\":\"low\"", "\"level\":\"lOw\"").getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> message = SignedDeliveries.message(tampered, SignedDeliveries.proofOf(
                signed), header(signed, "tg_signature_key_id"));

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, SignedDeliveries.readerFor(ICB)
                .read(message));
        assertTrue(rejected.reason().contains("tg_signature does not verify"), rejected.reason());
        assertEquals(SignedDeliveries.RECORD_ID, rejected.recordId());
        assertEquals(2, rejected.partition());
        assertEquals(41L, rejected.offset());
    }

    @Test
    void opensEveryMessageOfABatchSignedOnce() {
        List<String> ids = fiveRecordIds();
        List<ConsumerRecord<String, byte[]>> batch = SignedDeliveries.deliveredInOneBatch(ids);

        InboxMessageReader reader = SignedDeliveries.readerFor(ICB);
        for (int i = 0; i < batch.size(); i++) {
            OpenedMessage opened = assertInstanceOf(Reading.Opened.class, reader.read(batch.get(i))).message();
            assertEquals(ids.get(i), opened.recordId());
        }
        assertEquals(1, batch.stream().map(message -> header(message, "tg_signature")).distinct().count(),
                "one signature for the batch");
        assertEquals("5", header(batch.get(4), "tg_batch_size"));
        assertEquals("4", header(batch.get(4), "tg_batch_leaf_index"));
    }

    @Test
    void rejectsATamperedAuditPath() {
        ConsumerRecord<String, byte[]> message = SignedDeliveries.deliveredInOneBatch(fiveRecordIds()).get(2);
        String path = header(message, "tg_batch_audit_path");
        // One hex digit of the first hash changed: the path leads to another root, which the hub did not sign.
        char first = path.charAt(0);
        SignedDeliveries.header(message, "tg_batch_audit_path", (first == '0' ? '1' : '0') + path.substring(1));

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, SignedDeliveries.readerFor(ICB).read(
                message));
        assertTrue(rejected.reason().startsWith("tg_signature does not verify"), rejected.reason());
    }

    @Test
    void rejectsAPathThatDoesNotFitItsLeafIndexOrBatchSize() {
        InboxMessageReader reader = SignedDeliveries.readerFor(ICB);
        ConsumerRecord<String, byte[]> otherIndex = SignedDeliveries.deliveredInOneBatch(fiveRecordIds()).get(2);
        SignedDeliveries.header(otherIndex, "tg_batch_leaf_index", "3");
        ConsumerRecord<String, byte[]> otherSize = SignedDeliveries.deliveredInOneBatch(fiveRecordIds()).get(2);
        // There is no leaf 2 in a batch of 2.
        SignedDeliveries.header(otherSize, "tg_batch_size", "2");
        ConsumerRecord<String, byte[]> notHex = SignedDeliveries.deliveredInOneBatch(fiveRecordIds()).get(2);
        SignedDeliveries.header(notHex, "tg_batch_audit_path", "zz");

        assertTrue(assertInstanceOf(Reading.Rejected.class, reader.read(otherIndex)).reason().startsWith(
                "tg_signature does not verify"), "leaf 3's place gives another root");
        assertEquals("tg_batch_audit_path does not fit leaf 2 of a batch of 2", assertInstanceOf(
                Reading.Rejected.class, reader.read(otherSize)).reason());
        assertEquals("tg_batch_audit_path is not a comma-separated list of 64-digit lowercase hex hashes",
                assertInstanceOf(Reading.Rejected.class, reader.read(notHex)).reason());
    }

    @Test
    void rejectsAMessageCarryingTheProofOfAnotherBatch() {
        ConsumerRecord<String, byte[]> ours = SignedDeliveries.deliveredInOneBatch(fiveRecordIds()).get(1);
        ConsumerRecord<String, byte[]> theirs = SignedDeliveries.deliveredInOneBatch(fiveRecordIds()).get(1);
        // Our value and id, with the other batch's signature, size, index and path: a validly signed batch, but the
        // path leads from our leaf to a root that no signature covers.
        SignedDeliveries.proof(ours, SignedDeliveries.proofOf(theirs));

        InboxMessageReader reader = SignedDeliveries.readerFor(ICB);
        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(ours));
        assertTrue(rejected.reason().startsWith("tg_signature does not verify"), rejected.reason());
        assertInstanceOf(Reading.Opened.class, reader.read(theirs), "theirs, as signed, still opens");
    }

    private static List<String> fiveRecordIds() {
        return Stream.generate(() -> UUID.randomUUID().toString()).limit(5).toList();
    }

    @Test
    void rejectsAKeyIdOtherThanTheConfiguredHubCertificates() {
        ConsumerRecord<String, byte[]> message = SignedDeliveries.delivered(value);
        SignedDeliveries.header(message, "tg_signature_key_id", "0123456789abcdef");

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, SignedDeliveries.readerFor(ICB)
                .read(message));
        assertTrue(rejected.reason().startsWith("tg_signature_key_id is 0123456789abcdef"), rejected.reason());
    }

    @Test
    void rejectsASignatureByAnotherKeyClaimingTheHubsKeyId() throws Exception {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        KeyPair forger = Keys.generateEcP256();
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(forger.getPrivate());
        String keyId = DeliveryVerifier.keyIdOf(SignedDeliveries.hubCertificate());
        // The forger signs a batch of one holding this message, as the hub would, with its own key.
        SignedBatchRoot root = new SignedBatchRoot(keyId, 1, new SignedDeliveryInput(ICB, SignedDeliveries.TOPIC,
                SignedDeliveries.AGREEMENT, "1", SignedDeliveries.RECORD_ID, keyId).leafHash(bytes));
        signature.update(root.bytes());
        ConsumerRecord<String, byte[]> message = SignedDeliveries.message(bytes, new BatchProof(0, 1, List.of(),
                Base64.getEncoder().encodeToString(signature.sign())), keyId);

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, SignedDeliveries.readerFor(ICB)
                .read(message));
        assertTrue(rejected.reason().contains("tg_signature does not verify"), rejected.reason());
    }

    @Test
    void aFieldMovedFromAnotherRecordFailsToOpen() {
        // The ICB's encrypted fields of one record, put in another record to the ICB that the hub signed.
        String otherRecord = UUID.randomUUID().toString();
        ConsumerRecord<String, byte[]> message = SignedDeliveries.delivered(value.replace(SignedDeliveries.RECORD_ID,
                otherRecord), ICB, otherRecord);

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, SignedDeliveries.readerFor(ICB).read(
                message));
        assertEquals("cannot decrypt /body/clinicalSummary: the field belongs to record " + SignedDeliveries.RECORD_ID
                + " at /body/clinicalSummary for " + ICB + ", but was found in record " + otherRecord + " at "
                + "/body/clinicalSummary for " + ICB, rejected.reason());
    }

    @Test
    void reportsAFieldEncryptedForAnotherAgencyAsARejection() {
        ConsumerRecord<String, byte[]> icbFieldsToFeltham = SignedDeliveries.delivered(value, "yoi-feltham");

        Reading result = SignedDeliveries.readerFor("yoi-feltham").read(icbFieldsToFeltham);

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, result);
        assertTrue(rejected.reason().startsWith("cannot decrypt /body/clinicalSummary: the field was not encrypted "
                + "for"), rejected.reason());
        assertFalse(rejected.reason().contains("CAMHS"), "no value in the reason");
    }

    @Test
    void rejectsCloudEventsHeadersThatDisagreeWithTheSignedValue() {
        ConsumerRecord<String, byte[]> message = SignedDeliveries.delivered(value);
        SignedDeliveries.header(message, "ce_source", "urn:throughgate:agency:yoi-parc");

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, SignedDeliveries.readerFor(ICB)
                .read(message));
        assertEquals("header ce_source is urn:throughgate:agency:yoi-parc, but the signed value says "
                + "urn:throughgate:agency:yoi-feltham", rejected.reason());
    }

    @Test
    void rejectsAnyOtherSignatureAlgorithmAndAMissingSignature() {
        ConsumerRecord<String, byte[]> otherAlgorithm = SignedDeliveries.delivered(value);
        SignedDeliveries.header(otherAlgorithm, "tg_signature_algorithm", "SHA1withECDSA");
        ConsumerRecord<String, byte[]> unsigned = SignedDeliveries.delivered(value);
        unsigned.headers().remove("tg_signature");

        InboxMessageReader reader = SignedDeliveries.readerFor(ICB);
        assertEquals("tg_signature_algorithm is SHA1withECDSA, not SHA256withECDSA", assertInstanceOf(
                Reading.Rejected.class, reader.read(otherAlgorithm)).reason());
        assertEquals("the header tg_signature is missing", assertInstanceOf(Reading.Rejected.class, reader.read(
                unsigned)).reason());
    }

    private static String header(ConsumerRecord<String, byte[]> message, String name) {
        return new String(message.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
