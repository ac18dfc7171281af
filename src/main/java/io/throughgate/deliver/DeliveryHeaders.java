package io.throughgate.deliver;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.deliver.crypto.BatchProof;
import io.throughgate.deliver.crypto.SignedDeliveryInput;

/**
 * The headers of a delivered message: the CloudEvents Kafka protocol binding, binary content mode
 * ({@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time},
 * {@code ce_dataschema}, {@code content-type}), then the hub's own: recipient, agreement and version, the signing
 * key's id and algorithm, and, added when the writer signs the batch ({@link #addProof}), the batch signature with
 * the message's place in the batch ({@code BatchProof}).
 */
public final class DeliveryHeaders {

    public static final String AGREEMENT_ID = "tg_agreement_id";
    public static final String AGREEMENT_VERSION = "tg_agreement_version";
    public static final String RECIPIENT = "tg_recipient";
    public static final String SIGNATURE = "tg_signature";
    public static final String SIGNATURE_KEY_ID = "tg_signature_key_id";
    public static final String SIGNATURE_ALGORITHM = "tg_signature_algorithm";
    public static final String BATCH_SIZE = "tg_batch_size";
    public static final String BATCH_LEAF_INDEX = "tg_batch_leaf_index";
    public static final String BATCH_AUDIT_PATH = "tg_batch_audit_path";
    /** The one signature algorithm the hub signs messages with. */
    public static final String ALGORITHM = "SHA256withECDSA";

    private DeliveryHeaders() {
    }

    /**
     * The headers of one delivery, from the recipient's copy (its time as its flow carries it: a pseudonymising
     * flow's copy has the time generalised) and from what the signature covers, so that the recipient, agreement,
     * id and key the headers name are those signed. The batch proof is added by {@link #addProof}.
     */
    public static List<Header> of(JsonNode record, SignedDeliveryInput signed) {
        String type = record.path("type").asText();
        return List.of(header("ce_specversion", "1.0"), header("ce_id", signed.recordId()),
                header("ce_source", "urn:throughgate:agency:" + record.path("sender").asText()),
                header("ce_type", "io.throughgate.record." + type + ".v" + record.path("schemaVersion").asText()),
                header("ce_time", timestamp(record.path("occurredAt").asText())),
                header("ce_dataschema", "urn:throughgate:schema:" + type + ":" + record.path("schemaVersion")
                        .asText()),
                header("content-type", "application/json"), header(RECIPIENT, signed.recipient()),
                header(AGREEMENT_ID, signed.agreementId()), header(AGREEMENT_VERSION, signed.agreementVersion()),
                header(SIGNATURE_KEY_ID, signed.keyId()), header(SIGNATURE_ALGORITHM, ALGORITHM));
    }

    /**
     * The headers of a notice from the hub itself (no agreement: it is about data already delivered), signed like a
     * delivery; the proof (of a batch of one) is added by {@link #addProof}.
     */
    public static List<Header> ofNotice(SignedDeliveryInput signed, String type, String time) {
        return List.of(header("ce_specversion", "1.0"), header("ce_id", signed.recordId()), header("ce_source",
                "urn:throughgate:hub"), header("ce_type", type), header("ce_time", time),
                header("content-type",
                        "application/json"),
                header(RECIPIENT, signed.recipient()), header(SIGNATURE_KEY_ID, signed.keyId()), header(
                        SIGNATURE_ALGORITHM, ALGORITHM));
    }

    /** Adds a message's batch proof: the batch signature, the batch's size, the leaf index and the audit path. */
    public static void addProof(Headers headers, BatchProof proof) {
        headers.add(SIGNATURE, bytes(proof.signature()));
        headers.add(BATCH_SIZE, bytes(Long.toString(proof.treeSize())));
        headers.add(BATCH_LEAF_INDEX, bytes(Long.toString(proof.leafIndex())));
        headers.add(BATCH_AUDIT_PATH, bytes(proof.auditPathText()));
    }

    /**
     * A CloudEvents {@code time} (an RFC 3339 timestamp) for a copy's occurredAt: as it is, or, when the flow
     * generalised it to a month ({@code 2026-11}) or a year ({@code 2026}), the first instant of that period, so
     * the header says no more than the value.
     */
    static String timestamp(String occurredAt) {
        if (occurredAt.matches("\\d{4}-\\d{2}")) {
            return occurredAt + "-01T00:00:00Z";
        }
        if (occurredAt.matches("\\d{4}")) {
            return occurredAt + "-01-01T00:00:00Z";
        }
        return occurredAt;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, bytes(value));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
