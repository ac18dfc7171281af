package io.throughgate.sharinglog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.LawfulBasis;
import io.throughgate.exchange.GatedRecord;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.PlannedDelivery;

/** Makes the sharing-log entry of one delivery, or of one withheld delivery, of a record or a hub notice. */
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
        return of(new Source(context.recordId().toString(), context.record().path("type").asText(), context
                .caller().agency().code(), context.subjectPseudonyms(), context.record().path("occurredAt").asText(),
                context.receivedAt()), delivery, gated, recipientPseudonym, landed);
    }

    /**
     * What a logged delivery was made from: a record an agency sent, or a notice the hub issued.
     *
     * @param recordId the record's or notice's id
     * @param recordType its type
     * @param sender the agency it is from (for a notice, the agency in whose name the hub issued it)
     * @param subjectPseudonyms the hub-wide pseudonyms of every child it is about
     * @param occurredAt when what it reports happened
     * @param receivedAt when the hub received (or issued) it
     */
    public record Source(String recordId, String recordType, String sender, List<String> subjectPseudonyms,
            String occurredAt, Instant receivedAt) {
    }

    /**
     * The entry of a delivery of a record or notice.
     *
     * @param source what was delivered
     * @param delivery where it went, and under which agreement
     * @param gated what went
     * @param recipientPseudonym the message key the recipient received, or null when nothing went
     * @param landed where the delivery landed, or null when nothing went (a withheld delivery)
     */
    public static SharingLogEvent of(Source source, PlannedDelivery delivery, GatedRecord gated,
            String recipientPseudonym, RecordMetadata landed) {
        Agreement agreement = delivery.agreement().agreement().orElseThrow();
        LawfulBasis basis = agreement.lawfulBasis();
        List<SharingLogEvent.Field> fields = gated.fields().stream().map(field -> new SharingLogEvent.Field(
                field.field(), field.outcome().code(), field.reason().orElse(null), field.consentDecision().map(
                        UUID::toString).orElse(null)))
                .toList();
        return new SharingLogEvent(UUID.randomUUID().toString(), landed == null ? "withheld" : "delivered",
                source.recordId(), source.recordType(), source.sender(), delivery.recipient().code(),
                recipientPseudonym, delivery.agreement().id(), agreement.version(), delivery.agreement().sha256(),
                delivery.flow().purpose(), new SharingLogEvent.LawfulBasis(basis.article6().code(), basis.article9(),
                        basis.schedule1(), basis.statutoryGateways()),
                gated.consentDecisions().stream().map(UUID::toString).sorted().toList(), fields,
                source.subjectPseudonyms(), source.occurredAt(), source.receivedAt(),
                landed == null ? null : landed.topic(), landed == null ? null : landed.partition(),
                landed == null ? null : landed.offset(), recipientRecordId(source.recordId(), gated), delivery.flow()
                        .id(),
                delivery.routedBy().orElse(null));
    }

    /** The copy's own record id, when its flow gave it one; null when it carries the sender's. */
    private static String recipientRecordId(String recordId, GatedRecord gated) {
        String copy = gated.value().path("recordId").asText();
        return copy.equals(recordId) ? null : copy;
    }
}
