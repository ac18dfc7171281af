package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.pki.Pem;
import io.throughgate.subscriber.InboxMessageReader;
import io.throughgate.subscriber.OpenedMessage;
import io.throughgate.subscriber.Reading;
import io.throughgate.subscriber.SubscribeCommand;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;

/**
 * The example subscriber against the running hub: records pushed by HMYOI Feltham are read from the recipients'
 * inboxes as partners read them, signatures verified and fields decrypted with each recipient's own key.
 */
@QuarkusTest
class SubscriberExchangeTest {

    private static final String ICB = "health-icb-north-central-london";
    /** Children of these tests only (other tests record and withdraw consent for theirs), one per test. */
    private static final String NHS_NUMBER = "9997000048";
    private static final String OTHER_NHS_NUMBER = "9997000056";
    private static final String SUMMARY = "Settled on medication; follow-up with community CAMHS.";

    @Inject
    KafkaConnection kafka;

    @Test
    void recipientsVerifyTheHubsSignatureAndDecryptWhatIsEncryptedForThem() throws Exception {
        String release = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(ReleaseNotificationExchangeTest.release(
                release, "subscriber", "yoi-feltham", "yot-camden").replace("9995260182", NHS_NUMBER))
                .when().post("/v1/records").then().statusCode(202);
        String health = pushHealthSummaryWithConsent(NHS_NUMBER);

        OpenedMessage releaseToCamden = opened("yot-camden", release);
        assertEquals("release-notification", releaseToCamden.type());
        assertEquals("yoi-feltham", releaseToCamden.from());
        assertEquals("london-resettlement-direct-care", releaseToCamden.agreement());
        assertTrue(releaseToCamden.key().startsWith("k1."), releaseToCamden.key());
        assertEquals("Markersubscriber", releaseToCamden.record().at("/subject/name/family").asText());

        OpenedMessage healthToIcb = opened(ICB, health);
        assertEquals(SUMMARY, healthToIcb.record().at("/body/clinicalSummary").asText());
        assertEquals("No incidents in custody.", healthToIcb.record().at("/body/selfHarmRisk/notes").asText());
        OpenedMessage healthToCamden = opened("yot-camden", health);
        assertEquals("london-resettlement-health", healthToCamden.agreement());
        assertEquals(SUMMARY, healthToCamden.record().at("/body/clinicalSummary").asText());

        // One key per child and agreement version: shared by the agreement's recipients, different across agreements.
        assertEquals(releaseToCamden.key(), opened("ycs-placements", release).key());
        assertEquals(healthToIcb.key(), healthToCamden.key());
        assertNotEquals(releaseToCamden.key(), healthToCamden.key());

        Reading icbMessageReadByCamden = reader("yot-camden").read(message(ICB, health));
        assertEquals("the message is addressed to " + ICB + ", not to yot-camden", assertInstanceOf(
                Reading.Rejected.class, icbMessageReadByCamden).reason());
    }

    @Test
    void theSubscribeCommandPrintsEachMessageOfTheInboxOpened() throws Exception {
        String health = pushHealthSummaryWithConsent(OTHER_NHS_NUMBER);
        message(ICB, health);
        int inInbox = Inboxes.read(kafka.clientProperties(), "tg.inbox." + ICB).size();
        String servers = kafka.clientProperties().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SubscribeCommand.run(new String[]{"--agency", ICB, "--bootstrap-servers", servers, "--group",
                ICB + "-test-" + health, "--from-beginning", "--max-messages", String.valueOf(inInbox)},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        JsonNode line = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).lines()
                .filter(text -> text.contains(health)).findFirst().orElseThrow());
        assertEquals("health-summary", line.path("type").asText());
        assertEquals("london-resettlement-health", line.path("agreement").asText());
        assertEquals(SUMMARY, line.at("/record/body/clinicalSummary").asText());
    }

    /** Records the child's consent to health information sharing, then pushes a health summary; its record id. */
    private static String pushHealthSummaryWithConsent(String nhsNumber) {
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(consent(nhsNumber))
                .when().post("/v1/consents").then().statusCode(201);
        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(healthSummary(recordId, nhsNumber))
                .when().post("/v1/records").then().statusCode(202);
        return recordId;
    }

    private OpenedMessage opened(String agency, String recordId) throws Exception {
        Reading result = reader(agency).read(message(agency, recordId));
        return assertInstanceOf(Reading.Opened.class, result, result.toString()).message();
    }

    /**
     * The message of a record in an inbox. The hub answers once its transaction is committed, and the commit markers
     * reach the partitions a moment later: until then a read_committed reader may not see it yet, so look again.
     */
    private ConsumerRecord<String, byte[]> message(String agency, String recordId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<ConsumerRecord<String, byte[]>> found = Inboxes.read(kafka.clientProperties(), "tg.inbox."
                    + agency).stream().filter(record -> recordId.equals(Inboxes.header(record, "ce_id"))).findFirst();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found.orElseThrow();
            }
            Thread.sleep(100);
        }
    }

    private static InboxMessageReader reader(String agency) throws Exception {
        Path folder = Path.of("certs-dev/agencies", agency);
        return new InboxMessageReader(agency, Pem.readCertificates(Path.of("certs-dev/hub/signing.crt")).get(0),
                Pem.readPrivateKey(folder.resolve(agency + "-encryption.key")), Pem.readCertificates(folder.resolve(
                        agency + "-encryption.crt")).get(0));
    }

    private static String consent(String nhsNumber) {
        return """
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "%s"},
                 "purpose": "health-information-sharing", "scope": {"recipientKinds": ["health", "yot"]},
                 "decision": "permit", "validFrom": "%s", "decidedBy": {"role": "child"},
                 "evidenceReference": "FELTHAM-HC/CONSENT/2026/0200"}
                """.formatted(nhsNumber, LocalDate.now().minusYears(17), LocalDate.now());
    }

    private static String healthSummary(String recordId, String nhsNumber) {
        return TestRecords.healthSummary(recordId, nhsNumber, ICB, SUMMARY);
    }
}
