package io.throughgate.sharinglog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What the indexer stores beside an entry's text so that the log can be searched: its search columns and search
 * rows. The hub writes them as headers of the {@code tg.sharing-log} message, next to the event's canonical JSON, so
 * the indexer hashes and stores the text without parsing it; verification compares every column and row with the
 * hashed text, so a header that disagrees with its event is found (see decision record 0009).
 *
 * @param eventId the entry's id
 * @param outcome delivered or withheld
 * @param recordId the record's id
 * @param recordType the record's type
 * @param sender the sending agency
 * @param recipient the receiving agency
 * @param recipientPseudonym the child's pseudonym for the recipient, for a delivery; otherwise null
 * @param agreementId the agreement
 * @param purpose the flow's purpose
 * @param receivedAt when the hub received the record, to the microsecond as databases keep it
 * @param subjectPseudonyms the child's hub-wide pseudonyms, each once, sorted
 * @param consentDecisions the consent decisions relied on for delivered fields, each once, sorted
 */
public record SharingLogColumns(UUID eventId, String outcome, UUID recordId, String recordType, String sender,
        String recipient, String recipientPseudonym, String agreementId, String purpose, Instant receivedAt,
        List<String> subjectPseudonyms, List<UUID> consentDecisions) {

    private static final String PREFIX = "tg_log_";
    private static final String SEPARATOR = ",";

    public SharingLogColumns {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(purpose, "purpose");
        receivedAt = Objects.requireNonNull(receivedAt, "receivedAt").truncatedTo(ChronoUnit.MICROS);
        subjectPseudonyms = List.copyOf(subjectPseudonyms);
        consentDecisions = List.copyOf(consentDecisions);
    }

    /**
     * The columns of an event.
     *
     * @throws IllegalArgumentException if the event lacks a member every entry needs
     */
    public static SharingLogColumns of(SharingLogEvent event) {
        if (event == null || event.eventId() == null || event.outcome() == null || event.recordId() == null
                || event.recordType() == null || event.sender() == null || event.recipient() == null
                || event.agreementId() == null || event.purpose() == null || event.receivedAt() == null) {
            throw new IllegalArgumentException("a sharing-log event lacks a required member");
        }
        return new SharingLogColumns(UUID.fromString(event.eventId()), event.outcome(), UUID.fromString(event
                .recordId()), event.recordType(), event.sender(), event.recipient(), event.recipientPseudonym(),
                event.agreementId(), event.purpose(), event.receivedAt(), SharingLogRows.subjectPseudonyms(event),
                SharingLogRows.consentDecisions(event));
    }

    /** Adds the columns to a message's headers. */
    public void addTo(Headers headers) {
        add(headers, "event_id", eventId.toString());
        add(headers, "outcome", outcome);
        add(headers, "record_id", recordId.toString());
        add(headers, "record_type", recordType);
        add(headers, "sender", sender);
        add(headers, "recipient", recipient);
        if (recipientPseudonym != null) {
            add(headers, "recipient_pseudonym", recipientPseudonym);
        }
        add(headers, "agreement_id", agreementId);
        add(headers, "purpose", purpose);
        add(headers, "received_at", receivedAt.toString());
        add(headers, "subjects", String.join(SEPARATOR, subjectPseudonyms));
        add(headers, "consent", String.join(SEPARATOR, consentDecisions.stream().map(UUID::toString).toList()));
    }

    /**
     * The columns a message's headers carry, or null when it carries none (a message written before the hub wrote
     * them).
     *
     * @throws IllegalArgumentException if some are there but not all, or one is malformed
     */
    public static SharingLogColumns from(Headers headers) {
        if (headers.lastHeader(PREFIX + "event_id") == null) {
            return null;
        }
        List<UUID> consent = new ArrayList<>();
        for (String decision : list(required(headers, "consent"))) {
            consent.add(UUID.fromString(decision));
        }
        return new SharingLogColumns(UUID.fromString(required(headers, "event_id")), required(headers, "outcome"),
                UUID.fromString(required(headers, "record_id")), required(headers, "record_type"), required(headers,
                        "sender"),
                required(headers, "recipient"), optional(headers, "recipient_pseudonym"),
                required(headers, "agreement_id"), required(headers, "purpose"), Instant.parse(required(headers,
                        "received_at")),
                list(required(headers, "subjects")), consent);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null) {
            throw new IllegalArgumentException("the sharing-log message lacks the header " + PREFIX + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(PREFIX + name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }
}
