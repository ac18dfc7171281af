package io.throughgate.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.deliver.TestRecords;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.Subscribers;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The hub's signature binds a message to its recipient, topic, agreement and id: a message Camden received, copied
 * into the inbox of YCS Placements (which received the same record under the same agreement), is refused by YCS's
 * subscriber, whether or not the copier rewrites the recipient header.
 */
@QuarkusTest
class CopiedMessageTest {

    private static final String CAMDEN = "yot-camden";
    private static final String YCS = "ycs-placements";

    @Inject
    KafkaConnection kafka;

    @Test
    void aMessageCopiedFromOneInboxToAnotherIsRefusedByTheSubscriber() {
        ConsumerRecord<String, byte[]> toCamden = deliveredToCamden();
        assertInstanceOf(Reading.Opened.class, Subscribers.readerFor(CAMDEN).read(toCamden), "the original opens");

        ConsumerRecord<String, byte[]> copied = copy(toCamden, "tg.inbox." + YCS);
        assertEquals("the message is addressed to yot-camden, not to ycs-placements", rejected(copied).reason());

        ConsumerRecord<String, byte[]> readdressed = copy(toCamden, "tg.inbox." + YCS);
        SignedDeliveries.header(readdressed, "tg_recipient", YCS);
        assertTrue(rejected(readdressed).reason().startsWith("tg_signature does not verify"), rejected(readdressed)
                .reason());
    }

    @Test
    void aMessageRelabelledWithAnotherAgreementOrIdIsRefused() {
        ConsumerRecord<String, byte[]> toCamden = deliveredToCamden();

        ConsumerRecord<String, byte[]> otherAgreement = copy(toCamden, toCamden.topic());
        SignedDeliveries.header(otherAgreement, "tg_agreement_version", "999");
        ConsumerRecord<String, byte[]> otherId = copy(toCamden, toCamden.topic());
        SignedDeliveries.header(otherId, "ce_id", UUID.randomUUID().toString());

        InboxMessageReader camden = Subscribers.readerFor(CAMDEN);
        for (ConsumerRecord<String, byte[]> relabelled : new ConsumerRecord[]{otherAgreement, otherId}) {
            Reading.Rejected rejected = assertInstanceOf(Reading.Rejected.class, camden.read(relabelled));
            assertTrue(rejected.reason().startsWith("tg_signature does not verify"), rejected.reason());
        }
    }

    private ConsumerRecord<String, byte[]> deliveredToCamden() {
        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(TestRecords.release(recordId, "copied",
                "yoi-feltham", CAMDEN, TestIdentifiers.nhsNumber())).when().post("/v1/records").then().statusCode(202);
        return Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox." + CAMDEN, message -> recordId.equals(
                Inboxes.header(message, "ce_id"))).get(0);
    }

    private static Reading.Rejected rejected(ConsumerRecord<String, byte[]> message) {
        return assertInstanceOf(Reading.Rejected.class, Subscribers.readerFor(YCS).read(message));
    }

    /** The same key, value and headers, in another topic. */
    private static ConsumerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> message, String topic) {
        ConsumerRecord<String, byte[]> copy = new ConsumerRecord<>(topic, 0, 0L, message.key(), message.value());
        for (Header header : message.headers()) {
            copy.headers().add(header.key(), new String(header.value(), StandardCharsets.UTF_8).getBytes(
                    StandardCharsets.UTF_8));
        }
        return copy;
    }
}
