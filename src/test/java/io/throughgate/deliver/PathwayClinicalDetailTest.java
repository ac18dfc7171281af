package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;

/**
 * Substance misuse and its treatment provider, in a pathway update from custody, do not reach the YOT under the
 * direct-care agreement's rule on {@code /body}: they are special-category (health) data, and the agreement withholds
 * them by rules of their own, since clinical detail goes under the health agreement.
 */
@QuarkusTest
class PathwayClinicalDetailTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHY = "clinical detail goes under the health agreement";

    @Inject
    KafkaConnection kafka;

    @Test
    void substanceMisuseDetailIsWithheldFromTheYotWithTheAgreementsReason() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String update = """
                {"recordId": "%s", "type": "pathway-update", "schemaVersion": 1, "sender": "yoi-feltham",
                 "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nomisNumber": "A4821KD", "name": {"given": "Ade", "family": "Example"},
                   "dateOfBirth": "2009-05-02"},
                 "body": {"pathway": "substance-misuse", "responsibleYot": "yot-camden",
                   "summary": "Engaging with the substance misuse worker weekly.",
                   "substances": ["cannabis", "alcohol"], "treatmentProvider": "Camden young people's drug service",
                   "referralDate": "2026-11-01", "referralAccepted": true}}
                """.formatted(recordId);
        List<Map<String, String>> withheld = TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body(update).when().post("/v1/records").then().statusCode(202)
                .extract().path("deliveries.find { it.recipient == 'yot-camden' }.withheld");
        assertTrue(withheld.contains(Map.of("field", "/body/substances/*", "reason", WHY)), withheld.toString());
        assertTrue(withheld.contains(Map.of("field", "/body/treatmentProvider", "reason", WHY)),
                withheld.toString());

        JsonNode delivered = JSON.readTree(Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox.yot-camden",
                record -> recordId.equals(Inboxes.header(record, "ce_id"))).get(0).value());
        assertTrue(delivered.at("/body/substances").isMissingNode(), delivered.toString());
        assertTrue(delivered.at("/body/treatmentProvider").isMissingNode(), delivered.toString());
        assertEquals("substance-misuse", delivered.at("/body/pathway").asText());
        assertEquals("2026-11-01", delivered.at("/body/referralDate").asText());
    }
}
