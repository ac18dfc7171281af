package io.throughgate.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.database.HubDatabase;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.testing.SampleRecords;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;
import io.throughgate.timeliness.Timeline;
import io.throughgate.timeliness.Timelines;

/**
 * Records that pass the gate move their child's timeline on: the admission, the planning meetings and the release
 * notification, as the README's samples send them; the timeline keeps dates and agencies only.
 */
@QuarkusTest
class TimelineWatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Timelines timelines;

    @Inject
    SubjectPseudonyms pseudonyms;

    @Inject
    HubDatabase database;

    @Test
    void theSamplesOfAChildsCustodyBuildItsTimeline() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        push("yoi-feltham", sample("custody-admission/valid/01-feltham-remand.json", nhsNumber, Map.of(
                "/body/admittedAt", "2026-12-17T15:20:00Z")));
        push("yot-croydon", sample("planning-meeting/valid/01-initial-planning-feltham.json", nhsNumber, Map.of(
                "/body/meetingDate", "2027-01-04", "/body/expectedReleaseDate", "2027-03-01")));
        push("yot-croydon", sample("planning-meeting/valid/01-initial-planning-feltham.json", nhsNumber, Map.of(
                "/body/meetingType", "review", "/body/meetingDate", "2027-02-01", "/body/expectedReleaseDate",
                "2027-03-15")));

        Timeline timeline = timelines.find(known(nhsNumber)).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 17), timeline.admittedOn());
        assertEquals(LocalDate.of(2027, 3, 15), timeline.releaseOn(), "the later meeting moved the release date");
        assertEquals(Map.of("initial-planning-meeting", LocalDate.of(2027, 1, 4)), timeline.met());
        assertEquals("yot-croydon", timeline.responsibleYot());
        assertEquals("yoi-feltham", timeline.establishment());
    }

    @Test
    void aRecordThatDoesNotPassMovesNothingAndTheTimelineHoldsNoIdentifier() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        // Camden's certificate may not send Feltham's admission: the record is refused and not watched.
        TestClients.push("yot-camden", sample("custody-admission/valid/01-feltham-remand.json", nhsNumber, Map.of()))
                .statusCode(403);
        assertTrue(timelines.find(known(nhsNumber)).isEmpty());

        push("yoi-feltham", sample("custody-admission/valid/01-feltham-remand.json", nhsNumber, Map.of()));
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM timeliness_timeline t JOIN "
                        + "timeliness_subject s ON s.timeline_id = t.timeline_id")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    String value = rows.getString(column);
                    assertFalse(value != null && (value.contains(nhsNumber) || value.contains("Tyrese")),
                            "the timeline holds no identifier or name");
                }
            }
        }
    }

    @Test
    void aTimelineIsDeletedTheConfiguredTimeAfterRelease() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        ObjectNode release = (ObjectNode) JSON.readTree(io.throughgate.deliver.TestRecords.release(UUID.randomUUID()
                .toString(), "expiry", "yoi-feltham", "yot-camden", nhsNumber));
        ((ObjectNode) release.get("subject")).remove("nomisNumber");
        LocalDate released = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(91);
        ((ObjectNode) release.get("body")).put("releaseDate", released.toString()).put("addressConfirmedOn", released
                .minusDays(20).toString());
        push("yoi-feltham", release.toString());
        assertEquals(released, timelines.find(known(nhsNumber)).orElseThrow().releaseOn());

        timelines.expire(java.time.Period.ofDays(91));
        assertTrue(timelines.find(known(nhsNumber)).isPresent(), "kept for 91 days after release");
        timelines.expire(java.time.Period.ofDays(90));
        assertTrue(timelines.find(known(nhsNumber)).isEmpty(), "deleted once released more than 90 days ago");
    }

    /**
     * Timeliness notices go out in the partnership's name under the direct-care agreement, but only the hub issues
     * them: the partnership's own certificate cannot push one, with or without a child's identifiers, so no one can
     * send a YOT a notice the hub did not work out.
     */
    @Test
    void noAgencyCanSendATimelinessNotice() throws Exception {
        ObjectNode notice = JSON.createObjectNode().put("recordId", UUID.randomUUID().toString()).put("type",
                "timeliness-notice").put("schemaVersion", 1).put("sender", "partnership-london-resettlement").put(
                        "occurredAt", "2026-12-01T09:00:00Z");
        notice.putObject("body").put("state", "missed").put("milestone", "accommodation-confirmed").put(
                "responsibleYot", "yot-croydon").put("establishment", "yoi-feltham");
        TestClients.push("partnership-london-resettlement", notice.toString()).statusCode(400).body(
                "violations.pointer",
                org.hamcrest.Matchers.hasItem("/type"));
        notice.putObject("subject").put("nhsNumber", TestIdentifiers.nhsNumber());
        TestClients.push("partnership-london-resettlement", notice.toString()).statusCode(400).body(
                "violations.pointer",
                org.hamcrest.Matchers.hasItem("/type"));
    }

    private Set<String> known(String nhsNumber) {
        return pseudonyms.lookup(JSON.createObjectNode().put("nhsNumber", nhsNumber));
    }

    private static void push(String sender, String record) {
        TestClients.push(sender, record).statusCode(202);
    }

    private static String sample(String path, String nhsNumber, Map<String, String> changes) throws Exception {
        return SampleRecords.about(path, nhsNumber, changes);
    }
}
