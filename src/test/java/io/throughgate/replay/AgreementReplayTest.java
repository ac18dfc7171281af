package io.throughgate.replay;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.throughgate.config.ClockProducer;
import io.throughgate.deliver.TestRecords;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * {@code POST /v1/agreements/replay}: a draft of the direct-care agreement replayed over today's sharing log. Each
 * test sends from a secure establishment no other test sends from and replays as that establishment's DPO, who sees
 * only the entries it sent or received, so the counts are the test's own. Counts follow the rule in
 * contracts/disclosure.yaml for agreement-replay: 1 to 7 suppressed, the rest rounded to the nearest 5.
 */
@QuarkusTest
class AgreementReplayTest {

    private static final String IN_FORCE = read(
            "contracts/agreements/london-resettlement-direct-care/v3/agreement.yaml");
    private static final String YCS_RULES = "      /subject/nomisNumber: share\n      /subject/dateOfBirth: "
            + "generalise:year-month\n";
    private static final String YCS_FLOW = IN_FORCE.substring(IN_FORCE.indexOf("  - id: release-to-ycs-placements"),
            IN_FORCE.indexOf("  # Timeliness (contracts/timeliness.yaml)"));

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] yaml(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Version 4 of the direct-care agreement: version 3 with a change. */
    private static String draft(String from, String to) {
        assertTrue(IN_FORCE.contains(from), from);
        return IN_FORCE.replace("version: 3", "version: 4").replace(from, to);
    }

    /** The draft that lets YCS Placements see who collects the child at the gate. */
    private static String gateCollectionForYcs(String rule) {
        return draft(YCS_RULES, YCS_RULES + "      /body/gateCollection/relationship: " + rule + "\n");
    }

    /** Sends a release from an establishment to Havering's YOT; answers its record id. */
    private static String release(String establishment, boolean gateCollection, String nhsNumber) {
        String recordId = UUID.randomUUID().toString();
        String record = TestRecords.release(recordId, "rp" + recordId.substring(0, 8), establishment,
                "yot-havering", nhsNumber);
        if (!gateCollection) {
            record = record.replaceAll(",\\s*\"gateCollection\": \\{[^}]*\\}", "");
        }
        TestClients.as(establishment).contentType(ContentType.JSON).body(record).when().post("/v1/records").then()
                .statusCode(202);
        return recordId;
    }

    private static List<String> releases(String establishment, boolean gateCollection, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(release(establishment, gateCollection, TestIdentifiers.nhsNumber()));
        }
        return ids;
    }

    private static ValidatableResponse replay(String dpo, String draft) {
        String today = LocalDate.now(ClockProducer.LONDON).toString();
        return TestClients.asDpo(dpo).contentType("application/yaml").accept(ContentType.JSON).body(yaml(draft)).when()
                .post("/v1/agreements/replay?from=" + today + "&to=" + today + "&records=true").then();
    }

    private static List<Map<String, Object>> rows(ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getList("changes");
    }

    @Test
    void aDraftThatAddsAFieldShowsExactlyTheDeliveriesThatWouldHaveCarriedIt() {
        List<String> carrying = releases("sch-vinney-green", true, 9);
        List<String> without = releases("sch-vinney-green", false, 3);

        List<Map<String, Object>> rows = rows(replay("sch-vinney-green", gateCollectionForYcs("share")));

        assertEquals(1, rows.size(), rows.toString());
        Map<String, Object> row = rows.get(0);
        assertEquals("FIELD_RELEASED", row.get("kind"));
        assertEquals("release-to-ycs-placements", row.get("flow"));
        assertEquals("ycs-placements", row.get("recipient"));
        assertEquals("/body/gateCollection/relationship", row.get("field"));
        assertEquals("share", row.get("after"));
        assertEquals(Set.copyOf(carrying), Set.copyOf((List<?>) row.get("recordIds")));
        assertTrue(new HashSet<>((List<?>) row.get("recordIds")).stream().noneMatch(without::contains));
        assertEquals(Map.of("value", 10, "suppressed", false), row.get("deliveries"), "9 rounds to 10");
        assertEquals(Map.of("value", 10, "suppressed", false), row.get("children"));
    }

    /** Over the whole log: every record and notice of today, the hub's own digest to the partnership included. */
    @Test
    void aDraftThatChangesNothingShowsNothing() {
        releases("sch-vinney-green", true, 1);

        ValidatableResponse response = replay("partnership-london-resettlement",
                draft("title: London resettlement direct care", "title: London resettlement direct care"));

        assertEquals(List.of(), rows(response));
        response.body("ruleChanges", org.hamcrest.Matchers.empty());
    }

    @Test
    void aDraftThatRemovesARecipientShowsItsLosses() {
        List<String> sent = releases("sch-kyloe-house", true, 8);

        ValidatableResponse response = replay("sch-kyloe-house", draft(YCS_FLOW, ""));
        List<Map<String, Object>> rows = rows(response);

        assertEquals(1, rows.size(), rows.toString());
        assertEquals("RECIPIENT_LOST", rows.get(0).get("kind"));
        assertEquals("release-to-ycs-placements", rows.get(0).get("flow"));
        assertEquals("ycs-placements", rows.get(0).get("recipient"));
        assertEquals(Set.copyOf(sent), Set.copyOf((List<?>) rows.get(0).get("recordIds")));
        assertEquals(Map.of("value", 10, "suppressed", false), rows.get(0).get("deliveries"), "8 rounds to 10");
        response.body("ruleChanges", hasItem(containsString("flow release-to-ycs-placements: flow removed")));
    }

    @Test
    void countsBelowTheThresholdAreSuppressed() {
        releases("sch-lansdowne", true, 7);

        Map<String, Object> row = rows(replay("sch-lansdowne", gateCollectionForYcs("share"))).get(0);

        assertEquals(Map.of("suppressed", true), withoutNull(row.get("deliveries")), "7 is suppressed");
        assertEquals(Map.of("suppressed", true), withoutNull(row.get("children")));
        String today = LocalDate.now(ClockProducer.LONDON).toString();
        String page = TestClients.asDpo("sch-lansdowne").contentType("application/yaml").accept("text/html").body(
                yaml(gateCollectionForYcs("share"))).when().post("/v1/agreements/replay?from=" + today + "&to=" + today)
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<td>/body/gateCollection/relationship</td><td></td><td>share</td><td>[c]</td>"
                + "<td>[c]</td>"), page);
    }

    private static Map<?, ?> withoutNull(Object count) {
        Map<?, ?> map = new java.util.HashMap<>((Map<?, ?>) count);
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    @Test
    void consentGatedRulesUseTheDecisionsInForceWhenTheRecordArrived() {
        String consentedBefore = TestIdentifiers.nhsNumber();
        String withdrawnAfter = TestIdentifiers.nhsNumber();
        String consentedAfter = TestIdentifiers.nhsNumber();
        String never = TestIdentifiers.nhsNumber();
        consent(consentedBefore);
        String withdrawn = consent(withdrawnAfter);
        String a = release("sch-clare-lodge", true, consentedBefore);
        String b = release("sch-clare-lodge", true, withdrawnAfter);
        String c = release("sch-clare-lodge", true, consentedAfter);
        String d = release("sch-clare-lodge", true, never);
        TestClients.as("sch-clare-lodge").contentType(ContentType.JSON).body("{\"evidenceReference\": \"CL/1\"}")
                .when().post("/v1/consents/" + withdrawn + "/withdrawal").then().statusCode(200);
        consent(consentedAfter);

        List<Map<String, Object>> rows = rows(replay("sch-clare-lodge", gateCollectionForYcs(
                "{action: share, consent: health-information-sharing}")));

        Map<String, Object> released = rows.stream().filter(row -> row.get("kind").equals("FIELD_RELEASED"))
                .findFirst().orElseThrow();
        assertEquals(Set.of(a, b), Set.copyOf((List<?>) released.get("recordIds")));
        Map<String, Object> needed = rows.stream().filter(row -> row.get("kind").equals("CONSENT_NEEDED")).findFirst()
                .orElseThrow();
        assertEquals(Set.of(a, b, c, d), Set.copyOf((List<?>) needed.get("recordIds")));
        assertEquals("health-information-sharing", needed.get("after"));
    }

    /** The child's consent to health information sharing with YCS Placements, recorded by Clare Lodge. */
    private static String consent(String nhsNumber) {
        String consent = """
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "%s"},
                 "purpose": "health-information-sharing", "scope": {"recipients": ["ycs-placements"]},
                 "decision": "permit", "validFrom": "%s", "decidedBy": {"role": "child"},
                 "evidenceReference": "CL/CONSENT/1"}
                """.formatted(nhsNumber, "2009-05-02", LocalDate.now(ClockProducer.LONDON));
        return TestClients.as("sch-clare-lodge").contentType(ContentType.JSON).body(consent).when().post(
                "/v1/consents").then().statusCode(201).extract().path("id");
    }

    @Test
    void aBoroughDpoReplaysOnlyTheDeliveriesItsAgencySentOrReceived() {
        List<String> sent = releases("sch-aldine-house", true, 2);

        List<Map<String, Object>> rows = rows(replay("yot-camden", gateCollectionForYcs("share")));

        assertTrue(rows.stream().flatMap(row -> ((List<?>) row.get("recordIds")).stream()).noneMatch(sent::contains),
                rows.toString());
    }

    @Test
    void onlyADpoReplays() {
        String today = LocalDate.now(ClockProducer.LONDON).toString();
        TestClients.as("sch-vinney-green").contentType("application/yaml").body(yaml(IN_FORCE)).when().post(
                "/v1/agreements/replay?from=" + today + "&to=" + today).then().statusCode(403).body("code",
                        equalTo("dpo-only"));
    }

    @Test
    void aDraftWithErrorsGetsEveryProblemWithItsLine() {
        String text = draft("jointControllers: false", "jointControllers: false\nsignedBy: the chair").replace(
                "      /body/releaseAddress/postcode: generalise:postcode-district",
                "      /body/releaseAddress/postcode: publish").replace("article6: public-task",
                        "article6: public-interest");
        List<String> lines = text.lines().toList();

        JsonPath problem = replay("sch-vinney-green", text).statusCode(400).contentType(
                "application/problem+json").extract().jsonPath();

        assertEquals("invalid-agreement-draft", problem.getString("code"));
        List<Map<String, Object>> violations = problem.getList("violations");
        assertEquals(List.of(lines.indexOf("signedBy: the chair") + 1, lines.indexOf("  article6: public-interest")
                + 1, lines.indexOf("      /body/releaseAddress/postcode: publish") + 1), violations.stream()
                        .map(
                                violation -> violation.get("line"))
                        .sorted().toList(),
                violations.toString());
    }

    @Test
    void aDraftThatIsNotYamlGetsItsLine() {
        String text = draft("title: London resettlement direct care", "title: [London resettlement direct care");

        List<Map<String, Object>> violations = replay("sch-vinney-green", text).statusCode(400).extract().jsonPath()
                .getList("violations");

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(((String) violations.get(0).get("reason")).startsWith("not valid YAML"), violations.toString());
        assertTrue(((Integer) violations.get(0).get("line")) > 0, violations.toString());
    }

    /** An alias bomb, a document that is not a mapping and one over the size limit: refused, and the hub answers on. */
    @Test
    void aHostileDraftIsRefusedAndTheHubStaysUp() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            bomb.append(level).append(": &").append(level).append(" [").append(("*" + (char) (level - 1) + ", ")
                    .repeat(9)).append('*').append((char) (level - 1)).append("]\n");
        }
        bomb.append("purposes: *j\n");
        replay("sch-vinney-green", bomb.toString()).statusCode(400).body("code", equalTo("invalid-agreement-draft"));
        replay("sch-vinney-green", "- just\n- a list\n").statusCode(400).body("violations[0].reason", equalTo(
                "an agreement must be a mapping of fields"));
        replay("sch-vinney-green", "# " + "x".repeat(300 * 1024) + "\n" + IN_FORCE).statusCode(413);
        replay("sch-vinney-green", gateCollectionForYcs("share")).statusCode(200);
    }

    @Test
    void aPeriodThatIsNotOneIsRefusedNamingTheField() {
        TestClients.asDpo("sch-vinney-green").contentType("application/yaml").body(yaml(IN_FORCE)).when().post(
                "/v1/agreements/replay?from=2026-11-30&to=2026-11-01").then().statusCode(400).body("violations[0]"
                        + ".pointer", equalTo("to"));
        TestClients.asDpo("sch-vinney-green").contentType("application/yaml").body(yaml(IN_FORCE)).when().post(
                "/v1/agreements/replay?to=2026-11-01").then().statusCode(400).body("violations[0].pointer",
                        equalTo("from"));
    }
}
