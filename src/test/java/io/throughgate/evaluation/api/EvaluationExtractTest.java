package io.throughgate.evaluation.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.evaluation.EvaluationExtract;
import io.throughgate.evaluation.publish.EvaluationDeliveries;
import io.throughgate.evaluation.publish.EvaluationExtracts;
import io.throughgate.json.Json;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.SampleRecords;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The evaluation's record-level extract, through the hub: Southwark records, for twelve children released from
 * Oakhill today, their consent to evaluation (the evaluation agreement's rules ask for it); three more children give
 * none. Only the twelve's release notifications reach the evaluators, so only they can be in the extract; one then
 * withdraws, and is in no extract made after. The extract holds the year's released children of every test, so its
 * generalisation depends on them all: the test checks the rule (every group of 5 or more) rather than one outcome.
 */
@QuarkusTest
class EvaluationExtractTest {

    private static final String RELEASE = "release-notification/valid/02-oakhill-early-release-to-southwark.json";
    private static final String YOT = "yot-southwark";

    @Inject
    EvaluationExtracts extracts;

    @Inject
    EvaluationDeliveries deliveries;

    @Inject
    SharingLog sharingLog;

    @Inject
    KafkaConnection kafka;

    @Inject
    Clock clock;

    @Test
    void onlyConsentingChildrenAreInTheExtractAndAWithdrawalTakesAChildOut() throws Exception {
        YearMonth month = YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        EvaluationExtract before = extracts.make(month, today);
        List<String> decisions = new ArrayList<>();
        Set<String> nhsNumbers = new HashSet<>();
        for (int child = 0; child < 15; child++) {
            String nhsNumber = TestIdentifiers.nhsNumber();
            if (!nhsNumbers.add(nhsNumber)) {
                child--;
                continue;
            }
            if (child < 12) {
                decisions.add(permitEvaluation(nhsNumber));
            }
            TestClients.push("stc-oakhill", SampleRecords.about(RELEASE, nhsNumber, Map.of("/body/releaseDate", today
                    .toString(), "/body/supervisingYot", YOT))).statusCode(202);
        }
        sharingLog.awaitIndexed(Duration.ofSeconds(30));
        // The evaluators were sent something of the twelve only: the others' copies carried no field.
        EvaluationExtract beforeWithdrawal = extracts.make(month, today);
        assertEquals(before.released() + 12, beforeWithdrawal.released(), "the twelve who consented, no one else");
        assertEquals(before.withoutConsent(), beforeWithdrawal.withoutConsent());

        TestClients.as(YOT).contentType(ContentType.JSON).body("{\"evidenceReference\": \"EVAL-WD-1\"}").when().post(
                "/v1/consents/" + decisions.get(0) + "/withdrawal").then().statusCode(200);
        JsonNode extract = extracts.publish(month, today);
        assertEquals(before.released() + 12, extract.at("/dictionary/released").asInt());
        assertEquals(before.withoutConsent() + 1, extract.at("/dictionary/leftOutWithoutConsent").asInt(),
                "the one who withdrew is left out");
        assertEquals(extract.at("/dictionary/released").asInt() - extract.at("/dictionary/leftOutWithoutConsent")
                .asInt() - extract.at("/dictionary/leftOutTooFewAlike").asInt(), extract.path("rows").size(),
                "every other child has a row");
        assertEquals(5, extract.at("/dictionary/k").asInt());
        assertEquals(List.of("pseudonym", "ageBand", "gender", "ethnicity", "borough", "establishmentKind",
                "releaseMonth", "initial-planning-meeting", "pre-release-planning-meeting", "accommodation-confirmed",
                "release-notification-sent", "ete-appointment-booked", "health-appointment-booked"),
                texts(extract
                        .path("columns")));
        // k-anonymous: every combination of the quasi-identifiers (columns 1 to 6) is shared by 5 rows or more.
        Map<List<String>, Integer> groups = new java.util.HashMap<>();
        extract.path("rows").forEach(row -> groups.merge(texts(row).subList(1, 7), 1, Integer::sum));
        groups.forEach((values, rows) -> assertTrue(rows >= 5, values + " is shared by " + rows));
        // The eleven (released today from a secure training centre, supervised by Southwark, born in February 2009
        // so 17 at release, female, Black African) are in it, as far generalised as the rest.
        long southwark = 0;
        for (JsonNode row : extract.path("rows")) {
            List<String> values = texts(row);
            if (List.of("17", "15-16", "17+", "*").contains(values.get(1)) && List.of("female", "*").contains(values
                    .get(2)) && List.of(YOT, "central", "*").contains(values.get(4)) && List.of("stc", "*")
                            .contains(values.get(5))) {
                southwark++;
            }
        }
        assertTrue(southwark >= 11, "the eleven: " + southwark);

        // Nothing in it identifies a child: no NHS number, and pseudonyms of this extract only, each once.
        String text = Json.text(extract);
        nhsNumbers.forEach(nhsNumber -> assertFalse(text.contains(nhsNumber), "an NHS number is in the extract"));
        Set<String> pseudonyms = new HashSet<>();
        extract.path("rows").forEach(row -> assertTrue(pseudonyms.add(row.get(0).asText()), "a pseudonym twice"));

        // Sent to the evaluators' inbox, and logged with every child in it.
        deliveries.sendExtract(month, extract, extracts.subjects(month), today);
        String noticeId = UUID.nameUUIDFromBytes(("evaluation|evaluation-extract|" + month).getBytes(
                StandardCharsets.UTF_8)).toString();
        List<ConsumerRecord<String, byte[]>> sent = Inboxes.awaitMatching(kafka.clientProperties(),
                "tg.inbox.eval-mopac", message -> noticeId.equals(Inboxes.header(message, "ce_id")));
        assertEquals(month.toString(), sent.get(0).key());
        JsonNode body = Json.mapper().readTree(sent.get(0).value()).path("body");
        assertEquals(extract.path("rows").size() + 1, body.path("csv").asText().lines().count(),
                "a header and a line per row");
        sharingLog.awaitIndexed(Duration.ofSeconds(30));
        var entries = sharingLog.queries().eventsOfRecord(UUID.fromString(noticeId));
        assertEquals(1, entries.size());
        assertEquals("eval-mopac", entries.get(0).recipient());
        assertTrue(entries.get(0).subjectPseudonyms().size() >= extract.path("rows").size(),
                "every child in the extract is named");

        // Served to the evaluators as published; no one else is sent it, so no one else reads it.
        TestClients.as("eval-mopac").queryParam("month", month.toString()).when().get("/v1/evaluation/extract")
                .then().statusCode(200).body("rows.size()", equalTo(extract.path("rows").size()));
        TestClients.asDpo(YOT).queryParam("month", month.toString()).when().get("/v1/evaluation/extract").then()
                .statusCode(403).body("code", equalTo("no-agreement-for-extract"));
    }

    /** Southwark records, as the 17-year-old's own decision, their consent to evaluation by the evaluators. */
    private static String permitEvaluation(String nhsNumber) {
        String consent = """
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "2009-02-03"},
                 "purpose": "evaluation", "scope": {"recipientKinds": ["eval"]},
                 "decision": "permit", "validFrom": "%s", "decidedBy": {"role": "child"},
                 "evidenceReference": "EVAL-%s"}
                """.formatted(nhsNumber, LocalDate.now().minusDays(1), nhsNumber);
        return TestClients.as(YOT).contentType(ContentType.JSON).body(consent).when().post("/v1/consents").then()
                .statusCode(201).extract().path("id");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
