package io.throughgate.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.deliver.crypto.DeliveryVerifier;
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
        ConsumerRecord<String, byte[]> message = SignedDeliveries.message(tampered, header(signed, "tg_signature"),
                header(signed, "tg_signature_key_id"));

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, SignedDeliveries.readerFor(ICB)
                .read(message));
        assertTrue(rejected.reason().contains("tg_signature does not verify"), rejected.reason());
        assertEquals(SignedDeliveries.RECORD_ID, rejected.recordId());
        assertEquals(2, rejected.partition());
        assertEquals(41L, rejected.offset());
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
        signature.update(bytes);
        ConsumerRecord<String, byte[]> message = SignedDeliveries.message(bytes, Base64.getEncoder()
                .encodeToString(signature.sign()), DeliveryVerifier.keyIdOf(SignedDeliveries.hubCertificate()));

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
