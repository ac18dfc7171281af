package io.throughgate.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.throughgate.config.HubClock;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogEvent;
import io.throughgate.subscriber.Reading;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.SampleRecords;
import io.throughgate.testing.Subscribers;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * One child walked from admission to release against contracts/timeliness.yaml, the clock moved day by day, with
 * records on time, late and never, across the Christmas and New Year bank holidays and a release date that moves.
 * The expected notices follow from the contract's rules, worked out by hand in the comments.
 */
@QuarkusTest
@TestProfile(TimeTravel.class)
class TimelinessNoticeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String YOT = "yot-croydon";
    private static final String ESTABLISHMENT = "yoi-feltham";
    private static final String PARTNERSHIP = "partnership-london-resettlement";

    @Inject
    HubClock clock;

    @Inject
    TimelinessNotices notices;

    @Inject
    KafkaConnection kafka;

    @Inject
    SharingLog sharingLog;

    private final String nhsNumber = TestIdentifiers.nhsNumber();
    private final List<JsonNode> seenByYot = new ArrayList<>();
    private final List<JsonNode> seenByEstablishment = new ArrayList<>();

    @Test
    void aChildIsWalkedFromAdmissionToRelease() throws Exception {
        // Thursday 16 December 2027: admitted to Feltham, Croydon responsible. The initial planning meeting is due
        // within 10 working days: Dec 17, 20, 21, 22, 23, 24, (27 and 28 are bank holidays), 29, 30, 31, (Jan 3
        // is a bank holiday), Jan 4. So it is due on 4 January 2028, and at risk from 1 January (3 days before).
        on("2027-12-16");
        String admission = SampleRecords.about("custody-admission/valid/01-feltham-remand.json", nhsNumber, Map.of(
                "/body/admittedAt", "2027-12-16T10:00:00Z", "/body/responsibleYot", YOT));
        push(ESTABLISHMENT, admission);
        String key = keyOf(admission);
        assertNothingNew(key);

        // Friday 31 December: had bank holidays been counted as working days, it would be due on 30 December and
        // missed by now; it is not yet at risk.
        on("2027-12-31");
        assertNothingNew(key);

        on("2028-01-01");
        JsonNode atRisk = onlyNew(key, YOT);
        assertNotice(atRisk, "at-risk", "initial-planning-meeting", "2028-01-04", 0);
        assertEquals("a planning-meeting record with /body/meetingType initial-planning, dated by /body/meetingDate",
                atRisk.at("/body/missing").asText());
        assertNotice(onlyNew(key, ESTABLISHMENT), "at-risk", "initial-planning-meeting", "2028-01-04", 0);
        assertSignedWithoutIdentifier(messages(YOT, key).get(0));
        JsonNode digest = digestOf("2028-01-01");
        assertTrue(linesOf(digest, key).contains("initial-planning-meeting at-risk 2028-01-04"), digest.toString());

        // Reminders every 2 days: none on the 2nd, one on the 3rd, however many replicas look at once.
        on("2028-01-02");
        assertNothingNew(key);
        moveTo("2028-01-03");
        asIfTwoReplicasLookedAtOnce();
        assertNotice(onlyNew(key, YOT), "at-risk", "initial-planning-meeting", "2028-01-04", 1);
        assertNotice(onlyNew(key, ESTABLISHMENT), "at-risk", "initial-planning-meeting", "2028-01-04", 1);

        // Wednesday 5 January: missed. Then the meeting is recorded, held that day (late), with an expected release
        // on 29 February: the milestone is closed as met.
        on("2028-01-05");
        assertNotice(onlyNew(key, YOT), "missed", "initial-planning-meeting", "2028-01-04", 0);
        assertNotice(onlyNew(key, ESTABLISHMENT), "missed", "initial-planning-meeting", "2028-01-04", 0);
        push(YOT, SampleRecords.about("planning-meeting/valid/01-initial-planning-feltham.json", nhsNumber, Map.of(
                "/body/meetingDate", "2028-01-05", "/body/expectedReleaseDate", "2028-02-29")));
        JsonNode met = onlyNew(key, YOT);
        assertEquals("met", met.at("/body/state").asText());
        assertEquals("2028-01-05", met.at("/body/metOn").asText());
        assertEquals("met", onlyNew(key, ESTABLISHMENT).at("/body/state").asText());

        // Release on 29 February: accommodation is due 14 days before (15 February) and at risk 14 days before that
        // (1 February); the pre-release planning meeting is due on 15 February, at risk only from 8 February.
        on("2028-02-01");
        assertNotice(onlyNew(key, YOT), "at-risk", "accommodation-confirmed", "2028-02-15", 0);
        assertNotice(onlyNew(key, ESTABLISHMENT), "at-risk", "accommodation-confirmed", "2028-02-15", 0);
        // The release moves to 14 March: accommodation is now due on 29 February, at risk from 15 February, so it
        // is no longer due; the pre-release meeting held today is on time and never the subject of a notice.
        push(YOT, SampleRecords.about("planning-meeting/valid/01-initial-planning-feltham.json", nhsNumber, Map.of(
                "/body/meetingType", "pre-release", "/body/meetingDate", "2028-02-01", "/body/expectedReleaseDate",
                "2028-03-14")));
        JsonNode moved = onlyNew(key, YOT);
        assertEquals("no-longer-due", moved.at("/body/state").asText());
        assertEquals("accommodation-confirmed", moved.at("/body/milestone").asText());
        assertEquals("2028-02-29", moved.at("/body/due").asText());
        assertEquals("no-longer-due", onlyNew(key, ESTABLISHMENT).at("/body/state").asText());

        // 1 March: the release notification arrives, the address confirmed on 28 February (on time), an education
        // appointment booked but no health appointment. Release notification, education and health are due 7 days
        // before release (7 March) and at risk from 29 February. Only health is at risk, and only the YOT is told.
        // (The hub last looked on 1 February; it looks again as the record arrives.)
        moveTo("2028-03-01");
        push(ESTABLISHMENT, SampleRecords.about("release-notification/valid/01-wetherby-dto-midpoint-to-hackney.json",
                nhsNumber, Map.of("/sender", ESTABLISHMENT, "/body/establishment", ESTABLISHMENT,
                        "/body/supervisingYot", YOT, "/body/releaseDate", "2028-03-14", "/body/addressConfirmedOn",
                        "2028-02-28", "/body/appointmentsBooked/1/pathway", "case-management-and-transition")));
        assertNotice(onlyNew(key, YOT), "at-risk", "health-appointment-booked", "2028-03-07", 0);
        assertNothingNew(key);

        // 8 March: health is missed; the YOT is told, the digest lists it.
        on("2028-03-08");
        assertNotice(onlyNew(key, YOT), "missed", "health-appointment-booked", "2028-03-07", 0);
        assertNothingNew(key);
        assertEquals(List.of("health-appointment-booked missed 2028-03-07"), linesOf(digestOf("2028-03-08"), key));

        // 15 March: released the day before; no more notices, and the child is off the digest.
        on("2028-03-15");
        assertNothingNew(key);
        assertEquals(List.of(), linesOf(digestOf("2028-03-15"), key));

        // 8 notices to the YOT, 6 to the establishment, none about the pre-release meeting, each in the sharing log.
        assertEquals(8, seenByYot.size());
        assertEquals(6, seenByEstablishment.size());
        assertFalse(seenByYot.stream().anyMatch(notice -> notice.at("/body/milestone").asText().equals(
                "pre-release-planning-meeting")));
        sharingLog.awaitIndexed(Duration.ofSeconds(10));
        assertEquals(14, loggedNotices());

        // The month's statistics: one release in Croydon, so its counts are suppressed, and London's with them.
        var march = TestClients.asDpo(YOT).queryParam("from", "2028-03").queryParam("to", "2028-03").when().get(
                "/v1/timeliness").then().statusCode(200).extract().jsonPath();
        String croydon = "months[0].rows.find { it.borough == 'yot-croydon' }";
        assertEquals(null, (Object) march.get(croydon + ".releases"));
        assertTrue(march.getList(croydon + ".suppressed").contains("releases"));
        assertEquals(null, (Object) march.get("months[0].rows.find { it.borough == 'london' }.releases"));

        // Metrics count milestones by state and notices sent, without a child, agency or date in them.
        String metrics = TestClients.anonymous().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("throughgate_timeliness_milestones{state=\"missed\"}"), "milestones by state");
        assertTrue(metrics.contains("throughgate_timeliness_notices_total{state=\"at-risk\"}"), "notices sent");
        metrics.lines().filter(line -> line.startsWith("throughgate_timeliness")).forEach(line -> assertFalse(line
                .contains(key) || line.contains("yot-") || line.contains("2028"), line));
    }

    /** The subscriber's checks pass on a notice: signed by the hub, under the agreement, with no identifier. */
    private void assertSignedWithoutIdentifier(ConsumerRecord<String, byte[]> message) {
        Reading.Opened opened = assertInstanceOf(Reading.Opened.class, Subscribers.readerFor(YOT).read(message));
        assertEquals("timeliness-notice", opened.message().type());
        assertEquals(PARTNERSHIP, opened.message().from());
        assertEquals("london-resettlement-direct-care", opened.message().agreement());
        String value = new String(message.value(), StandardCharsets.UTF_8);
        assertFalse(value.contains(nhsNumber), value);
        assertFalse(value.contains("Tyrese"), value);
    }

    /** Moves the clock to 09:00 in London on a day and sends what is due. */
    private void on(String day) throws Exception {
        moveTo(day);
        notices.run();
    }

    /** Two runs at the same moment, as two replicas would: the claim in the database lets one send each notice. */
    private void asIfTwoReplicasLookedAtOnce() throws Exception {
        java.util.concurrent.ExecutorService replicas = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(replicas.submit(() -> {
                    start.await();
                    notices.run();
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Object> run : runs) {
                run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    private void moveTo(String day) {
        java.time.Instant target = LocalDate.parse(day).atTime(LocalTime.of(9, 0)).atZone(LONDON).toInstant();
        clock.moveBy(Duration.between(clock.instant(), target));
    }

    private void push(String sender, String record) throws Exception {
        TestClients.push(sender, record).statusCode(202);
        notices.run();
    }

    /** The key of the YOT's copy of a record: the child's pseudonym under the agreement, which notices carry. */
    private String keyOf(String record) throws Exception {
        String recordId = JSON.readTree(record).path("recordId").asText();
        return Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox." + YOT, message -> recordId.equals(Inboxes
                .header(message, "ce_id"))).get(0).key();
    }

    private List<ConsumerRecord<String, byte[]>> messages(String agency, String key) {
        return Inboxes.read(kafka.clientProperties(), "tg.inbox." + agency).stream().filter(message -> key.equals(
                message.key())
                && "io.throughgate.record.timeliness-notice.v1".equals(Inboxes.header(message,
                        "ce_type")))
                .toList();
    }

    /** The notices about the child on an agency's inbox that the test has not seen yet. */
    private List<JsonNode> fresh(String agency, String key) throws Exception {
        List<JsonNode> seen = agency.equals(YOT) ? seenByYot : seenByEstablishment;
        List<JsonNode> all = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> message : messages(agency, key)) {
            all.add(JSON.readTree(message.value()));
        }
        List<JsonNode> fresh = new ArrayList<>(all.subList(Math.min(seen.size(), all.size()), all.size()));
        seen.addAll(fresh);
        return fresh;
    }

    private JsonNode onlyNew(String key, String agency) throws Exception {
        List<JsonNode> fresh = fresh(agency, key);
        assertEquals(1, fresh.size(), agency + " got " + fresh);
        return fresh.get(0);
    }

    private void assertNothingNew(String key) throws Exception {
        assertEquals(List.of(), fresh(YOT, key), "to the YOT");
        assertEquals(List.of(), fresh(ESTABLISHMENT, key), "to the establishment");
    }

    private static void assertNotice(JsonNode notice, String state, String milestone, String due, int reminder) {
        assertEquals(state, notice.at("/body/state").asText(), notice.toString());
        assertEquals(milestone, notice.at("/body/milestone").asText(), notice.toString());
        assertEquals(due, notice.at("/body/due").asText(), notice.toString());
        assertEquals(reminder, notice.at("/body/reminder").asInt(), notice.toString());
        assertEquals(YOT, notice.at("/body/responsibleYot").asText());
        assertEquals(ESTABLISHMENT, notice.at("/body/establishment").asText());
    }

    private JsonNode digestOf(String day) throws Exception {
        List<ConsumerRecord<String, byte[]>> digests = Inboxes.read(kafka.clientProperties(), "tg.inbox."
                + PARTNERSHIP).stream().filter(message -> ("timeliness-digest:" + day).equals(message.key())).toList();
        assertEquals(1, digests.size(), "one digest on " + day);
        return JSON.readTree(digests.get(0).value());
    }

    /** The digest's lines about the child: milestone, state and due day. */
    private static List<String> linesOf(JsonNode digest, String key) {
        List<String> lines = new ArrayList<>();
        digest.at("/body/items").forEach(item -> {
            if (item.path("child").asText().equals(key)) {
                lines.add(item.path("milestone").asText() + " " + item.path("state").asText() + " " + item.path(
                        "due").asText());
            }
        });
        return lines;
    }

    /** The sharing-log entries of the notices seen: one per notice and recipient, under the agreement. */
    private long loggedNotices() throws Exception {
        Set<String> ids = new HashSet<>();
        seenByYot.forEach(notice -> ids.add(notice.path("recordId").asText()));
        seenByEstablishment.forEach(notice -> ids.add(notice.path("recordId").asText()));
        long entries = 0;
        for (String id : ids) {
            for (SharingLogEvent event : sharingLog.queries().eventsOfRecord(UUID.fromString(id))) {
                assertEquals("timeliness-notice", event.recordType());
                assertEquals("london-resettlement-direct-care", event.agreementId());
                assertEquals("delivered", event.outcome());
                entries++;
            }
        }
        return entries;
    }
}
