package io.throughgate.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.throughgate.withdrawal.WithdrawalNotice;

/** The example subscriber reads the hub's consent withdrawal notices: signed like records, checked, not decrypted. */
class WithdrawalNoticeReadingTest {

    private static final String ICB = "health-icb-north-central-london";

    private final InboxMessageReader reader = SignedDeliveries.readerFor(ICB);

    @Test
    void acceptsANoticeTheHubSignedForTheAgencyAndReportsItsFields() {
        WithdrawalNotice sent = SignedNotices.withdrawalFor(ICB);

        Reading result = reader.read(SignedNotices.sent(sent));

        WithdrawalNotice notice = assertInstanceOf(Reading.Notice.class, result, result.toString()).notice();
        assertEquals(WithdrawalNotice.TYPE, notice.type());
        assertEquals(SignedNotices.NOTICE_ID, notice.noticeId());
        assertEquals(SignedNotices.DECISION_ID, notice.decisionId());
        assertEquals("health-information-sharing", notice.purpose());
        assertEquals(LocalDate.parse("2026-11-25"), notice.withdrawnOn());
        assertEquals(Instant.parse("2026-11-25T09:41:07.512Z"), notice.withdrawnAt());
        assertEquals(ICB, notice.recipient());
        assertEquals(SignedDeliveries.KEY, notice.subjectPseudonym());
        assertEquals(new WithdrawalNotice.Received(SignedDeliveries.RECORD_ID, "london-resettlement-health", 41), notice
                .records().get(0));
        assertEquals(sent, notice, "every field as the hub sent it");
    }

    @Test
    void rejectsANoticeChangedAfterTheHubSignedItLikeARecord() {
        WithdrawalNotice sent = SignedNotices.withdrawalFor(ICB);
        ConsumerRecord<String, byte[]> signed = SignedNotices.sent(sent);
        byte[] changed = new String(signed.value(), StandardCharsets.UTF_8).replace("\"withdrawnOn\":\"2026-11-25\"",
                "\"withdrawnOn\":\"2026-12-25\"").getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> message = SignedNotices.message(sent, changed, SignedDeliveries.proofOf(signed),
                reader.hubKeyId());

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(message));
        assertTrue(rejected.reason().startsWith("tg_signature does not verify with the hub key " + reader.hubKeyId()
                + " for " + ICB), rejected.reason());
        assertEquals(SignedNotices.NOTICE_ID, rejected.recordId());
        assertEquals(1, rejected.partition());
        assertEquals(7L, rejected.offset());
    }

    @Test
    void rejectsANoticeSignedForAnotherAgency() {
        ConsumerRecord<String, byte[]> forCamden = SignedNotices.sent(SignedNotices.withdrawalFor("yot-camden"));

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(forCamden));
        assertEquals("the message is addressed to yot-camden, not to " + ICB, rejected.reason());
    }

    @Test
    void rejectsATgRecipientHeaderThatIsNotTheSubscribingAgency() {
        ConsumerRecord<String, byte[]> message = SignedNotices.sent(SignedNotices.withdrawalFor(ICB));
        SignedDeliveries.header(message, "tg_recipient", "yot-camden");

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(message));
        assertEquals("the message is addressed to yot-camden, not to " + ICB, rejected.reason());
    }

    @Test
    void rejectsACeIdThatIsNotTheSignedNoticeId() {
        ConsumerRecord<String, byte[]> message = SignedNotices.sent(SignedNotices.withdrawalFor(ICB));
        SignedDeliveries.header(message, "ce_id", SignedDeliveries.RECORD_ID);

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(message));
        // ce_id is part of the signed input: another id does not verify.
        assertTrue(rejected.reason().startsWith("tg_signature does not verify"), rejected.reason());
    }

    @Test
    void rejectsASignedRecordLabelledAsANotice() {
        ConsumerRecord<String, byte[]> message = SignedDeliveries.delivered(SignedDeliveries.healthSummaryFor(ICB));
        SignedDeliveries.header(message, "ce_type", "io.throughgate.notice.consent-withdrawal-notice.v1");

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(message));
        assertEquals("ce_type says consent-withdrawal-notice, but the signed value's type is health-summary", rejected
                .reason());
    }

    @Test
    void rejectsANoticeTypeItDoesNotKnow() {
        ConsumerRecord<String, byte[]> message = SignedNotices.sent(SignedNotices.withdrawalFor(ICB));
        SignedDeliveries.header(message, "ce_type", "io.throughgate.notice.consent-withdrawal-notice.v2");

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(message));
        assertEquals("ce_type is io.throughgate.notice.consent-withdrawal-notice.v2: the only notice this subscriber "
                + "reads is io.throughgate.notice.consent-withdrawal-notice.v1", rejected.reason());
    }

    @Test
    void rejectsAKeyThatIsNotTheSignedPseudonym() {
        ConsumerRecord<String, byte[]> sent = SignedNotices.sent(SignedNotices.withdrawalFor(ICB));
        ConsumerRecord<String, byte[]> message = new ConsumerRecord<>(sent.topic(), sent.partition(), sent.offset(),
                "k1.c29tZW9uZS1lbHNl", sent.value());
        sent.headers().forEach(message.headers()::add);

        Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, reader.read(message));
        assertEquals("the message key is not the signed value's subjectPseudonym", rejected.reason());
    }
}
