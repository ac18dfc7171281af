package io.throughgate.evaluation.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;
import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.FeasibleRanges;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.disclosure.SmallNumbers;
import io.throughgate.evaluation.CountTable;
import io.throughgate.evaluation.CountTableJson;
import io.throughgate.evaluation.Counts;
import io.throughgate.evaluation.EvaluationReader;
import io.throughgate.evaluation.publish.EvaluationReleases;
import io.throughgate.evaluation.publish.MonthlyCounts;
import io.throughgate.ingest.RecordsResource;
import io.throughgate.json.Json;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.testing.SampleRecords;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * A month of the evaluation's tables over a synthetic population: a few hundred children admitted to Feltham from
 * the 32 boroughs, most boroughs a handful, some none, a few many, with an initial planning meeting for most, all
 * pushed through the hub. The counts rise by exactly what was sent, and the published tables follow the evaluation
 * agreement's rule (1 to 7 suppressed, the rest rounded to 5) and cannot be solved below 8 from what they show.
 */
@QuarkusTest
class EvaluationTablesTest {

    /** london-resettlement-evaluation: counts from 1 to 7 suppressed, the rest rounded to 5. */
    private static final DisclosureRule RULE = new DisclosureRule(7, 5);

    @Inject
    EvaluationReleases releases;

    @Inject
    MonthlyCounts counts;

    @Inject
    AgencyDirectory directory;

    @Inject
    SharingLog sharingLog;

    @Inject
    Clock clock;

    @Test
    void aMonthOfASyntheticPopulationIsPublishedSafely() throws Exception {
        YearMonth month = YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        sharingLog.awaitIndexed(Duration.ofSeconds(30));
        Counts before = counts.of(PublishedTable.EVALUATION_CUSTODY, month, today);
        List<String> boroughs = directory.ofKind(AgencyKind.YOT).stream().map(agency -> agency.code()).sorted()
                .toList();
        Random random = new Random(20261204);
        List<String> admissions = new ArrayList<>();
        int[] admitted = new int[boroughs.size()];
        int[] met = new int[boroughs.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < boroughs.size(); i++) {
            String borough = boroughs.get(i);
            int roll = random.nextInt(20);
            admitted[i] = roll < 3 ? 0 : roll < 17 ? 1 + random.nextInt(10) : 10 + random.nextInt(20);
            List<String> meetings = new ArrayList<>();
            for (int child = 0; child < admitted[i]; child++) {
                String nhsNumber = uniqueNhsNumber(used);
                admissions.add(SampleRecords.about("custody-admission/valid/01-feltham-remand.json", nhsNumber, Map
                        .of("/body/admittedAt", clock.instant().minusSeconds(60).toString(), "/body/responsibleYot",
                                borough)));
                if (random.nextInt(4) > 0) {
                    meetings.add(SampleRecords.about("planning-meeting/valid/01-initial-planning-feltham.json",
                            nhsNumber, Map.of("/sender", borough, "/body/responsibleYot", borough,
                                    "/body/meetingDate", today.toString())));
                }
            }
            met[i] = meetings.size();
            pushBatches("yoi-feltham", admissions);
            admissions.clear();
            pushBatches(borough, meetings);
        }
        int children = IntStream.of(admitted).sum();
        assertTrue(children >= 200 && children <= 500, "several hundred children: " + children);

        // Each admission and meeting received this month counts once, in the child's responsible YOT's borough, once
        // the sharing log has indexed them.
        sharingLog.awaitIndexed(Duration.ofSeconds(30));
        Counts after = counts.of(PublishedTable.EVALUATION_CUSTODY, month, today);
        for (int i = 0; i < boroughs.size(); i++) {
            String borough = boroughs.get(i);
            assertEquals(admitted[i], after.get(borough, "admissions") - before.get(borough, "admissions"), borough);
            assertEquals(met[i], after.get(borough, "planning-meetings") - before.get(borough,
                    "planning-meetings"), borough);
        }

        List<EvaluationReleases.Release> published = releases.publish(month, today);
        assertEquals(3, published.size());
        EvaluationReleases.Release custody = published.get(0);
        CountTable table = CountTableJson.table(custody.monthTable());
        assertFollowsTheRule(after, table);
        Optional<CountTable> last = month.getMonthValue() == 4
                ? Optional.empty()
                : releases.of(month.minusMonths(1))
                        .stream().filter(release -> release
                                .table() == PublishedTable.EVALUATION_CUSTODY)
                        .findFirst().map(release -> CountTableJson.table(
                                release.yearToDateTable()));
        assertNoSuppressedCountNarrowerThanEight(table, CountTableJson.table(custody.yearToDateTable()), last);

        // Published once: made again, the month reads the same.
        assertEquals(Json.text(custody.monthTable()), Json.text(releases.publish(month, today).get(0)
                .monthTable()));

        // Served as published, as JSON and CSV.
        JsonNode served = Json.mapper().readTree(TestClients.as("eval-mopac").queryParam("month", month.toString())
                .when().get("/v1/evaluation/tables").then().statusCode(200).body("tables", hasSize(3)).extract()
                .asString());
        assertEquals(custody.monthTable(), served.at("/tables/0/month"));
        String csv = TestClients.asDpo("yot-camden").queryParam("month", month.toString()).when().get(
                "/v1/evaluation/tables/evaluation-custody/month.csv").then().statusCode(200).extract().asString();
        assertEquals("borough,admissions,releases,planning-meetings,transitions-to-adult-services", csv.lines()
                .findFirst().orElseThrow());
        assertEquals(boroughs.size() + 2 + 1, csv.lines().count(), "a line per borough, not-known and london");

        // And in the DPO console, each table for the month and the year to date, a suppressed count as [c].
        String page = TestClients.asDpo("partnership-london-resettlement").when().get("/console/evaluation/"
                + month).then().statusCode(200).extract().asString();
        for (String id : List.of("evaluation-custody-month", "evaluation-custody-year-to-date",
                "evaluation-milestones-month", "evaluation-consent-year-to-date")) {
            assertTrue(page.contains("id=\"" + id + "\""), id);
        }
        assertTrue(page.contains("[c]"), "small counts suppressed");
    }

    @Test
    void onlyDposThePartnershipAndTheEvaluatorsReadThem() {
        TestClients.as("yot-camden").queryParam("month", "2026-01").when().get("/v1/evaluation/tables").then()
                .statusCode(403).body("code", equalTo("evaluation-readers-only"));
        TestClients.as("yoi-feltham").when().get("/v1/evaluation/months").then().statusCode(403);
        TestClients.as("partnership-london-resettlement").when().get("/v1/evaluation/months").then().statusCode(
                200);
    }

    @Test
    void aMonthNotPublishedOrNotAMonthIsSaidSo() {
        TestClients.as("eval-mopac").queryParam("month", "2019-01").when().get("/v1/evaluation/tables").then()
                .statusCode(404).body("code", equalTo("not-yet-published"));
        TestClients.as("eval-mopac").queryParam("month", "2026-13").when().get("/v1/evaluation/tables").then()
                .statusCode(400).body("violations.pointer", hasItem("month"));
        TestClients.as("eval-mopac").when().get("/v1/evaluation/tables").then().statusCode(400);
        TestClients.as("eval-mopac").queryParam("month", "2026-01").when().get(
                "/v1/evaluation/tables/evaluation-census/month.csv").then().statusCode(404);
    }

    /** An NHS number no other child of the population has: two children with one would be one child to the hub. */
    private static String uniqueNhsNumber(Set<String> used) {
        while (true) {
            String nhsNumber = TestIdentifiers.nhsNumber();
            if (used.add(nhsNumber)) {
                return nhsNumber;
            }
        }
    }

    private static void pushBatches(String sender, List<String> records) {
        for (int from = 0; from < records.size(); from += 200) {
            TestClients.as(sender).contentType(RecordsResource.NDJSON).body(String.join("\n", records.subList(from,
                    Math.min(records.size(), from + 200))).concat("\n").getBytes(StandardCharsets.UTF_8)).when()
                    .post("/v1/records/batch").then()
                    .statusCode(200);
        }
    }

    /** Every count from 1 to 7 is suppressed, every other shown is rounded to the nearest 5. */
    private static void assertFollowsTheRule(Counts truth, CountTable table) {
        int[] totals = truth.totals();
        for (int column = 0; column < table.measures().size(); column++) {
            String measure = table.measures().get(column);
            for (String borough : truth.boroughs()) {
                assertShown(truth.get(borough, measure), table.cell(borough, measure), borough + " " + measure);
            }
            assertShown(totals[column], table.cell(CountTable.LONDON, measure), "london " + measure);
        }
    }

    private static void assertShown(int count, SmallNumbers.Cell shown, String what) {
        if (count >= 1 && count <= 7) {
            assertTrue(shown.suppressed(), what + ": " + count + " is shown");
        } else if (!shown.suppressed()) {
            assertEquals((count + 2) / 5 * 5, shown.value(), what + ": rounded to the nearest 5");
        }
    }

    /** Solved as a reader holding the month's table, the year to date's and last month's year to date would. */
    private static void assertNoSuppressedCountNarrowerThanEight(CountTable month, CountTable yearToDate,
            Optional<CountTable> last) {
        for (FeasibleRanges.Range range : EvaluationReader.solve(month, yearToDate, last, RULE)) {
            assertTrue(range.width() >= RULE.threshold() - 1e-6, "cell " + range.cell() + " is narrowed to "
                    + range.low() + ".." + range.high());
        }
    }
}
