package io.throughgate.timeliness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.timeliness.MilestoneStatus.State;

/**
 * A child's timeline walked from admission to release with the shipped milestones. Expected days are counted by
 * hand from the rules in {@code contracts/timeliness.yaml} and the bank holidays of England and Wales.
 */
class TimelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TimelinessContract CONTRACT = TimelinessContracts.shipped();

    @Test
    void theInitialPlanningMeetingIsDueTenWorkingDaysAfterAdmissionSkippingChristmas() throws Exception {
        // Admitted on Thursday 17 December 2026. Working days: 18, 21, 22, 23, 24 December (5); 25 December and
        // 28 December (Boxing Day's substitute) are bank holidays; 29, 30, 31 December (8); 1 January is a bank
        // holiday; 4 and 5 January 2027 (10).
        Timeline admitted = Timeline.EMPTY.observe(CONTRACT, "custody-admission", json("""
                {"body": {"admittedAt": "2026-12-17T15:20:00Z", "establishment": "yoi-feltham",
                 "responsibleYot": "yot-camden"}}"""), LocalDate.of(2026, 12, 17));
        assertEquals(LocalDate.of(2027, 1, 5), status(admitted, "initial-planning-meeting", "2026-12-30").due());
        assertEquals(State.OPEN, status(admitted, "initial-planning-meeting", "2027-01-01").state());
        assertEquals(State.AT_RISK, status(admitted, "initial-planning-meeting", "2027-01-02").state(),
                "at risk from 3 days before");
        assertEquals(State.AT_RISK, status(admitted, "initial-planning-meeting", "2027-01-05").state());
        assertEquals(State.MISSED, status(admitted, "initial-planning-meeting", "2027-01-06").state());
        assertEquals(State.NOT_STARTED, status(admitted, "accommodation-confirmed", "2027-01-06").state(),
                "no release date is known yet");
        assertEquals("yot-camden", admitted.responsibleYot());
        assertEquals("yoi-feltham", admitted.establishment());

        Timeline onTime = admitted.observe(CONTRACT, "planning-meeting", meeting("initial-planning", "2027-01-05",
                null), LocalDate.of(2027, 1, 6));
        assertEquals(State.MET_ON_TIME, status(onTime, "initial-planning-meeting", "2027-01-20").state());
        Timeline late = admitted.observe(CONTRACT, "planning-meeting", meeting("initial-planning", "2027-01-06",
                null), LocalDate.of(2027, 1, 6));
        assertEquals(State.MET_LATE, status(late, "initial-planning-meeting", "2027-01-20").state());
        Timeline review = admitted.observe(CONTRACT, "planning-meeting", meeting("review", "2027-01-04", null),
                LocalDate.of(2027, 1, 4));
        assertEquals(State.MISSED, status(review, "initial-planning-meeting", "2027-01-06").state(),
                "a review meeting is not the initial planning meeting");
    }

    @Test
    void aMovedReleaseDateMovesEveryDeadlineCountedFromIt() throws Exception {
        Timeline planned = Timeline.EMPTY.observe(CONTRACT, "planning-meeting", meeting("review", "2027-01-20",
                "2027-03-01"), LocalDate.of(2027, 1, 20));
        assertEquals(LocalDate.of(2027, 2, 15), status(planned, "accommodation-confirmed", "2027-01-21").due());
        Timeline moved = planned.observe(CONTRACT, "planning-meeting", meeting("review", "2027-02-01",
                "2027-03-15"), LocalDate.of(2027, 2, 1));
        assertEquals(LocalDate.of(2027, 3, 1), status(moved, "accommodation-confirmed", "2027-02-02").due(),
                "14 days before the later release date");
        assertEquals(State.OPEN, status(moved, "accommodation-confirmed", "2027-02-14").state());
        assertEquals(State.AT_RISK, status(moved, "accommodation-confirmed", "2027-02-15").state(),
                "at risk from 14 days before its due day");
        assertEquals(LocalDate.of(2027, 3, 8), status(moved, "release-notification-sent", "2027-02-02").due());
    }

    @Test
    void theReleaseNotificationMeetsWhatItCarriesAndNotWhatItLacks() throws Exception {
        Timeline planned = Timeline.EMPTY.observe(CONTRACT, "planning-meeting", meeting("pre-release",
                "2027-02-28", "2027-03-15"), LocalDate.of(2027, 2, 28));
        Timeline notified = planned.observe(CONTRACT, "release-notification", json("""
                {"body": {"releaseDate": "2027-03-15", "supervisingYot": "yot-hackney",
                 "addressConfirmedOn": "2027-03-02",
                 "appointmentsBooked": [{"pathway": "education-training-employment", "date": "2027-03-17"}]}}"""),
                LocalDate.of(2027, 3, 3));
        Map<String, State> states = notified.statuses(CONTRACT, LocalDate.of(2027, 3, 9)).stream().collect(
                Collectors.toMap(status -> status.milestone().id(), MilestoneStatus::state));
        assertEquals(State.MET_ON_TIME, states.get("pre-release-planning-meeting"), "held 15 days before");
        assertEquals(State.MET_LATE, states.get("accommodation-confirmed"), "confirmed 13 days before");
        assertEquals(State.MET_ON_TIME, states.get("release-notification-sent"), "received 12 days before");
        assertEquals(State.MET_ON_TIME, states.get("ete-appointment-booked"));
        assertEquals(State.MISSED, states.get("health-appointment-booked"), "due 8 March, none booked");
        assertEquals(State.NOT_STARTED, states.get("initial-planning-meeting"), "no admission seen");
        assertEquals("yot-hackney", notified.responsibleYot(), "a release notification's supervising YOT");
    }

    private static MilestoneStatus status(Timeline timeline, String milestone, String today) {
        return MilestoneStatus.of(CONTRACT.milestone(milestone).orElseThrow(), timeline, CONTRACT.calendar(),
                LocalDate.parse(today));
    }

    private static JsonNode meeting(String type, String held, String expectedRelease) throws Exception {
        return json("{\"body\": {\"meetingType\": \"" + type + "\", \"meetingDate\": \"" + held + "\""
                + (expectedRelease == null ? "" : ", \"expectedReleaseDate\": \"" + expectedRelease + "\"") + "}}");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
