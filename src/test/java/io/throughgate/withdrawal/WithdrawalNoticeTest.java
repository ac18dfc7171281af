package io.throughgate.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.deliver.TestRecords;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.subscriber.Reading;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.Subscribers;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestConsents;
import io.throughgate.testing.TestIdentifiers;

/**
 * When consent is withdrawn, exactly the agencies that received data relying on it are told, on their own inbox,
 * with the child named by their own pseudonym; an agency that received the same record without consent-gated data
 * is not.
 */
@QuarkusTest
class WithdrawalNoticeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ICB = "health-icb-north-central-london";

    @Inject
    KafkaConnection kafka;

    @Inject
    WithdrawalNotices notices;

    @Test
    void aWithdrawalNoticeReachesExactlyTheAgenciesThatReceivedConsentGatedData() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = TestConsents.permitHealthSharing(nhsNumber, "FELTHAM-HC/CONSENT/2026/0400");
        String recordId = pushHealthSummary(nhsNumber);
        String icbKey = Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox." + ICB, record -> recordId.equals(
                Inboxes.header(record, "ce_id"))).get(0).key();
        Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox.yot-camden", record -> recordId.equals(Inboxes
                .header(record, "ce_id")));

        WithdrawalNotices.Tally before = notices.tally(java.util.Optional.of(ICB));
        withdraw(decision, "FELTHAM-HC/CONSENT/2026/0401");

        ConsumerRecord<String, byte[]> notice = Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox." + ICB,
                record -> isNoticeOf(record, decision)).get(0);
        JsonNode value = JSON.readTree(notice.value());
        assertEquals(icbKey, notice.key(), "the child, as the ICB's own pseudonym");
        assertEquals(icbKey, value.get("subjectPseudonym").asText());
        assertEquals("health-information-sharing", value.get("purpose").asText());
        assertEquals(LocalDate.now(java.time.ZoneId.of("Europe/London")).toString(), value.get("withdrawnOn")
                .asText());
        assertEquals(recordId, value.at("/records/0/recordId").asText());
        assertInstanceOf(Reading.Notice.class, Subscribers.readerFor(ICB).read(notice), "signed by the hub for the "
                + "ICB's inbox");
        // Both health recipients got the consent-gated clinical summary; Camden got the same record without it.
        assertEquals(Set.of(ICB, "health-nhse-health-justice"), agenciesNoticed(decision),
                "exactly the agencies that received consent-gated data");
        // One notice to the ICB for the one child and decision, counted as sent once Kafka acknowledged it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> notices.tally(
                java.util.Optional.of(ICB)).sent() == before.sent() + 1);
        WithdrawalNotices.Tally after = notices.tally(java.util.Optional.of(ICB));
        assertEquals(0, after.awaiting(), "no delivery to the ICB waits for a notice");
        assertTrue(notices.tally(java.util.Optional.empty()).sent() >= after.sent() + 1,
                "the whole partnership's tally counts the notice to NHS England too");
    }

    @Test
    void aDeliveryIndexedAfterTheFirstNoticeGetsANoticeOfItsOwn() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String decision = TestConsents.permitHealthSharing(nhsNumber, "FELTHAM-HC/CONSENT/2026/0410");
        String recordId = pushHealthSummary(nhsNumber);
        ConsumerRecord<String, byte[]> logged = Inboxes.awaitMatching(kafka.clientProperties(), "tg.sharing-log",
                entry -> recordId.equals(entry.key()) && ICB.equals(field(entry, "recipient"))).get(0);
        withdraw(decision, "FELTHAM-HC/CONSENT/2026/0411");
        JsonNode first = JSON.readTree(Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox." + ICB,
                record -> isNoticeOf(record, decision)).get(0).value());
        assertEquals(List.of(recordId), recordIds(first));

        // A second delivery that relied on the decision (its consent checked before the withdrawal) whose log entry
        // is indexed only now, after the first notice went.
        String lateRecordId = UUID.randomUUID().toString();
        ObjectNode late = (ObjectNode) JSON.readTree(logged.value());
        late.put("eventId", UUID.randomUUID().toString()).put("recordId", lateRecordId);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("tg.sharing-log", lateRecordId, JSON.writeValueAsBytes(late))).get(30,
                    TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, byte[]>> notices = Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox."
                + ICB, record -> isNoticeOf(record, decision) && recordIds(record).contains(lateRecordId));
        JsonNode second = JSON.readTree(notices.get(0).value());
        assertEquals(List.of(lateRecordId), recordIds(second), "the late delivery has a notice of its own");
        assertNotEquals(first.get("noticeId"), second.get("noticeId"));
        assertTrue(second.at("/records/0/logEntry").asLong() > first.at("/records/0/logEntry").asLong(),
                "each notice names the log entries it covers");
        assertInstanceOf(Reading.Notice.class, Subscribers.readerFor(ICB).read(notices.get(0)));
    }

    /** Feltham's health summary of the child, with clinical detail for the ICB; its record id. */
    private static String pushHealthSummary(String nhsNumber) {
        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(TestRecords.healthSummary(recordId,
                nhsNumber, ICB, "Seen weekly by the in-reach team.")).when().post("/v1/records").then().statusCode(202);
        return recordId;
    }

    private static void withdraw(String decision, String evidence) {
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body("{\"evidenceReference\": \"" + evidence
                + "\"}").when().post("/v1/consents/" + decision + "/withdrawal").then().statusCode(200);
    }

    private static String field(ConsumerRecord<String, byte[]> record, String name) {
        try {
            return JSON.readTree(record.value()).path(name).asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static List<String> recordIds(ConsumerRecord<String, byte[]> notice) {
        try {
            return recordIds(JSON.readTree(notice.value()));
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static List<String> recordIds(JsonNode notice) {
        List<String> ids = new java.util.ArrayList<>();
        notice.path("records").forEach(record -> ids.add(record.path("recordId").asText()));
        return ids;
    }

    private static boolean isNoticeOf(ConsumerRecord<String, byte[]> record, String decision) {
        if (!"io.throughgate.notice.consent-withdrawal-notice.v1".equals(Inboxes.header(record, "ce_type"))) {
            return false;
        }
        try {
            return decision.equals(JSON.readTree(record.value()).get("decisionId").asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Every agency whose inbox holds a notice of the decision, once no notice of it is still due. */
    private Set<String> agenciesNoticed(String decision) throws Exception {
        Map<String, Object> client = new HashMap<>(kafka.clientProperties());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> notices.due().stream().noneMatch(notice -> notice
                .decisionId().equals(decision)));
        Set<String> noticed = new java.util.HashSet<>();
        for (String topic : Inboxes.inboxTopics(client)) {
            List<ConsumerRecord<String, byte[]>> records = Inboxes.read(client, topic);
            if (records.stream().anyMatch(record -> isNoticeOf(record, decision))) {
                noticed.add(topic.substring("tg.inbox.".length()));
            }
        }
        return noticed;
    }
}
