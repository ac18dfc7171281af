package io.throughgate.sharinglog;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.LawfulBasis;
import io.throughgate.exchange.GatedRecord;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.PlannedDelivery;

/** Makes the sharing-log entry of one delivery, or of one withheld delivery, of a record. */
public final class SharingLogEvents {

    private SharingLogEvents() {
    }

    /**
     * The entry of a delivery.
     *
     * @param context the record
     * @param delivery where it went, and under which agreement
     * @param gated what went
     * @param recipientPseudonym the message key the recipient received, or null when nothing went
     * @param landed where the delivery landed, or null when nothing went (a withheld delivery)
     */
    public static SharingLogEvent of(IngestContext context, PlannedDelivery delivery, GatedRecord gated,
            String recipientPseudonym, RecordMetadata landed) {
        Agreement agreement = delivery.agreement().agreement().orElseThrow();
        LawfulBasis basis = agreement.lawfulBasis();
        List<SharingLogEvent.Field> fields = gated.fields().stream().map(field -> new SharingLogEvent.Field(
                field.field(), field.outcome().code(), field.reason().orElse(null), field.consentDecision().map(
                        UUID::toString).orElse(null)))
                .toList();
        return new SharingLogEvent(UUID.randomUUID().toString(), landed == null ? "withheld" : "delivered",
                context.recordId().toString(), context.record().path("type").asText(), context.caller().agency()
                        .code(),
                delivery.recipient().code(), recipientPseudonym, delivery.agreement().id(), agreement.version(),
                delivery.agreement()
                        .sha256(),
                delivery.flow().purpose(), new SharingLogEvent.LawfulBasis(basis.article6().code(), basis.article9(),
                        basis.schedule1(), basis.statutoryGateways()),
                gated.consentDecisions().stream().map(UUID::toString).sorted().toList(), fields,
                context.subjectPseudonyms(), context.record().path("occurredAt").asText(), context.receivedAt(),
                landed == null ? null : landed.topic(), landed == null ? null : landed.partition(),
                landed == null ? null : landed.offset(), recipientRecordId(context, gated));
    }

    /** The copy's own record id, when its flow gave it one; null when it carries the sender's. */
    private static String recipientRecordId(IngestContext context, GatedRecord gated) {
        String copy = gated.value().path("recordId").asText();
        return copy.equals(context.recordId().toString()) ? null : copy;
    }
}
