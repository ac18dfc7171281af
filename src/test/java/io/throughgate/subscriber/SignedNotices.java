package io.throughgate.subscriber;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.throughgate.deliver.crypto.BatchProof;
import io.throughgate.deliver.crypto.DeliverySigner;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.json.Json;
import io.throughgate.withdrawal.WithdrawalNotice;

/**
 * Consent withdrawal notices as the hub sends them ({@code WithdrawalNotices}), signed with the development hub
 * signing key of certs-dev, for the subscriber's tests.
 */
final class SignedNotices {

    static final String NOTICE_ID = "0d6f4b7e-2c1a-3f9e-8b5d-7a4c2e9f1b63";
    static final String DECISION_ID = "b1e7c3a2-5d94-4f08-a6e1-3c2d9f7b8e15";
    static final String OTHER_RECORD_ID = "9a3e5c71-0b2d-4e8f-b6a4-1d7c3f5e9b20";

    private SignedNotices() {
    }

    /** A notice to the agency that the child's consent to health information sharing was withdrawn. */
    static WithdrawalNotice withdrawalFor(String agency) {
        return new WithdrawalNotice(WithdrawalNotice.TYPE, NOTICE_ID, DECISION_ID, "health-information-sharing",
                LocalDate.parse("2026-11-25"), Instant.parse("2026-11-25T09:41:07.512Z"), agency, SignedDeliveries.KEY,
                List.of(new WithdrawalNotice.Received(SignedDeliveries.RECORD_ID, "london-resettlement-health", 41),
                        new WithdrawalNotice.Received(OTHER_RECORD_ID, "london-resettlement-health", 57)));
    }

    /** The message the hub would write for this notice: its JSON signed by the hub, with every header. */
    static ConsumerRecord<String, byte[]> sent(WithdrawalNotice notice) {
        byte[] value = Json.bytes(notice);
        DeliverySigner signer = SignedDeliveries.hubSigner();
        return message(notice, value, signer.signAlone(SignedDeliveryInput.ofNotice(notice.recipient(), "tg.inbox."
                + notice.recipient(), notice.noticeId(), signer.keyId()), value), signer.keyId());
    }

    /**
     * A message with this value and batch proof, in the notice's recipient's inbox, and the other headers as the hub
     * writes them for the notice: no agreement headers.
     */
    static ConsumerRecord<String, byte[]> message(WithdrawalNotice notice, byte[] value, BatchProof proof,
            String keyId) {
        ConsumerRecord<String, byte[]> message = new ConsumerRecord<>("tg.inbox." + notice.recipient(), 1, 7L, notice
                .subjectPseudonym(), value);
        SignedDeliveries.header(message, "ce_specversion", "1.0");
        SignedDeliveries.header(message, "ce_id", notice.noticeId());
        SignedDeliveries.header(message, "ce_source", "urn:throughgate:hub");
        SignedDeliveries.header(message, "ce_type", "io.throughgate.notice.consent-withdrawal-notice.v1");
        SignedDeliveries.header(message, "ce_time", "2026-11-25T09:41:09.004Z");
        SignedDeliveries.header(message, "content-type", "application/json");
        SignedDeliveries.header(message, "tg_recipient", notice.recipient());
        SignedDeliveries.header(message, "tg_signature_key_id", keyId);
        SignedDeliveries.header(message, "tg_signature_algorithm", "SHA256withECDSA");
        SignedDeliveries.proof(message, proof);
        return message;
    }

    /** The text of a header. */
    static String header(ConsumerRecord<String, byte[]> message, String name) {
        return new String(message.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
