package io.throughgate.deliver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.StartupEvent;
import io.throughgate.config.NodeId;
import io.throughgate.config.StartupOrder;
import io.throughgate.database.HubDatabase;
import io.throughgate.deliver.crypto.DeliverySigner;
import io.throughgate.deliver.crypto.SignedDeliveryInput;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.PlannedDelivery;
import io.throughgate.exchange.Receipt;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.json.Json;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.kafka.Topics;
import io.throughgate.pki.Pem;
import io.throughgate.pseudonym.Pseudonyms;
import io.throughgate.pseudonym.SubjectIdentifier;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogColumns;
import io.throughgate.sharinglog.SharingLogEvent;
import io.throughgate.sharinglog.SharingLogEvents;
import io.throughgate.sharinglog.SharingLogLeaf;

/**
 * Deliver steps: seals each recipient's record (its value bound to its delivery as a leaf of the transaction's signed
 * batch, the recipient's pseudonym as the key, CloudEvents headers), writes the deliveries and their sharing-log
 * entries in one Kafka transaction, and
 * answers with the receipt once it commits. A failure before the commit releases the claim and nothing is visible;
 * a failure after it keeps the claim, so that a retry gets the receipt and nothing is delivered twice.
 */
@ApplicationScoped
@Named("deliveryDispatcher")
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    /** How long a retry that takes over a claim waits for the sharing log's index to hold every commit. */
    private static final java.time.Duration INDEX_WAIT = java.time.Duration.ofSeconds(10);

    @Inject
    KafkaConnection kafka;

    @Inject
    HubDatabase database;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    DeliveryConfig config;

    @Inject
    SharingLog sharingLog;

    @Inject
    NodeId node;

    private volatile DeliveryWriter writer;
    private volatile DeliverySigner signer;
    private volatile ReceiptStore receipts;

    /** Reads the signing key and starts the writers, once Kafka is up and before the routes take records. */
    void start(@Observes @Priority(StartupOrder.DELIVERY) StartupEvent event) {
        try {
            signer = new DeliverySigner(Pem.readPrivateKey(Path.of(config.signingKey())), Pem.readCertificates(Path.of(
                    config.signingCertificate())).get(0));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the delivery signing key: " + e.getMessage(), e);
        }
        receipts = new ReceiptStore(database, this::committedReceipt, DeliveryDeadlines.abandonedAfter(config
                .queueWait()));
        writer = new DeliveryWriter(kafka.clientProperties(), "throughgate-" + node.get(), config.writers(), signer);
    }

    /** The receipt of a record the sharing log shows was delivered (up to date: once it holds every commit). */
    private Optional<String> committedReceipt(UUID recordId, boolean upToDate) throws TimeoutException,
            SQLException {
        if (upToDate) {
            sharingLog.awaitIndexed(INDEX_WAIT);
        }
        List<SharingLogEvent> entries = sharingLog.queries().eventsOfRecord(recordId);
        return entries.isEmpty() ? Optional.empty() : Optional.of(Json.text(Receipts.of(entries)));
    }

    /** The hub's delivery signer. */
    public DeliverySigner signer() {
        return signer;
    }

    /** The store of claims and receipts. */
    public ReceiptStore receipts() {
        return receipts;
    }

    /** Queues the record's deliveries and sharing-log entries for the next transaction. */
    public IngestContext deliver(IngestContext context) {
        List<ProducerRecord<String, byte[]>> messages = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        List<IngestContext.Gated> delivered = new ArrayList<>();
        List<IngestContext.Gated> withheld = new ArrayList<>();
        for (IngestContext.Gated gated : context.gated()) {
            if (!gated.gated().carriesFields()) {
                withheld.add(gated);
                continue;
            }
            byte[] value = Json.bytes(gated.gated().value());
            String topic = Topics.inbox(gated.delivery().recipient().code());
            SignedDeliveryInput signed = signedInput(gated, topic);
            messages.add(new ProducerRecord<>(topic, null, recipientKey(context, gated), value, DeliveryHeaders.of(
                    gated.gated().value(), signed)));
            leaves.add(signed.leafHash(value));
            delivered.add(gated);
        }
        CompletableFuture<List<RecordMetadata>> written = new CompletableFuture<>();
        if (messages.isEmpty() && withheld.isEmpty()) {
            written.complete(List.of());
        } else if (!writer.submit(new DeliveryBatch(messages, leaves, landed -> logEntries(context, delivered, messages,
                withheld, landed), written, context.arrivedAt() + config.queueWait().toNanos()))) {
            written.completeExceptionally(new TimeoutException("the delivery queue is full"));
        }
        context.written(written);
        return context;
    }

    /**
     * Writes copies of a notice the hub issues itself (a timeliness notice), signed, keyed and logged like a record's
     * deliveries and in one transaction with their sharing-log entries.
     *
     * @param copies each recipient's gated copy, under its agreement and flow
     * @param key the message key: the child's pseudonym the recipients know
     * @param source what the sharing log names as delivered
     * @param waitAtMost how long the copies may wait for a transaction
     * @return completed with where each copy landed once the transaction commits, or exceptionally
     */
    public CompletableFuture<List<RecordMetadata>> deliverIssued(List<IngestContext.Gated> copies, String key,
            SharingLogEvents.Source source, java.time.Duration waitAtMost) {
        List<ProducerRecord<String, byte[]>> messages = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        for (IngestContext.Gated copy : copies) {
            byte[] value = Json.bytes(copy.gated().value());
            String topic = Topics.inbox(copy.delivery().recipient().code());
            SignedDeliveryInput signed = signedInput(copy, topic);
            messages.add(new ProducerRecord<>(topic, null, key, value, DeliveryHeaders.of(copy.gated().value(),
                    signed)));
            leaves.add(signed.leafHash(value));
        }
        CompletableFuture<List<RecordMetadata>> written = new CompletableFuture<>();
        Function<List<RecordMetadata>, List<ProducerRecord<String, byte[]>>> logEvents = landed -> {
            List<ProducerRecord<String, byte[]>> entries = new ArrayList<>();
            for (int i = 0; i < copies.size(); i++) {
                entries.add(entry(source.recordId(), SharingLogEvents.of(source, copies.get(i).delivery(), copies
                        .get(i).gated(), key, landed.get(i))));
            }
            return entries;
        };
        if (!writer.submit(new DeliveryBatch(messages, leaves, logEvents, written, System.nanoTime() + waitAtMost
                .toNanos()))) {
            written.completeExceptionally(new TimeoutException("the delivery queue is full"));
        }
        return written;
    }

    /** Waits for the transaction; answers with the receipt, or fails and releases the claim. */
    public IngestContext await(IngestContext context) {
        if (context.done()) {
            // A record that failed after claiming its id (no agreement, consent unavailable) frees it for a retry.
            releaseClaim(context);
            return context;
        }
        List<RecordMetadata> landed;
        try {
            landed = context.written().get(config.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            uncertain(context);
            return context;
        } catch (TimeoutException e) {
            // The transaction may still commit: keep the claim. A retry once the claim is abandoned learns from the
            // sharing log whether it did, and gets the receipt or delivers.
            uncertain(context);
            return context;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalWriter.CommitOutcomeUnknown) {
                uncertain(context);
            } else {
                unavailable(context);
            }
            return context;
        }
        context.committed(true);
        try {
            DeliveryHooks.afterCommit.run();
            Receipt receipt = Receipts.of(context, landed);
            if (!receipts.delivered(context.recordId(), context.claimToken(), Json.text(receipt))) {
                LOG.warnf("a committed record's claim had been settled or taken over already; its receipt stands");
            }
            context.receipt(receipt);
        } catch (SQLException | RuntimeException e) {
            // Committed, but the receipt could not be built or stored: keep the claim, so that a retry gets the
            // receipt rebuilt from the sharing log instead of delivering again.
            LOG.warnf("a committed record's receipt could not be stored (%s); a retry gets it from the sharing log",
                    e.getClass().getSimpleName());
            uncertain(context);
        }
        return context;
    }

    /**
     * Releases a claim the record holds but will not complete: it failed after claiming and before anything of it
     * was written. A committed record's claim is never released.
     */
    public void releaseClaim(IngestContext context) {
        if (context.claimed() && !context.committed() && context.receipt().isEmpty()) {
            try {
                receipts.release(context.recordId(), context.claimToken());
            } catch (SQLException e) {
                LOG.warnf("could not release the claim of a failed record (SQL state %s); it expires by itself",
                        e.getSQLState());
            }
        }
    }

    private void unavailable(IngestContext context) {
        context.fail(Failure.of(ErrorCode.EXCHANGE_UNAVAILABLE, "The hub could not write to Kafka; nothing was "
                + "delivered. Retry with the same record id."));
        releaseClaim(context);
    }

    static void uncertain(IngestContext context) {
        context.fail(Failure.of(ErrorCode.EXCHANGE_UNAVAILABLE, "The hub could not confirm the delivery. Retry "
                + "with the same record id: you get its receipt if it was delivered, and it is never delivered "
                + "twice."));
    }

    /** What the copy's signature binds it to: its recipient, topic, agreement version, record id and key. */
    private SignedDeliveryInput signedInput(IngestContext.Gated gated, String topic) {
        PlannedDelivery delivery = gated.delivery();
        return new SignedDeliveryInput(delivery.recipient().code(), topic, delivery.agreement().id(), String.valueOf(
                delivery.agreement().agreement().orElseThrow().version()),
                gated.gated().value().path("recordId")
                        .asText(),
                signer.keyId());
    }

    /**
     * The message key: the recipient's pseudonym for the child under the agreement version, from the child's first
     * identifier, so that every recipient under one agreement version shares it. A pseudonymising flow's copy is
     * keyed only from an identifier it carries (shared or pseudonymised, consent permitting), so that the key never
     * stands for an identifier the flow withholds; a copy that carries none is keyed by its own record id.
     */
    private String recipientKey(IngestContext context, IngestContext.Gated gated) {
        JsonNode copy = gated.gated().value();
        boolean onlyWhatItCarries = gated.delivery().flow().envelope().pseudonymousRecordId();
        return SubjectIdentifier.of(context.record().path("subject")).stream()
                .filter(id -> !onlyWhatItCarries || !copy.at(id.pointer()).isMissingNode())
                .findFirst()
                .map(id -> pseudonyms.of(gated.delivery().pseudonymDomain(), id.kind(), id.value()))
                .orElse(copy.path("recordId").asText());
    }

    private static List<ProducerRecord<String, byte[]>> logEntries(IngestContext context,
            List<IngestContext.Gated> delivered, List<ProducerRecord<String, byte[]>> messages,
            List<IngestContext.Gated> withheld, List<RecordMetadata> landed) {
        List<ProducerRecord<String, byte[]>> entries = new ArrayList<>();
        for (int i = 0; i < delivered.size(); i++) {
            entries.add(entry(context.recordId().toString(),
                    SharingLogEvents.of(context, delivered.get(i).delivery(), delivered.get(i)
                            .gated(), messages.get(i).key(), landed.get(i))));
        }
        withheld.forEach(gated -> entries
                .add(entry(context.recordId().toString(), SharingLogEvents.of(context, gated.delivery(), gated
                        .gated(), null, null))));
        return entries;
    }

    private static ProducerRecord<String, byte[]> entry(String recordId, SharingLogEvent event) {
        ProducerRecord<String, byte[]> entry = new ProducerRecord<>(Topics.SHARING_LOG, recordId,
                SharingLogLeaf.canonicalEvent(event));
        entry.headers().add(SharingLogLeaf.CANONICAL_HEADER, SharingLogLeaf.CANONICAL_FORM.getBytes(
                StandardCharsets.US_ASCII));
        SharingLogColumns.of(event).addTo(entry.headers());
        return entry;
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.close();
        }
    }
}
