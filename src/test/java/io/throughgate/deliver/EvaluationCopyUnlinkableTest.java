package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;
import io.throughgate.withdrawal.WithdrawalNotice;

/**
 * The evaluation team's copy of a record cannot be linked to the direct-care copies of the same record
 * (docs/decisions/0014): no value, key or header of the evaluation copy equals one of the YOT's or YCS Placements'
 * copies, except the fields both agreements share in clear and the fixed protocol headers.
 */
@QuarkusTest
class EvaluationCopyUnlinkableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the evaluation agreement's release flow and the direct-care agreement's release flows both let through in
     * the same form (read from the two agreements): the envelope fields every copy carries; establishment,
     * supervising YOT and release type, shared by both; the date of birth by month and the postcode district, which
     * the YCS Placements flow and the evaluation flow generalise alike.
     */
    private static final Set<String> SHARED_BY_BOTH = Set.of("/type", "/sender", "/body/establishment",
            "/body/supervisingYot", "/body/releaseType", "/subject/dateOfBirth", "/body/releaseAddress/postcode");
    /**
     * The headers that say how a message is encoded and signed and which public agency or agreement version it
     * concerns, and the size of its signed batch and its place in it (small counts): the same for many copies of many
     * records. The batch signature and each hash of the audit path are compared: a shared one would link the copies.
     */
    private static final Set<String> PROTOCOL_HEADERS = Set.of("header:ce_specversion", "header:ce_source",
            "header:ce_type", "header:ce_dataschema", "header:content-type", "header:tg_signature_algorithm",
            "header:tg_signature_key_id", "header:tg_recipient", "header:tg_agreement_version",
            "header:tg_batch_size", "header:tg_batch_leaf_index");

    @Inject
    KafkaConnection kafka;

    @Test
    void theEvaluationCopySharesNoValueKeyOrHeaderWithTheDirectCareCopies() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String consent = TestClients.as("yoi-feltham").contentType(ContentType.JSON).body("""
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "%s"}, "purpose": "evaluation",
                 "scope": {"recipientKinds": ["eval"]}, "decision": "permit", "validFrom": "%s",
                 "decidedBy": {"role": "child"}, "evidenceReference": "FELTHAM-YJ/EVAL/2026/0017"}
                """.formatted(nhsNumber, LocalDate.now().minusYears(17), LocalDate.now()))
                .when().post("/v1/consents").then().statusCode(201).extract().path("id");
        Set<String> before = Inboxes.read(kafka.clientProperties(), "tg.inbox.eval-mopac").stream()
                .map(EvaluationCopyUnlinkableTest::position).collect(Collectors.toSet());

        String recordId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body(TestRecords.release(recordId, marker, "yoi-feltham", "yot-camden", nhsNumber))
                .when().post("/v1/records").then().statusCode(202);

        ConsumerRecord<String, byte[]> evaluation = Inboxes.awaitMatching(kafka.clientProperties(),
                "tg.inbox.eval-mopac", message -> !before.contains(position(message))).get(0);
        List<ConsumerRecord<String, byte[]>> directCare = new ArrayList<>();
        for (String topic : List.of("tg.inbox.yot-camden", "tg.inbox.ycs-placements")) {
            directCare.addAll(Inboxes.awaitMatching(kafka.clientProperties(), topic, message -> recordId.equals(
                    Inboxes.header(message, "ce_id"))));
        }

        JsonNode copy = JSON.readTree(evaluation.value());
        assertNotEquals(recordId, copy.path("recordId").asText());
        assertEquals(8, UUID.fromString(copy.path("recordId").asText()).version(), "a derived (version 8) UUID");
        assertEquals("2026-11", copy.path("occurredAt").asText(), "the time by month, as the flow says");
        assertEquals("2026-11-01T00:00:00Z", Inboxes.header(evaluation, "ce_time"));
        assertEquals(copy.path("recordId").asText(), Inboxes.header(evaluation, "ce_id"));
        // The key comes from an identifier the flow lets through (the NOMIS number, pseudonymised), never from one
        // it withholds (the NHS number).
        assertEquals(copy.at("/subject/nomisNumber").asText(), evaluation.key());
        assertTrue(copy.at("/subject/nhsNumber").isMissingNode());

        Map<String, String> evaluationItems = items(evaluation);
        Map<String, Set<String>> directCareWhereByValue = new HashMap<>();
        directCare.forEach(message -> items(message).forEach((where, value) -> directCareWhereByValue
                .computeIfAbsent(value, unused -> new java.util.HashSet<>()).add(where)));
        List<String> links = new ArrayList<>();
        evaluationItems.forEach((where, value) -> {
            Set<String> alsoAt = directCareWhereByValue.getOrDefault(value, Set.of());
            boolean allowed = Stream.concat(Stream.of(where), alsoAt.stream()).allMatch(at -> SHARED_BY_BOTH
                    .contains(at) || PROTOCOL_HEADERS.contains(at));
            if (!alsoAt.isEmpty() && !allowed) {
                links.add(where + " = " + alsoAt);
            }
        });
        assertTrue(links.isEmpty(), "the evaluation copy links to the direct-care copies by " + links);

        // When the child withdraws consent, the notice names the record as the evaluation team received it.
        TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body("{\"evidenceReference\": \"FELTHAM-YJ/EVAL/2026/0018\"}")
                .when().post("/v1/consents/" + consent + "/withdrawal").then().statusCode(200);
        JsonNode notice = JSON.readTree(Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox.eval-mopac",
                message -> WithdrawalNotice.CE_TYPE.equals(Inboxes.header(message, "ce_type"))
                        && evaluation.key().equals(message.key()))
                .get(0).value());
        assertEquals(copy.path("recordId").asText(), notice.at("/records/0/recordId").asText());
        assertTrue(!notice.toString().contains(recordId), "the notice never carries the sender's record id");
    }

    /**
     * Every text of a message: its key, each header by name ({@code header:ce_id}; each hash of the audit path as
     * {@code header:tg_batch_audit_path/<n>}) and each text value of its JSON by pointer. Numbers and booleans say nothing that could link two copies, so they are left out.
     */
    private static Map<String, String> items(ConsumerRecord<String, byte[]> message) {
        Map<String, String> items = new HashMap<>();
        items.put("key", message.key());
        for (Header header : message.headers()) {
            String text = new String(header.value(), StandardCharsets.UTF_8);
            if (header.key().equals(DeliveryHeaders.BATCH_AUDIT_PATH)) {
                // Each hash on its own: a hash shared by two paths means a tree shared by two agencies.
                String[] hashes = text.isEmpty() ? new String[0] : text.split(",");
                for (int i = 0; i < hashes.length; i++) {
                    items.put("header:" + header.key() + "/" + i, hashes[i]);
                }
            } else {
                items.put("header:" + header.key(), text);
            }
        }
        try {
            texts(JSON.readTree(message.value()), "", items);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return items;
    }

    private static void texts(JsonNode node, String pointer, Map<String, String> items) {
        if (node.isTextual()) {
            items.put(pointer, node.asText());
        }
        node.fields().forEachRemaining(field -> texts(field.getValue(), pointer + "/" + field.getKey(), items));
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            texts(node.get(i), pointer + "/" + i, items);
        }
    }

    private static String noticeDecision(ConsumerRecord<String, byte[]> notice) {
        try {
            return JSON.readTree(notice.value()).path("decisionId").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String position(ConsumerRecord<String, byte[]> message) {
        return message.partition() + ":" + message.offset();
    }
}
