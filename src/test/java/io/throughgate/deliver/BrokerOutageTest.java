package io.throughgate.deliver;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.KafkaBrokerTestResource;
import io.throughgate.testing.TestClients;

/** With Kafka down the hub answers 503 and nothing of the record becomes visible; the retry delivers it once. */
@QuarkusTest
class BrokerOutageTest {

    @Inject
    KafkaConnection kafka;

    @Test
    void answers503WithTheBrokerStoppedAndNothingPartialIsVisibleAfterRestart() {
        String recordId = UUID.randomUUID().toString();
        String record = ReleaseNotificationExchangeTest.release(recordId, "outage", "yoi-feltham", "yot-enfield");
        KafkaBrokerTestResource.stopBroker();
        try {
            TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record)
                    .when().post("/v1/records")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("code", equalTo("exchange-unavailable"));
        } finally {
            KafkaBrokerTestResource.restartBroker();
        }
        assertEquals(0, count("tg.inbox.yot-enfield", recordId), "nothing partial in the inbox");
        assertEquals(0, Inboxes.read(kafka.clientProperties(), "tg.sharing-log").stream()
                .filter(entry -> recordId.equals(entry.key())).count(), "nothing partial in the sharing log");

        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record)
                .when().post("/v1/records").then().statusCode(202);
        assertEquals(1, Inboxes.awaitMatching(kafka.clientProperties(), "tg.inbox.yot-enfield",
                message -> recordId.equals(Inboxes.header(message, "ce_id"))).size());
    }

    private long count(String topic, String recordId) {
        return Inboxes.read(kafka.clientProperties(), topic).stream()
                .filter(message -> recordId.equals(Inboxes.header(message, "ce_id"))).count();
    }
}
