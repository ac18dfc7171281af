package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.exchange.IngestContext;
import io.throughgate.failure.ErrorCode;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Role;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.Inboxes;

/** A record that fails unexpectedly is kept on the dead-letter topic with the reason, its content sealed. */
@QuarkusTest
class DeadLettersTest {

    @Inject
    DeadLetters deadLetters;

    @Inject
    CamelContext camel;

    @Inject
    AgencyDirectory directory;

    @Inject
    KafkaConnection kafka;

    @Test
    void keepsTheFailedRecordSealedWithItsReasonAndFailsItWithoutDelivering() throws Exception {
        String marker = "DeadLetterMarker" + System.nanoTime();
        AgencyIdentity feltham = new AgencyIdentity(directory.find("yoi-feltham").orElseThrow(),
                java.util.Set.of(Role.AGENCY), "01");
        IngestContext context = new IngestContext(("{\"subject\": {\"name\": \"" + marker + "\"}}").getBytes(
                StandardCharsets.UTF_8), feltham, Instant.now(), LocalDate.now());
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(context);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("a bug"));

        deadLetters.record(exchange);

        assertEquals(ErrorCode.INTERNAL_ERROR, context.failure().orElseThrow().code());
        JsonNode entry = Inboxes.read(kafka.clientProperties(), "tg.dead-letter").stream()
                .map(record -> read(record.value())).filter(json -> json.path("reason").asText().equals(
                        "java.lang.IllegalStateException") && json.path("sender").asText().equals("yoi-feltham"))
                .reduce((first, last) -> last).orElseThrow();
        assertTrue(entry.path("encryptedRecord").asText().length() > 40);
        assertFalse(entry.toString().contains(marker), "the record's content is sealed");
    }

    private static JsonNode read(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
