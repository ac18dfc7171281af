package io.throughgate.deliver;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.deliver.crypto.FieldBinding;
import io.throughgate.deliver.crypto.FieldDecryptionException;
import io.throughgate.deliver.crypto.FieldDecryptor;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.pki.Pem;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestConsents;

/**
 * Clinical detail goes to the community health service only with the child's consent, encrypted so that only the
 * recipient reads it; once consent is withdrawn, the next record's clinical detail is withheld.
 */
@QuarkusTest
class HealthSummaryConsentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ICB = "health-icb-north-central-london";
    private static final String NHS_NUMBER = "9997601890";

    @Inject
    KafkaConnection kafka;

    private static String healthSummary(String recordId) {
        return TestRecords.healthSummary(recordId, NHS_NUMBER, ICB,
                "Settled on medication; follow-up with community CAMHS.");
    }

    private JsonNode pushAndRead(String topic) throws Exception {
        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(healthSummary(recordId))
                .when().post("/v1/records").then().statusCode(202);
        return JSON.readTree(Inboxes.awaitMatching(kafka.clientProperties(), topic, record -> recordId.equals(Inboxes
                .header(record, "ce_id"))).get(0).value());
    }

    @Test
    void clinicalDetailGoesEncryptedWithConsentAndIsWithheldAfterWithdrawal() throws Exception {
        String decision = TestConsents.permitHealthSharing(NHS_NUMBER, "FELTHAM-HC/CONSENT/2026/0100");

        JsonNode withConsent = pushAndRead("tg.inbox." + ICB);
        String sealed = withConsent.at("/body/clinicalSummary/encrypted").asText();
        FieldBinding where = new FieldBinding(withConsent.path("recordId").asText(), "/body/clinicalSummary", ICB);
        byte[] opened = FieldDecryptor.decrypt(sealed, key(ICB), certificate(ICB), where);
        assertEquals("\"Settled on medication; follow-up with community CAMHS.\"", new String(opened,
                StandardCharsets.UTF_8));
        assertThrows(FieldDecryptionException.class, () -> FieldDecryptor.decrypt(sealed, key("yot-camden"),
                certificate("yot-camden"), where));
        assertEquals("low", withConsent.at("/body/selfHarmRisk/level").asText());

        TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                .body("{\"evidenceReference\": \"FELTHAM-HC/CONSENT/2026/0101\"}")
                .when().post("/v1/consents/" + decision + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("withdrawn"));

        JsonNode afterWithdrawal = pushAndRead("tg.inbox." + ICB);
        assertTrue(afterWithdrawal.at("/body/clinicalSummary").isMissingNode(), "withheld after withdrawal");
        assertTrue(afterWithdrawal.at("/body/selfHarmRisk/notes").isMissingNode());
        assertEquals("low", afterWithdrawal.at("/body/selfHarmRisk/level").asText(), "needs no consent");
    }

    private static PrivateKey key(String agency) throws Exception {
        return Pem.readPrivateKey(Path.of("certs-dev/agencies/" + agency + "/" + agency + "-encryption.key"));
    }

    private static X509Certificate certificate(String agency) throws Exception {
        return Pem.readCertificates(Path.of("certs-dev/agencies/" + agency + "/" + agency + "-encryption.crt"))
                .get(0);
    }
}
