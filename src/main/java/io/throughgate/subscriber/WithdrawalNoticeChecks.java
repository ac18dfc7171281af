package io.throughgate.subscriber;

import static io.throughgate.subscriber.InboxMessageReader.expect;
import static io.throughgate.subscriber.InboxMessageReader.field;
import static io.throughgate.subscriber.InboxMessageReader.required;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.subscriber.InboxMessageReader.Rejection;
import io.throughgate.withdrawal.WithdrawalNotice;

/**
 * The checks of a consent withdrawal notice, once {@link InboxMessageReader} has verified the hub's signature over
 * its value. As for a record, the signature covers the value only: the headers and the key must say what the signed
 * value says, and the signed value must be addressed to the agency reading it.
 */
final class WithdrawalNoticeChecks {

    /** The one notice {@code ce_type} this subscriber reads. */
    static final String CE_TYPE = WithdrawalNotice.CE_TYPE;
    /** The {@code ce_source} of what the hub itself sends. */
    static final String HUB_SOURCE = "urn:throughgate:hub";

    private WithdrawalNoticeChecks() {
    }

    /**
     * Checks a notice whose signature was verified.
     *
     * @param message the message, for its headers and key
     * @param value its verified value, parsed
     * @param agency the agency whose inbox is read
     * @return the notice as the signed value says
     * @throws Rejection naming the first check that failed
     */
    static WithdrawalNotice check(ConsumerRecord<String, byte[]> message, ObjectNode value, String agency)
            throws Rejection {
        // 1. A notice type and version this subscriber knows. Another one (a newer version, a new kind of notice) is
        // rejected rather than guessed at: the subscriber must be updated to read it.
        String ceType = required(message, "ce_type");
        if (!CE_TYPE.equals(ceType)) {
            throw new Rejection("ce_type is " + ceType + ": the only notice this subscriber reads is " + CE_TYPE);
        }
        // 2. The signed value is such a notice. A record relabelled with a notice ce_type fails here.
        String type = field(value, "type");
        if (!WithdrawalNotice.TYPE.equals(type)) {
            throw new Rejection("ce_type says " + WithdrawalNotice.TYPE + ", but the signed value's type is " + type);
        }
        // 3. ce_id is the signed noticeId: the id by which a repeated notice is recognised. ce_source is the hub.
        String noticeId = field(value, "noticeId");
        expect(message, "ce_id", noticeId);
        expect(message, "ce_source", HUB_SOURCE);
        // 4. The notice is for this agency: its signed recipient, and tg_recipient, name it. A notice for another
        // agency names that agency's pseudonym and records, which mean nothing here.
        String recipient = field(value, "recipient");
        if (!agency.equals(recipient)) {
            throw new Rejection("the notice is for " + recipient + " (its signed recipient), not for " + agency);
        }
        expect(message, "tg_recipient", recipient);
        // 5. The key is the child's pseudonym for this agency, the signed subjectPseudonym. (Neither is printed in
        // the reason: a pseudonym links the child's records.)
        String pseudonym = field(value, "subjectPseudonym");
        if (!pseudonym.equals(message.key())) {
            throw new Rejection("the message key is not the signed value's subjectPseudonym");
        }
        return new WithdrawalNotice(type, noticeId, field(value, "decisionId"), field(value, "purpose"), date(value,
                "withdrawnOn"), instant(value, "withdrawnAt"), recipient, pseudonym, records(value));
    }

    private static LocalDate date(ObjectNode value, String name) throws Rejection {
        try {
            return LocalDate.parse(field(value, name));
        } catch (DateTimeParseException e) {
            throw new Rejection("the value's " + name + " is not a date (yyyy-mm-dd)");
        }
    }

    private static Instant instant(ObjectNode value, String name) throws Rejection {
        try {
            return Instant.parse(field(value, name));
        } catch (DateTimeParseException e) {
            throw new Rejection("the value's " + name + " is not an instant (RFC 3339, UTC)");
        }
    }

    private static long logEntry(ObjectNode record) throws Rejection {
        JsonNode entry = record.get("logEntry");
        if (entry == null || !entry.canConvertToLong() || !entry.isIntegralNumber() || entry.asLong() < 0) {
            throw new Rejection("the value has no logEntry (a whole number)");
        }
        return entry.asLong();
    }

    private static List<WithdrawalNotice.Received> records(ObjectNode value) throws Rejection {
        JsonNode records = value.get("records");
        if (records == null || !records.isArray()) {
            throw new Rejection("the value has no records array");
        }
        List<WithdrawalNotice.Received> received = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!(records.get(i) instanceof ObjectNode record)) {
                throw new Rejection("the value's records[" + i + "] is not an object");
            }
            try {
                received.add(new WithdrawalNotice.Received(field(record, "recordId"), field(record, "agreementId"),
                        logEntry(record)));
            } catch (Rejection e) {
                throw new Rejection("records[" + i + "]: " + e.getMessage());
            }
        }
        return received;
    }
}
