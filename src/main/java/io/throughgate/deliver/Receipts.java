package io.throughgate.deliver;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.throughgate.agreement.FieldAction;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.Receipt;
import io.throughgate.kafka.Topics;
import io.throughgate.sharinglog.SharingLogEvent;

/** Builds a record's receipt from what was gated and where it landed. */
final class Receipts {

    private Receipts() {
    }

    static Receipt of(IngestContext context, List<RecordMetadata> landed) {
        List<Receipt.Delivery> deliveries = new ArrayList<>();
        List<String> notDelivered = new ArrayList<>(context.routing() == null
                ? List.of()
                : context.routing()
                        .unrouted());
        for (IngestContext.Gated gated : context.gated()) {
            String recipient = gated.delivery().recipient().code();
            boolean went = gated.gated().carriesFields();
            if (!went) {
                notDelivered.add(recipient + ": every field was withheld under " + gated.delivery().agreement().id());
            }
            deliveries.add(new Receipt.Delivery(recipient, gated.delivery().agreement().id(), gated.delivery()
                    .agreement().agreement().orElseThrow().version(), went ? Topics.inbox(recipient) : null,
                    (int) gated.gated().fields().stream().filter(field -> field.outcome() != FieldAction.WITHHOLD)
                            .count(),
                    gated.gated().withheld().stream().map(field -> new Receipt.Withheld(field.field(), field.reason()
                            .orElse("withheld"))).toList(),
                    gated.gated().consentDecisions().stream().map(UUID::toString).sorted().toList()));
        }
        return new Receipt(context.recordId().toString(), context.receivedAt(), deliveries, notDelivered);
    }

    /**
     * A record's receipt rebuilt from its sharing-log entries, for a record whose transaction committed but whose
     * receipt was never stored. It says the same as the original, except which recipients the record named that no
     * agreement covered (the log records deliveries only).
     */
    static Receipt of(List<SharingLogEvent> entries) {
        List<Receipt.Delivery> deliveries = new ArrayList<>();
        List<String> notDelivered = new ArrayList<>();
        for (SharingLogEvent entry : entries) {
            boolean went = "delivered".equals(entry.outcome());
            if (!went) {
                notDelivered.add(entry.recipient() + ": every field was withheld under " + entry.agreementId());
            }
            List<SharingLogEvent.Field> fields = entry.fields() == null ? List.of() : entry.fields();
            deliveries.add(new Receipt.Delivery(entry.recipient(), entry.agreementId(), entry.agreementVersion(),
                    went ? entry.topic() : null, (int) fields.stream().filter(field -> !WITHHOLD.equals(field
                            .outcome())).count(),
                    fields.stream().filter(field -> WITHHOLD.equals(field.outcome()))
                            .map(field -> new Receipt.Withheld(field.field(),
                                    field.reason() == null ? "withheld" : field.reason()))
                            .toList(),
                    entry.consentDecisions() == null ? List.of() : entry.consentDecisions()));
        }
        return new Receipt(entries.get(0).recordId(), entries.get(0).receivedAt(), deliveries, notDelivered);
    }

    private static final String WITHHOLD = FieldAction.WITHHOLD.code();
}
