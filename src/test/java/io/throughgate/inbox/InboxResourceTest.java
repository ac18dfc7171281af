package io.throughgate.inbox;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.throughgate.database.HubDatabase;
import io.throughgate.deliver.TestRecords;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.kafka.Topics;
import io.throughgate.pki.Pem;
import io.throughgate.subscriber.InboxMessageReader;
import io.throughgate.subscriber.Reading;
import io.throughgate.testing.HttpsInbox;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The HTTPS inbox: the caller's agency's inbox and no other; served until acknowledged; acknowledgements per agency
 * that only move forward; nothing of an aborted transaction; every read audited; and messages that verify and open
 * exactly as Kafka subscribers' do. Each test uses the inbox of a borough of its own, so acknowledgements do not
 * cross.
 */
@QuarkusTest
class InboxResourceTest {

    @Inject
    KafkaConnection kafka;

    @Inject
    HubDatabase database;

    @Test
    void aMessageIsServedUntilAcknowledgedThenNotAndTheReadIsAudited() throws Exception {
        String agency = "yot-hackney";
        String recordId = push(agency);
        Served first = awaitServed(agency, "", List.of(recordId));
        assertTrue(first.recordIds().contains(recordId), first.recordIds().toString());
        assertTrue(readToEnd(agency).recordIds().contains(recordId), "not acknowledged: served again");

        TestClients.as(agency).contentType(ContentType.JSON).body(Map.of("cursor", first.cursor())).when().post(
                "/v1/inbox/acknowledgements").then().statusCode(200).body("cursor", equalTo(first.cursor()));

        assertFalse(readToEnd(agency).recordIds().contains(recordId), "acknowledged: not served again");
        assertTrue(auditedReads(agency) >= 2, "each read that served messages is in the access audit");
    }

    @Test
    void twoClientsOfOneAgencyDoNotLoseMessages() {
        String agency = "yot-islington";
        Served before = readToEnd(agency);
        String first = push(agency);
        String second = push(agency);
        awaitServed(agency, before.cursor(), List.of(first, second));
        // Client B reads one message at a time from where the agency stood.
        JsonPath clientB = page(agency, "?limit=1&after=" + before.cursor());
        List<String> seenByB = new ArrayList<>(recordIds(clientB));
        // Client A reads everything and acknowledges it.
        Served clientA = readToEnd(agency);
        assertTrue(clientA.recordIds().containsAll(List.of(first, second)));
        acknowledge(agency, clientA.cursor());
        // B goes on from its own cursor: A's acknowledgement takes nothing from it.
        seenByB.addAll(readFrom(agency, clientB.getString("cursor")).recordIds());
        assertTrue(seenByB.containsAll(List.of(first, second)), seenByB.toString());
        // B acknowledges an earlier cursor late: the agency's position does not move back.
        acknowledge(agency, clientB.getString("cursor"));
        Served after = readToEnd(agency);
        assertFalse(after.recordIds().contains(first) || after.recordIds().contains(second), after.recordIds()
                .toString());
    }

    @Test
    void noParameterReadsAnotherAgencysInbox() {
        String recordId = push("yot-redbridge");
        Served redbridge = awaitServed("yot-redbridge", "", List.of(recordId));
        assertTrue(redbridge.recordIds().contains(recordId), "Redbridge itself reads it");
        String redbridgeCursor = redbridge.cursor();
        for (String agency : List.of("yot-camden", "yoi-feltham")) {
            for (String query : List.of("", "?agency=yot-redbridge", "?topic=tg.inbox.yot-redbridge",
                    "?agency=yot-redbridge&after=0-0.1-0.2-0")) {
                assertFalse(readFrom(agency, query).recordIds().contains(recordId), agency + query);
            }
            // A cursor of Redbridge's is only a position: in another inbox it reads that inbox, or is unknown.
            int status = TestClients.as(agency).when().get("/v1/inbox?after=" + redbridgeCursor).then().extract()
                    .statusCode();
            if (status == 200) {
                assertFalse(recordIds(page(agency, "?after=" + redbridgeCursor)).contains(recordId));
            } else {
                assertEquals(400, status);
            }
        }
    }

    @Test
    void anUnknownCursorIsAClearBadRequest() {
        for (String cursor : List.of("garbage", "0-0.0-1.2-0", "7-0", "0-999999999.1-0.2-0")) {
            TestClients.as("yot-camden").when().get("/v1/inbox?after=" + cursor).then().statusCode(400)
                    .contentType(equalTo("application/problem+json")).body("type", equalTo(
                            "urn:throughgate:problem:invalid-request"))
                    .body("violations.pointer", hasItem("after"));
            TestClients.as("yot-camden").contentType(ContentType.JSON).body(Map.of("cursor", cursor)).when().post(
                    "/v1/inbox/acknowledgements").then().statusCode(400).body("violations.pointer", hasItem(
                            "/cursor"));
        }
        TestClients.as("yot-camden").when().get("/v1/inbox?limit=0&wait=31").then().statusCode(400).body(
                "violations.pointer", org.hamcrest.Matchers.containsInAnyOrder("limit", "wait"));
    }

    @Test
    void nothingOfAnAbortedTransactionIsServed() throws Exception {
        String agency = "yot-lambeth";
        String aborted = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        Map<String, Object> settings = new HashMap<>(kafka.clientProperties());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "throughgate-inbox-test-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(marked(Topics.inbox(agency), aborted)).get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(marked(Topics.inbox(agency), committed)).get();
            producer.commitTransaction();
        }
        List<String> served = new ArrayList<>();
        for (int attempt = 0; attempt < 50 && !served.contains(committed); attempt++) {
            served.addAll(readToEnd(agency).recordIds());
            Thread.sleep(100);
        }
        assertTrue(served.contains(committed), "the committed message is served");
        assertFalse(served.contains(aborted), "the aborted one never is");
    }

    @Test
    void aReadWaitsForTheNextMessage() throws Exception {
        String agency = "yot-lewisham";
        String end = readToEnd(agency).cursor();
        CompletableFuture<JsonPath> waiting = CompletableFuture.supplyAsync(() -> page(agency, "?wait=30&after="
                + end));
        Thread.sleep(500);
        String recordId = push(agency);
        assertTrue(recordIds(waiting.get(60, TimeUnit.SECONDS)).contains(recordId));
    }

    @Test
    void aServedMessageVerifiesAndOpensAsAKafkaSubscribersDoes() throws Exception {
        String agency = "yot-southwark";
        String recordId = push(agency);
        Map<String, Object> message = null;
        for (int attempt = 0; attempt < 100 && message == null; attempt++) {
            List<Map<String, Object>> messages = page(agency, "?limit=500").getList("messages");
            message = messages.stream().filter(m -> recordId.equals(headers(m).get("ce_id"))).findFirst().orElse(
                    null);
            if (message == null) {
                sleep();
            }
        }
        assertTrue(message != null, "served");
        ConsumerRecord<String, byte[]> record = HttpsInbox.record(agency, message);
        Path folder = Path.of("certs-dev/agencies", agency);
        Reading reading = new InboxMessageReader(agency, Pem.readCertificates(Path.of("certs-dev/hub/signing.crt"))
                .get(0), Pem.readPrivateKey(folder.resolve(agency + "-encryption.key")),
                Pem.readCertificates(
                        folder.resolve(agency + "-encryption.crt")).get(0))
                .read(record);
        assertEquals(recordId, assertInstanceOf(Reading.Opened.class, reading, reading.toString()).message()
                .recordId());
    }

    /** What reading from a position to the end served. */
    private record Served(List<String> recordIds, String cursor) {
    }

    /**
     * Reads from a cursor (or the acknowledged position) until the records are served: the hub answers once its
     * transaction is committed, and Kafka makes the commit visible to read_committed readers a moment later.
     */
    private static Served awaitServed(String agency, String cursor, List<String> recordIds) {
        Served served = readFrom(agency, cursor);
        for (int attempt = 0; attempt < 100 && !served.recordIds().containsAll(recordIds); attempt++) {
            sleep();
            served = readFrom(agency, cursor);
        }
        return served;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Served readToEnd(String agency) {
        return readFrom(agency, "");
    }

    /** Reads page after page from a query (or a cursor) until a page is empty. */
    private static Served readFrom(String agency, String queryOrCursor) {
        String query = queryOrCursor.isEmpty() || queryOrCursor.startsWith("?")
                ? queryOrCursor
                : "?after=" + queryOrCursor;
        List<String> ids = new ArrayList<>();
        while (true) {
            JsonPath page = page(agency, query);
            List<String> served = recordIds(page);
            ids.addAll(served);
            if (served.isEmpty()) {
                return new Served(ids, page.getString("cursor"));
            }
            query = "?after=" + page.getString("cursor");
        }
    }

    private static JsonPath page(String agency, String query) {
        return TestClients.as(agency).when().get("/v1/inbox" + query).then().statusCode(200).header(
                "Cache-Control", "no-store").extract().jsonPath();
    }

    private static List<String> recordIds(JsonPath page) {
        List<Map<String, Object>> messages = page.getList("messages");
        return messages.stream().map(message -> headers(message).get("ce_id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> message) {
        return (Map<String, String>) message.get("headers");
    }

    private static void acknowledge(String agency, String cursor) {
        TestClients.as(agency).contentType(ContentType.JSON).body(Map.of("cursor", cursor)).when().post(
                "/v1/inbox/acknowledgements").then().statusCode(200);
    }

    private static String push(String supervisingYot) {
        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(TestRecords.release(recordId, "inbox",
                "yoi-feltham", supervisingYot, TestIdentifiers.nhsNumber())).when().post("/v1/records").then()
                .statusCode(202);
        return recordId;
    }

    private static ProducerRecord<String, byte[]> marked(String topic, String id) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "k", "{}".getBytes(
                StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private long auditedReads(String agency) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM dpo_query WHERE agency = ? AND action = 'inbox-read'")) {
            count.setString(1, agency);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
