package io.throughgate.sharinglog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The search columns travel as headers beside the event: what the indexer reads back is what the rules of
 * {@link SharingLogRows} give for the event (pseudonyms once each and sorted; consent decisions only for a delivery).
 */
class SharingLogColumnsTest {

    private static final String DECISION_B = "9e0c9a7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f";
    private static final String DECISION_A = "1e0c9a7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f";

    @Test
    void aDeliveryKeepsEveryColumnThroughItsHeaders() {
        SharingLogColumns read = throughHeaders(event("delivered", "pseudo.Ab-_9"));
        assertEquals(new SharingLogColumns(UUID.fromString("6f1c1e0a-8a7e-4b7c-9b1f-0c5f7f0e2a11"), "delivered",
                UUID.fromString("0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"), "health-summary", "yoi-feltham",
                "health-icb-north-central-london", "pseudo.Ab-_9", "london-resettlement-health",
                "health-information-sharing", Instant.parse("2026-11-20T10:00:00.123456Z"), List.of("k1.aaa",
                        "k2.bbb"),
                List.of(UUID.fromString(DECISION_A), UUID.fromString(DECISION_B))), read);
    }

    @Test
    void aWithheldEntryHasNoRecipientPseudonymAndReliedOnNoConsent() {
        SharingLogColumns read = throughHeaders(event("withheld", null));
        assertNull(read.recipientPseudonym());
        assertEquals(List.of(), read.consentDecisions());
        assertEquals(List.of("k1.aaa", "k2.bbb"), read.subjectPseudonyms());
    }

    @Test
    void aMessageWithoutColumnsHasNoneAndOneWithSomeIsRefused() {
        assertNull(SharingLogColumns.from(new RecordHeaders()));
        RecordHeaders headers = new RecordHeaders();
        SharingLogColumns.of(event("delivered", "pseudo.x")).addTo(headers);
        headers.remove("tg_log_recipient");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SharingLogColumns.from(headers));
        assertEquals("the sharing-log message lacks the header tg_log_recipient", refused.getMessage());
    }

    @Test
    void anEventWithoutARequiredMemberHasNoColumns() {
        SharingLogEvent event = event("delivered", "pseudo.x");
        SharingLogEvent noSender = new SharingLogEvent(event.eventId(), event.outcome(), event.recordId(), event
                .recordType(), null, event.recipient(), event.recipientPseudonym(), event.agreementId(), 1,
                event
                        .agreementSha256(),
                event.purpose(), event.lawfulBasis(), event.consentDecisions(), event
                        .fields(),
                event.subjectPseudonyms(), event.occurredAt(), event.receivedAt(), null,
                null, null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> SharingLogColumns.of(noSender));
    }

    private static SharingLogColumns throughHeaders(SharingLogEvent event) {
        RecordHeaders headers = new RecordHeaders();
        SharingLogColumns.of(event).addTo(headers);
        return SharingLogColumns.from(headers);
    }

    private static SharingLogEvent event(String outcome, String recipientPseudonym) {
        return new SharingLogEvent("6f1c1e0a-8a7e-4b7c-9b1f-0c5f7f0e2a11", outcome,
                "0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "health-summary", "yoi-feltham",
                "health-icb-north-central-london", recipientPseudonym, "london-resettlement-health", 3, "a".repeat(64),
                "health-information-sharing", new SharingLogEvent.LawfulBasis("public-task", List.of(), List.of(),
                        List.of()),
                List.of(DECISION_B, DECISION_A, DECISION_B), List.of(), List.of("k2.bbb", "k1.aaa", "k2.bbb"),
                "2026-11-20T09:59:00Z", Instant.parse("2026-11-20T10:00:00.123456789Z"), null, null, null, null, null,
                null);
    }
}
