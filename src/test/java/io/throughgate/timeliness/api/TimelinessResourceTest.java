package io.throughgate.timeliness.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.database.HubDatabase;
import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.FeasibleRanges;
import io.throughgate.disclosure.SmallNumbers;
import io.throughgate.testing.TestClients;
import io.throughgate.timeliness.Outcome;
import io.throughgate.timeliness.Timelines;
import io.throughgate.timeliness.TimelinessTable;

/**
 * GET /v1/timeliness: who may read it, and a month's table checked against the rules. In January 2025,
 * Camden released 7 children whose five release milestones were all met on time, Islington 2 children who met
 * none; neither's admission is known, so each child's initial planning meeting stays open.
 */
@QuarkusTest
class TimelinessResourceTest {

    @Inject
    HubDatabase database;

    @Inject
    Timelines timelines;

    @Test
    void onlyDposAndThePartnershipReadIt() {
        TestClients.as("yot-camden").when().get("/v1/timeliness").then().statusCode(403).body("code", equalTo(
                "dpo-or-partnership-only"));
        TestClients.asDpo("yot-camden").when().get("/v1/timeliness").then().statusCode(200).body("months", hasSize(
                12));
        TestClients.as("partnership-london-resettlement").when().get("/v1/timeliness").then().statusCode(200);
    }

    @Test
    void aMonthThatIsNotOneIsRefusedByName() {
        TestClients.asDpo("yot-camden").queryParam("from", "2025-13").when().get("/v1/timeliness").then()
                .statusCode(400).body("violations.pointer", org.hamcrest.Matchers.hasItem("from"));
        TestClients.asDpo("yot-camden").queryParam("from", "2023-01").queryParam("to", "2025-01").when().get(
                "/v1/timeliness").then().statusCode(400)
                .body("violations.pointer", org.hamcrest.Matchers.hasItem("from"));
    }

    @Test
    void smallCountsAreSuppressedAndTheRestRounded() throws Exception {
        LocalDate released = LocalDate.of(2025, 1, 20);
        for (int i = 0; i < 7; i++) {
            insert("yot-camden", released, true);
        }
        for (int i = 0; i < 2; i++) {
            insert("yot-islington", released, false);
        }
        // True counts, from the children above: Camden 7 releases, 35 on time, 0 late, 0 missed, 7 open;
        // Islington 2, 0, 0, 10, 2; London 9, 35, 0, 10, 9; every other borough 0.
        Map<String, int[]> truth = new HashMap<>();
        truth.put("yot-camden", new int[]{7, 35, 0, 0, 7});
        truth.put("yot-islington", new int[]{2, 0, 0, 10, 2});
        truth.put("london", new int[]{9, 35, 0, 10, 9});
        var table = TestClients.asDpo("partnership-london-resettlement").queryParam("from", "2025-01").queryParam(
                "to", "2025-01").when().get("/v1/timeliness").then().statusCode(200).body("months", hasSize(1))
                .body("months[0].rows", hasSize(33)).extract().jsonPath();
        List<Map<String, Object>> rows = table.getList("months[0].rows");
        List<SmallNumbers.Cell> published = new ArrayList<>();
        int[] counts = new int[rows.size() * FIELDS.size()];
        for (int row = 0; row < rows.size(); row++) {
            int[] expected = truth.getOrDefault((String) rows.get(row).get("borough"), new int[5]);
            for (int column = 0; column < FIELDS.size(); column++) {
                Integer shown = (Integer) rows.get(row).get(FIELDS.get(column));
                int count = expected[column];
                counts[row * FIELDS.size() + column] = count;
                published.add(new SmallNumbers.Cell(shown, false));
                if (count > 0 && count < 5) {
                    assertEquals(null, shown, "1 to 4 is never shown: " + rows.get(row));
                } else if (shown != null) {
                    assertEquals((count + 2) / 5 * 5, shown, "rounded to the nearest 5: " + rows.get(row));
                }
            }
        }
        // Suppressed as the rules say, and a reader who solves the table cannot narrow any suppressed count to
        // less than 5 (the check is the linear programme of FeasibleRanges, independent of how cells were chosen).
        assertEquals(null, (Object) table.get("months[0].rows.find { it.borough == 'yot-islington' }.releases"));
        assertEquals(0, (int) table.get("months[0].rows.find { it.borough == 'yot-barnet' }.releases"));
        for (FeasibleRanges.Range range : FeasibleRanges.of(published, TimelinessTable.sums(rows.size(), FIELDS
                .size(), 6), new DisclosureRule(4, 5))) {
            assertTrue(range.width() >= 5 - 1e-6, "cell " + range.cell() + " narrowed to " + range.low() + ".."
                    + range.high());
        }
    }

    /** The counts of a row, in the order of the table's columns. */
    private static final List<String> FIELDS = List.of("releases", "metOnTime", "metLate", "missed", "open");

    @Test
    void aDeletedTimelineStillCounts() throws Exception {
        insert("yot-hackney", LocalDate.of(2025, 2, 10), false);
        timelines.expire(Period.ofDays(90));
        var tallies = timelines.tallies(YearMonth.of(2025, 2), YearMonth.of(2025, 2)).stream().filter(
                tally -> tally.borough().equals("yot-hackney")).toList();
        assertEquals(1, tallies.stream().filter(tally -> tally.outcome() == Outcome.RELEASES).mapToLong(
                Timelines.Tally::children).sum());
        assertEquals(5, tallies.stream().filter(tally -> tally.outcome() == Outcome.MISSED).mapToLong(
                Timelines.Tally::children).sum());
    }

    /** A released child's timeline: every release milestone met 20 days before release, or none. */
    private void insert(String yot, LocalDate releaseOn, boolean met) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement timeline = connection.prepareStatement("INSERT INTO timeliness_timeline "
                        + "(timeline_id, release_on, responsible_yot, establishment, updated_at) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement milestone = connection.prepareStatement(
                        "INSERT INTO timeliness_met (timeline_id, milestone, met_on) VALUES (?, ?, ?)")) {
            timeline.setObject(1, id);
            timeline.setDate(2, Date.valueOf(releaseOn));
            timeline.setString(3, yot);
            timeline.setString(4, "yoi-feltham");
            timeline.setObject(5, OffsetDateTime.now());
            timeline.executeUpdate();
            if (met) {
                for (String milestoneId : java.util.List.of("pre-release-planning-meeting", "accommodation-confirmed",
                        "release-notification-sent", "ete-appointment-booked", "health-appointment-booked")) {
                    milestone.setObject(1, id);
                    milestone.setString(2, milestoneId);
                    milestone.setDate(3, Date.valueOf(releaseOn.minusDays(20)));
                    milestone.executeUpdate();
                }
            }
        }
    }
}
