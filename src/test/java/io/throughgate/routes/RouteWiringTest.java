package io.throughgate.routes;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.throughgate.deliver.DeliveryDispatcher;
import io.throughgate.deliver.RecordRouter;
import io.throughgate.deliver.TestRecords;
import io.throughgate.exchange.IngestContext;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The wiring of {@code routes/ingest-record.yaml}: once a step fails a record no later step runs (one place where
 * a failure leaves the route), and a step that throws sends the record to the dead-letter topic, with nothing
 * delivered. The routes are advised here, so this test runs in a hub of its own.
 */
@QuarkusTest
@TestProfile(RouteWiringTest.AdvisedRoutes.class)
class RouteWiringTest {

    /** A hub whose routes this test may change. */
    public static final class AdvisedRoutes implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("throughgate.delivery.writers", "1");
        }
    }

    @Inject
    CamelContext camel;

    @Inject
    KafkaConnection kafka;

    @Inject
    RecordRouter router;

    @Inject
    DeliveryDispatcher dispatcher;

    /** A step that counts its calls and hands the record to the real one. */
    public static final class CountingStep {

        private final AtomicInteger calls;
        private final UnaryOperator<IngestContext> real;

        CountingStep(AtomicInteger calls, UnaryOperator<IngestContext> real) {
            this.calls = calls;
            this.real = real;
        }

        public IngestContext step(IngestContext context) {
            calls.incrementAndGet();
            return real.apply(context);
        }
    }

    @Test
    void aFailedStepEndsTheRouteAndAThrowingStepEndsOnTheDeadLetterTopic() throws Exception {
        AtomicInteger routed = new AtomicInteger();
        AtomicInteger dispatched = new AtomicInteger();
        // Counting stand-ins that call the real steps, reached through bean: endpoints as the real ones are.
        camel.getRegistry().bind("countingRouter", new CountingStep(routed, router::route));
        camel.getRegistry().bind("countingDispatcher", new CountingStep(dispatched, dispatcher::deliver));
        AdviceWith.adviceWith(camel, "prepare-record", route -> {
            route.weaveByToUri("bean:recordRouter*").replace().to("bean:countingRouter?method=step");
            route.weaveByToUri("bean:recordGate*").replace().process(exchange -> {
                throw new IllegalStateException("the gate broke");
            });
            route.weaveByToUri("bean:deliveryDispatcher*").replace().to("bean:countingDispatcher?method=step");
        });

        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body("{\"recordId\": \"not-a-uuid\"}").when().post(
                "/v1/records").then().statusCode(400);
        assertEquals(0, routed.get(), "no step after the failed validation ran");

        String recordId = UUID.randomUUID().toString();
        TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(TestRecords.release(recordId, "wiring",
                "yoi-feltham", "yot-camden", TestIdentifiers.nhsNumber())).when().post("/v1/records").then()
                .statusCode(500).body("code", equalTo("internal-error"));
        assertEquals(1, routed.get(), "the steps before the gate ran");
        assertEquals(0, dispatched.get(), "nothing after the gate ran");
        JsonNode deadLetter = new ObjectMapper().readTree(Inboxes.awaitMatching(kafka.clientProperties(),
                "tg.dead-letter", message -> recordId.equals(message.key())).get(0).value());
        assertEquals("java.lang.IllegalStateException", deadLetter.path("reason").asText());
    }
}
