package io.throughgate.deliver;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.throughgate.exchange.IngestContext;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.json.Json;
import io.throughgate.kafka.AcknowledgedProducer;
import io.throughgate.kafka.Topics;
import io.throughgate.pseudonym.Pseudonyms;

/**
 * Keeps a record that failed unexpectedly after it was accepted: an entry on {@code tg.dead-letter} with the
 * reason (the exception's class and the step, never a message that could quote the record) and the record itself
 * encrypted with AES-256-GCM (NIST SP 800-38D) under a key only the hub derives, so an operator can replay it.
 * Nothing is delivered; the sender is told to retry.
 */
@ApplicationScoped
@Named("deadLetters")
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AcknowledgedProducer producer;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    DeliveryDispatcher dispatcher;

    /** The route's handler of unexpected exceptions. */
    public void record(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        IngestContext context = exchange.getMessage().getBody(IngestContext.class);
        String reason = cause == null ? "unknown" : cause.getClass().getName();
        if (context != null && context.committed()) {
            // Delivered already: nothing to keep, and the claim stays so that a retry gets the receipt.
            LOG.errorf("a delivered record failed unexpectedly (%s); its claim stays for the retry", reason);
            DeliveryDispatcher.uncertain(context);
            exchange.getMessage().setBody(context);
            return;
        }
        LOG.errorf("a record failed unexpectedly (%s); it goes to the dead-letter topic", reason);
        if (context == null) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("recordId", context.recordId() == null ? null : context.recordId().toString());
        entry.put("sender", context.caller().agency().code());
        entry.put("receivedAt", context.receivedAt().toString());
        entry.put("reason", reason);
        entry.put("keyId", pseudonyms.keyring().activeKeyId());
        entry.put("encryptedRecord", encrypt(context.body()));
        try {
            producer.get().send(new ProducerRecord<>(Topics.DEAD_LETTER, entry.get("recordId") == null
                    ? null
                    : (String) entry.get("recordId"), Json.bytes(entry))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.errorf("the dead-letter topic could not take a failed record (%s)", e.getClass().getSimpleName());
        }
        context.fail(Failure.of(ErrorCode.INTERNAL_ERROR, "The hub could not complete the record; nothing was "
                + "delivered and it is kept for an operator. Retry later with the same record id."));
        dispatcher.releaseClaim(context);
        exchange.getMessage().setBody(context);
    }

    private String encrypt(byte[] record) {
        try {
            byte[] key = pseudonyms.keyring().derive(pseudonyms.keyring().activeKeyId(), "dead-letter");
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(record);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

}
