package io.throughgate.exchange;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an accepted record: where it went, under which agreement, how many fields each recipient received
 * and which were withheld and why. Never a value.
 *
 * @param recordId the record's id
 * @param receivedAt when the hub first accepted it
 * @param deliveries one per recipient
 * @param notDelivered why recipients named by the record or the agreements received nothing
 */
@Schema(name = "Receipt")
public record Receipt(String recordId, Instant receivedAt, List<Delivery> deliveries, List<String> notDelivered) {

    /**
     * One recipient's delivery.
     *
     * @param recipient the agency
     * @param agreementId the agreement it went under
     * @param agreementVersion the agreement's version
     * @param topic the recipient's inbox topic
     * @param fieldsShared how many fields went (shared, pseudonymised, generalised or encrypted)
     * @param withheld the fields withheld, with reasons
     * @param consentDecisions the consent decisions relied on
     */
    @Schema(name = "ReceiptDelivery")
    public record Delivery(String recipient, String agreementId, int agreementVersion, String topic, int fieldsShared,
            List<Withheld> withheld, List<String> consentDecisions) {
    }

    /**
     * A withheld field.
     *
     * @param field its JSON pointer, {@code *} for array items
     * @param reason why it did not go
     */
    @Schema(name = "ReceiptWithheldField")
    public record Withheld(String field, String reason) {
    }
}
