package io.throughgate.deliver;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.exchange.PlannedDelivery;

/**
 * The headers of a delivered message: the CloudEvents Kafka protocol binding, binary content mode
 * ({@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time},
 * {@code ce_dataschema}, {@code content-type}), then the hub's own: recipient, agreement and version, and the hub's
 * signature (over the value bound to its delivery, {@code SignedDeliveryInput}) with its key id and algorithm.
 */
public final class DeliveryHeaders {

    public static final String AGREEMENT_ID = "tg_agreement_id";
    public static final String AGREEMENT_VERSION = "tg_agreement_version";
    public static final String RECIPIENT = "tg_recipient";
    public static final String SIGNATURE = "tg_signature";
    public static final String SIGNATURE_KEY_ID = "tg_signature_key_id";
    public static final String SIGNATURE_ALGORITHM = "tg_signature_algorithm";
    /** The one signature algorithm the hub signs messages with. */
    public static final String ALGORITHM = "SHA256withECDSA";

    private DeliveryHeaders() {
    }

    /**
     * The headers of one delivery, from the recipient's copy: its record id and time as its flow carries them
     * (a pseudonymising flow's copy has an id of its own and the time generalised).
     */
    public static List<Header> of(JsonNode record, PlannedDelivery delivery, String signature, String keyId) {
        String type = record.path("type").asText();
        return List.of(header("ce_specversion", "1.0"), header("ce_id", record.path("recordId").asText()),
                header("ce_source", "urn:throughgate:agency:" + record.path("sender").asText()),
                header("ce_type", "io.throughgate.record." + type + ".v" + record.path("schemaVersion").asText()),
                header("ce_time", timestamp(record.path("occurredAt").asText())),
                header("ce_dataschema", "urn:throughgate:schema:" + type + ":" + record.path("schemaVersion")
                        .asText()),
                header("content-type", "application/json"), header(RECIPIENT, delivery.recipient().code()),
                header(AGREEMENT_ID, delivery.agreement().id()),
                header(AGREEMENT_VERSION, String.valueOf(delivery.agreement().agreement().orElseThrow().version())),
                header(SIGNATURE, signature), header(SIGNATURE_KEY_ID, keyId), header(SIGNATURE_ALGORITHM,
                        ALGORITHM));
    }

    /**
     * The headers of a notice from the hub itself (no agreement: it is about data already delivered), signed like a
     * delivery.
     */
    public static List<Header> ofNotice(String noticeId, String type, String time, String recipient,
            String signature, String keyId) {
        return List.of(header("ce_specversion", "1.0"), header("ce_id", noticeId), header("ce_source",
                "urn:throughgate:hub"), header("ce_type", type), header("ce_time", time),
                header("content-type",
                        "application/json"),
                header(RECIPIENT, recipient), header(SIGNATURE, signature), header(SIGNATURE_KEY_ID, keyId), header(
                        SIGNATURE_ALGORITHM, ALGORITHM));
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
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
