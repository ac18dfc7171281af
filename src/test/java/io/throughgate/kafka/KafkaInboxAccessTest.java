package io.throughgate.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.deliver.TestRecords;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.devcerts.DevelopmentKafkaTls;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.KafkaBrokerTestResource;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The broker, not the subscriber's good manners, keeps each agency to its own inbox: over mutual TLS an agency's
 * certificate is the agency, its ACLs allow reading its own inbox in its own consumer groups and nothing else, and a
 * client without a certificate from the broker's CA does not get past the handshake.
 */
@QuarkusTest
class KafkaInboxAccessTest {

    private static final Path CERTS = KafkaBrokerTestResource.CERTS;

    @Inject
    KafkaConnection kafka;

    @Test
    void anAgencyReadsItsOwnInboxWithItsCertificate() {
        String recordId = push();
        List<ConsumerRecord<String, byte[]>> found = Inboxes.awaitMatching(agency("yot-redbridge"), Topics.inbox(
                "yot-redbridge"), record -> recordId.equals(Inboxes.header(record, "ce_id")));
        assertEquals(1, found.size());
    }

    @Test
    void anAgencyCannotReadAnotherAgencysInboxNotEvenWhatItSentThere() {
        push();
        assertThrows(TopicAuthorizationException.class, () -> Inboxes.read(agency("yoi-feltham"), Topics.inbox(
                "yot-redbridge")));
        assertThrows(TopicAuthorizationException.class, () -> Inboxes.read(agency("yoi-feltham"),
                Topics.SHARING_LOG));
    }

    @Test
    void anAgencyReadsOnlyInConsumerGroupsOfItsOwn() {
        Map<String, Object> settings = agency("yoi-feltham");
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "yot-camden-subscriber");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.inbox("yoi-feltham")));
            assertThrows(GroupAuthorizationException.class, () -> consumer.poll(java.time.Duration.ofSeconds(10)));
        }
    }

    @Test
    void anAgencyCannotWriteAnywhereNotEvenToItsOwnInbox() {
        for (String topic : List.of(Topics.inbox("yoi-feltham"), Topics.inbox("yot-redbridge"), Topics.SHARING_LOG)) {
            Map<String, Object> settings = agency("yoi-feltham");
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            // Not idempotent, so that the broker answers about the topic (an idempotent producer is refused earlier,
            // for want of the cluster's IdempotentWrite).
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
            settings.put(ProducerConfig.ACKS_CONFIG, "1");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                    new ByteArraySerializer())) {
                Exception refused = assertThrows(Exception.class, () -> producer.send(new ProducerRecord<>(topic,
                        "k", new byte[]{1})).get());
                assertTrue(causedBy(refused, TopicAuthorizationException.class), topic + ": " + refused);
            }
        }
    }

    @Test
    void aCertificateThatIsNotAnAgencysIsNobody() {
        // A DPO's certificate names the agency too, but its common name is not the agency code.
        Map<String, Object> dpo = client(new KafkaTls(CERTS.resolve("dpo/yoi-feltham/yoi-feltham-dpo.p12"),
                DevelopmentCertificates.DEV_PASSWORD, CERTS.resolve("ca/ca.crt")));
        assertThrows(TopicAuthorizationException.class, () -> Inboxes.read(dpo, Topics.inbox("yoi-feltham")));
    }

    @Test
    void aCertificateOfAnotherCaIsRefusedAtTheHandshake() {
        // Camden's own CA is not the broker's: the hub's HTTPS API may accept it, the broker does not.
        Map<String, Object> camden = client(new KafkaTls(CERTS.resolve("borough-ca/yot-camden/yot-camden.p12"),
                DevelopmentCertificates.DEV_PASSWORD, CERTS.resolve("ca/ca.crt")));
        assertThrows(SslAuthenticationException.class, () -> Inboxes.read(camden, Topics.inbox("yot-camden")));
    }

    @Test
    void aClientWithoutACertificateIsRefusedAtTheHandshake() {
        Map<String, Object> anonymous = client(DevelopmentKafkaTls.agency(CERTS, "yoi-feltham"));
        anonymous.remove(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG);
        anonymous.remove(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG);
        anonymous.remove(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG);
        assertThrows(SslAuthenticationException.class, () -> Inboxes.read(anonymous, Topics.inbox("yoi-feltham")));
    }

    @Test
    void aPlainTextClientGetsNothing() {
        Map<String, Object> plain = new HashMap<>();
        plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        plain.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        assertThrows(org.apache.kafka.common.errors.TimeoutException.class, () -> Inboxes.read(plain, Topics.inbox(
                "yoi-feltham")));
    }

    private static String push() {
        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(TestRecords.release(recordId, "acl",
                "yoi-feltham", "yot-redbridge", TestIdentifiers.nhsNumber())).when().post("/v1/records").then()
                .statusCode(202);
        return recordId;
    }

    private Map<String, Object> agency(String code) {
        return client(DevelopmentKafkaTls.agency(CERTS, code));
    }

    private Map<String, Object> client(KafkaTls tls) {
        Map<String, Object> settings = new HashMap<>(tls.clientProperties());
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return settings;
    }

    private String bootstrapServers() {
        return kafka.clientProperties().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
