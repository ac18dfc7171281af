package io.throughgate.subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.throughgate.deliver.crypto.BatchProof;
import io.throughgate.deliver.crypto.DeliverySigner;
import io.throughgate.deliver.crypto.FieldBinding;
import io.throughgate.deliver.crypto.FieldEncryptor;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.pki.Pem;
import io.throughgate.testing.Subscribers;

/** Messages as the hub delivers them, made with the development keys of certs-dev, for the subscriber's tests. */
final class SignedDeliveries {

    static final String RECORD_ID = "6f1c2a9e-3d4b-4c1a-9f0e-2b7d8c5a1e34";
    static final String KEY = "k1.Zm9yLXRlc3RzLW9ubHk";
    static final String RECIPIENT = "health-icb-north-central-london";
    static final String TOPIC = "tg.inbox." + RECIPIENT;
    static final String AGREEMENT = "london-resettlement-health";
    static final String CLINICAL_SUMMARY = "Settled on medication; follow-up with community CAMHS.";

    private static final FieldEncryptor ENCRYPTOR = new FieldEncryptor();

    private SignedDeliveries() {
    }

    /** A health summary whose clinical summary and medication are encrypted for the agency. */
    static String healthSummaryFor(String agency) {
        String summary = ENCRYPTOR.encrypt(("\"" + CLINICAL_SUMMARY + "\"").getBytes(StandardCharsets.UTF_8),
                encryptionCertificate(agency), new FieldBinding(RECORD_ID, "/body/clinicalSummary", agency));
        String medication = ENCRYPTOR.encrypt("[{\"name\": \"Sertraline\", \"dose\": \"50 mg\"}]"
                .getBytes(StandardCharsets.UTF_8), encryptionCertificate(agency),
                new FieldBinding(RECORD_ID,
                        "/body/medication", agency));
        return """
                {"recordId":"%s","type":"health-summary","schemaVersion":1,"sender":"yoi-feltham",\
                "occurredAt":"2026-11-20T10:00:00Z","subject":{"name":{"given":"Ade","family":"Example"}},\
                "body":{"selfHarmRisk":{"level":"low"},"clinicalSummary":{"encrypted":"%s"},\
                "medication":{"encrypted":"%s"}}}""".formatted(RECORD_ID, summary, medication);
    }

    /** The message the hub would write for this value to the ICB: signed by the hub, with every header. */
    static ConsumerRecord<String, byte[]> delivered(String value) {
        return delivered(value, RECIPIENT);
    }

    /** The message the hub would write for this value to the recipient's inbox. */
    static ConsumerRecord<String, byte[]> delivered(String value, String recipient) {
        return delivered(value, recipient, RECORD_ID);
    }

    /** The message the hub would write for this value, whose record id is this one, to the recipient's inbox. */
    static ConsumerRecord<String, byte[]> delivered(String value, String recipient, String recordId) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        DeliverySigner signer = hubSigner();
        String topic = "tg.inbox." + recipient;
        ConsumerRecord<String, byte[]> message = message(topic, bytes, signer.signAlone(new SignedDeliveryInput(
                recipient, topic, AGREEMENT, "1", recordId, signer.keyId()), bytes), signer.keyId());
        header(message, "tg_recipient", recipient);
        header(message, "ce_id", recordId);
        return message;
    }

    /**
     * The messages the hub would write for these records to the ICB in one transaction: one batch signature over
     * the tree of their leaves, each message with its own proof.
     */
    static List<ConsumerRecord<String, byte[]>> deliveredInOneBatch(List<String> recordIds) {
        DeliverySigner signer = hubSigner();
        List<byte[]> values = recordIds.stream().map(id -> plainSummary(id).getBytes(StandardCharsets.UTF_8))
                .toList();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < recordIds.size(); i++) {
            leaves.add(new SignedDeliveryInput(RECIPIENT, TOPIC, AGREEMENT, "1", recordIds.get(i), signer.keyId())
                    .leafHash(values.get(i)));
        }
        List<BatchProof> proofs = signer.signBatch(leaves);
        List<ConsumerRecord<String, byte[]>> messages = new ArrayList<>();
        for (int i = 0; i < recordIds.size(); i++) {
            ConsumerRecord<String, byte[]> message = message(TOPIC, values.get(i), proofs.get(i), signer.keyId());
            header(message, "ce_id", recordIds.get(i));
            messages.add(message);
        }
        return messages;
    }

    /** A health summary with no encrypted field, as the health agreement would deliver it without consent. */
    static String plainSummary(String recordId) {
        return """
                {"recordId":"%s","type":"health-summary","schemaVersion":1,"sender":"yoi-feltham",\
                "occurredAt":"2026-11-20T10:00:00Z","body":{"selfHarmRisk":{"level":"low"}}}"""
                .formatted(recordId);
    }

    /**
     * A message with this value, batch proof (signature included) and key id, and the other headers as the hub
     * writes them.
     */
    static ConsumerRecord<String, byte[]> message(byte[] value, BatchProof proof, String keyId) {
        return message(TOPIC, value, proof, keyId);
    }

    private static ConsumerRecord<String, byte[]> message(String topic, byte[] value, BatchProof proof,
            String keyId) {
        ConsumerRecord<String, byte[]> message = new ConsumerRecord<>(topic, 2, 41L, KEY, value);
        header(message, "ce_specversion", "1.0");
        header(message, "ce_id", RECORD_ID);
        header(message, "ce_source", "urn:throughgate:agency:yoi-feltham");
        header(message, "ce_type", "io.throughgate.record.health-summary.v1");
        header(message, "ce_time", "2026-11-20T10:00:00Z");
        header(message, "ce_dataschema", "urn:throughgate:schema:health-summary:1");
        header(message, "content-type", "application/json");
        header(message, "tg_recipient", RECIPIENT);
        header(message, "tg_agreement_id", AGREEMENT);
        header(message, "tg_agreement_version", "1");
        header(message, "tg_signature_key_id", keyId);
        header(message, "tg_signature_algorithm", "SHA256withECDSA");
        proof(message, proof);
        return message;
    }

    /** Sets the message's batch proof headers: the signature, the batch size, the leaf index and the audit path. */
    static void proof(ConsumerRecord<String, byte[]> message, BatchProof proof) {
        header(message, "tg_signature", proof.signature());
        header(message, "tg_batch_size", Long.toString(proof.treeSize()));
        header(message, "tg_batch_leaf_index", Long.toString(proof.leafIndex()));
        header(message, "tg_batch_audit_path", proof.auditPathText());
    }

    /** The batch proof a message carries, read back from its headers. */
    static BatchProof proofOf(ConsumerRecord<String, byte[]> message) {
        return new BatchProof(Long.parseLong(text(message, "tg_batch_leaf_index")), Long.parseLong(text(message,
                "tg_batch_size")), BatchProof.parseAuditPath(text(message, "tg_batch_audit_path")).orElseThrow(),
                text(message, "tg_signature"));
    }

    private static String text(ConsumerRecord<String, byte[]> message, String name) {
        return new String(message.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Replaces a header (the reader uses the last one of a name). */
    static void header(ConsumerRecord<String, byte[]> message, String name, String value) {
        message.headers().remove(name);
        message.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A reader for the agency, trusting the development hub signing certificate. */
    static InboxMessageReader readerFor(String agency) {
        return Subscribers.readerFor(agency);
    }

    /** The hub's delivery signer with the development signing key. */
    static DeliverySigner hubSigner() {
        return new DeliverySigner(key(Path.of("certs-dev/hub/signing.key")), hubCertificate());
    }

    static X509Certificate hubCertificate() {
        return certificate(Path.of("certs-dev/hub/signing.crt"));
    }

    static X509Certificate encryptionCertificate(String agency) {
        return certificate(Path.of("certs-dev/agencies", agency, agency + "-encryption.crt"));
    }

    static PrivateKey encryptionKey(String agency) {
        return key(Path.of("certs-dev/agencies", agency, agency + "-encryption.key"));
    }

    private static X509Certificate certificate(Path file) {
        try {
            return Pem.readCertificates(file).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey key(Path file) {
        try {
            return Pem.readPrivateKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
