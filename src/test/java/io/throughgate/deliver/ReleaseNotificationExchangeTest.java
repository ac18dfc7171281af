package io.throughgate.deliver;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.subscriber.Reading;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.Subscribers;
import io.throughgate.testing.TestClients;

/** A release notification from HMYOI Feltham, end to end: each recipient gets what its agreement allows. */
@QuarkusTest
class ReleaseNotificationExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KafkaConnection kafka;

    static String release(String recordId, String marker, String sender, String supervisingYot) {
        return TestRecords.release(recordId, marker, sender, supervisingYot, "9995260182");
    }

    private List<ConsumerRecord<String, byte[]>> delivered(String topic, String recordId) {
        return Inboxes.awaitMatching(kafka.clientProperties(), topic, record -> recordId.equals(Inboxes.header(record,
                "ce_id")));
    }

    @Test
    void eachRecipientReceivesExactlyWhatItsAgreementAllowsSignedByTheHub() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(release(recordId, marker, "yoi-feltham",
                "yot-camden"))
                .when().post("/v1/records")
                .then().statusCode(202)
                .body("recordId", equalTo(recordId))
                .body("deliveries.recipient", hasItem("yot-camden"))
                .body("deliveries.recipient", hasItem("ycs-placements"));

        ConsumerRecord<String, byte[]> camden = delivered("tg.inbox.yot-camden", recordId).get(0);
        JsonNode toCamden = JSON.readTree(camden.value());
        assertEquals("Marker" + marker, toCamden.at("/subject/name/family").asText());
        assertTrue(toCamden.at("/subject/nhsNumber").asText().startsWith("k1."), "NHS number pseudonymised");
        assertEquals("NW1 9UG", toCamden.at("/body/releaseAddress/postcode").asText());
        assertTrue(toCamden.at("/subject/ethnicity").isMissingNode(), "not named for the YOT: withheld");
        assertEquals("london-resettlement-direct-care", Inboxes.header(camden, "tg_agreement_id"));
        assertInstanceOf(Reading.Opened.class, Subscribers.readerFor("yot-camden").read(camden), "signed by the hub "
                + "for Camden's inbox");

        JsonNode toYcs = JSON.readTree(delivered("tg.inbox.ycs-placements", recordId).get(0).value());
        assertEquals("2009-05", toYcs.at("/subject/dateOfBirth").asText());
        assertTrue(toYcs.at("/subject/name").isMissingNode());
        assertTrue(toYcs.at("/body/gateCollection").isMissingNode());
        assertEquals("NW1", toYcs.at("/body/releaseAddress/postcode").asText());

        String ethnicity = "Ethnicity" + marker;
        for (String topic : Inboxes.inboxTopics(kafka.clientProperties())) {
            for (ConsumerRecord<String, byte[]> record : Inboxes.read(kafka.clientProperties(), topic)) {
                assertFalse(new String(record.value(), StandardCharsets.UTF_8).contains(ethnicity),
                        "a field no agreement allows reached " + topic);
            }
        }
    }

    @Test
    void aRetriedRecordIsDeliveredOnceWithTheSameReceipt() {
        String recordId = UUID.randomUUID().toString();
        String record = release(recordId, "retry", "yoi-feltham", "yot-islington");
        String first = TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record)
                .when().post("/v1/records").then().statusCode(202).extract().asString();
        String second = TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record)
                .when().post("/v1/records").then().statusCode(202).extract().asString();
        assertEquals(first, second);
        assertEquals(1, delivered("tg.inbox.yot-islington", recordId).size());
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record.replace("dto-midpoint",
                "early-release"))
                .when().post("/v1/records").then().statusCode(409).body("code", equalTo("record-id-conflict"));
    }

    @Test
    void aBatchAnswersOneResultPerLine() {
        String first = release(UUID.randomUUID().toString(), "batch1", "yoi-feltham", "yot-brent").replace("\n", " ");
        String invalid = release(UUID.randomUUID().toString(), "batch2", "yoi-feltham", "yot-brent").replace("\n", " ")
                .replace("2026-12-04", "4 December");
        String last = release(UUID.randomUUID().toString(), "batch3", "yoi-feltham", "yot-brent").replace("\n", " ");
        String answer = TestClients.as("yoi-feltham").contentType("application/x-ndjson")
                .body((first + "\n" + invalid + "\n\n" + last + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/records/batch")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = answer.lines().toList();
        assertEquals(3, lines.size(), answer);
        assertTrue(lines.get(0).startsWith("{\"line\":1,\"status\":202,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"line\":2,\"status\":400,"), lines.get(1));
        assertTrue(lines.get(1).contains("/body/releaseDate"), lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"line\":4,\"status\":202,"), lines.get(2));
    }

    @Test
    void refusesAForgedSender() {
        TestClients.as("yot-camden").contentType(ContentType.JSON).body(release(UUID.randomUUID().toString(), "x",
                "yoi-feltham", "yot-camden"))
                .when().post("/v1/records")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("sender-mismatch"))
                .body("violations[0].pointer", equalTo("/sender"));
    }

    @Test
    void refusesAReleaseNotificationFromAYotWhichNoAgreementLetsSendOne() {
        TestClients.as("yot-camden").contentType(ContentType.JSON).body(release(UUID.randomUUID().toString(), "x",
                "yot-camden", "yot-camden"))
                .when().post("/v1/records")
                .then().statusCode(403)
                .body("code", equalTo("no-agreement"))
                .body("detail", equalTo("No agreement in force lets yot-camden send release-notification records."));
    }

    @Test
    void refusesAnInvalidRecordListingViolationsWithoutValues() {
        String invalid = release(UUID.randomUUID().toString(), "x", "yoi-feltham", "yot-camden")
                .replace("9995260182", "9995260183");
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(invalid)
                .when().post("/v1/records")
                .then().statusCode(400)
                .body("code", equalTo("invalid-record"))
                .body("violations[0].pointer", equalTo("/subject/nhsNumber"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("9995260183")));
    }

    @Test
    void writesASharingLogEntryPerDeliveryNamingWhereItLanded() throws Exception {
        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(release(recordId, "log", "yoi-feltham",
                "yot-barnet")).when().post("/v1/records").then().statusCode(202);
        List<JsonNode> entries = Inboxes.awaitMatching(kafka.clientProperties(), "tg.sharing-log",
                record -> recordId.equals(record.key())).stream().map(record -> {
                    try {
                        return JSON.readTree(record.value());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
        JsonNode barnet = entries.stream().filter(entry -> entry.path("recipient").asText().equals("yot-barnet"))
                .findFirst().orElseThrow();
        assertEquals("delivered", barnet.path("outcome").asText());
        assertEquals("tg.inbox.yot-barnet", barnet.path("topic").asText());
        assertEquals("public-task", barnet.at("/lawfulBasis/article6").asText());
        assertFalse(barnet.toString().contains("9995260182"), "no raw identifier in the log");
    }
}
