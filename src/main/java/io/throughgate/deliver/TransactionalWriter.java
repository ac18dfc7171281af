package io.throughgate.deliver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.throughgate.deliver.crypto.BatchProof;
import io.throughgate.deliver.crypto.DeliverySigner;

/**
 * One writer thread with its own transactional producer. It takes the records waiting in the queue (group commit),
 * signs their deliveries with one signature per inbox (over the Merkle tree of that inbox's deliveries), writes them,
 * then their sharing-log events, and commits them in one Kafka transaction: a {@code read_committed} subscriber sees
 * all of a record's messages or none. A failed transaction is aborted and
 * every record in it fails, so the hub answers 503 and the sender retries.
 */
final class TransactionalWriter implements Runnable {

    private static final Logger LOG = Logger.getLogger(TransactionalWriter.class);
    private static final int MAX_RECORDS_PER_TRANSACTION = 500;
    private static final int COMMIT_ATTEMPTS = 3;

    private final Map<String, Object> properties;
    private final BlockingQueue<DeliveryBatch> queue;
    private final DeliverySigner signer;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean running = true;

    TransactionalWriter(Map<String, Object> clientProperties, String transactionalId,
            BlockingQueue<DeliveryBatch> queue, DeliverySigner signer) {
        Map<String, Object> settings = new HashMap<>(clientProperties);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Each new batch, one per partition a transaction writes to, takes a whole batch.size buffer at once, and
        // the producer keeps freed ones pooled (up to buffer.memory, 32 MiB): a transaction touches tens of inbox
        // partitions with a few KiB each, so 256 KiB batches held tens of MiB of the heap for nothing.
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 32 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Back-to-back transactions: the first send of the next one is refused (CONCURRENT_TRANSACTIONS) until the
        // broker has written the previous one's commit markers, a matter of milliseconds. The default pause before
        // retrying (100 ms) would stall every transaction that follows another; retry soon instead.
        settings.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
        settings.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 250);
        // Fail fast enough to answer 503 while the sender is still waiting.
        // These bounds are terms of the claim arithmetic in DeliveryDeadlines.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) DeliveryDeadlines.MAX_BLOCK.toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DeliveryDeadlines.DELIVERY_TIMEOUT.toMillis());
        settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) DeliveryDeadlines.TRANSACTION_TIMEOUT
                .toMillis());
        this.properties = settings;
        this.queue = queue;
        this.signer = signer;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<DeliveryBatch> batch = new ArrayList<>();
        while (running) {
            try {
                DeliveryBatch first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_RECORDS_PER_TRANSACTION - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void write(List<DeliveryBatch> waiting) {
        List<DeliveryBatch> batch = waiting;
        try {
            DeliveryHooks.beforeTransaction.run();
            KafkaProducer<String, byte[]> current = producer();
            batch = withinDeadline(waiting);
            if (batch.isEmpty()) {
                return;
            }
            signPerInbox(batch);
            current.beginTransaction();
            List<List<Future<RecordMetadata>>> sent = new ArrayList<>();
            for (DeliveryBatch record : batch) {
                sent.add(record.deliveries().stream().map(current::send).toList());
            }
            List<List<RecordMetadata>> landed = new ArrayList<>();
            List<Future<RecordMetadata>> logged = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                List<RecordMetadata> where = new ArrayList<>();
                for (Future<RecordMetadata> delivery : sent.get(i)) {
                    where.add(delivery.get(10, TimeUnit.SECONDS));
                }
                landed.add(where);
                batch.get(i).logEvents().apply(where).forEach(event -> logged.add(current.send(event)));
            }
            // Every sharing-log event must have landed before the commit. A failed send then aborts the transaction
            // here, by this writer's own check, rather than by trusting the producer to refuse the commit; either way
            // no delivery is committed without its log entries.
            for (Future<RecordMetadata> event : logged) {
                event.get(10, TimeUnit.SECONDS);
            }
            commit(current);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).written().complete(landed.get(i));
            }
        } catch (Exception e) {
            LOG.warnf("a delivery transaction of %d records failed (%s); nothing of it is visible", batch.size(), e
                    .getClass().getSimpleName());
            discardProducer();
            batch.forEach(record -> record.written().completeExceptionally(e));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /**
     * Signs the transaction's deliveries with one signature per inbox: each inbox's deliveries, in the order they are
     * written, are one batch, signed once over their Merkle tree; each message's proof goes in its headers. One batch
     * per inbox rather than one for the whole transaction: a signature, root or audit path shared between two
     * agencies' copies of a record would let them link the copies, which a pseudonymising flow must prevent (decision
     * records 0014 and 0019).
     */
    private void signPerInbox(List<DeliveryBatch> batch) {
        Map<String, List<Integer>> byInbox = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> messages = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        for (DeliveryBatch record : batch) {
            for (int i = 0; i < record.deliveries().size(); i++) {
                ProducerRecord<String, byte[]> message = record.deliveries().get(i);
                byInbox.computeIfAbsent(message.topic(), topic -> new ArrayList<>()).add(messages.size());
                messages.add(message);
                leaves.add(record.leafHashes().get(i));
            }
        }
        for (List<Integer> inbox : byInbox.values()) {
            List<BatchProof> proofs = signer.signBatch(inbox.stream().map(leaves::get).toList());
            for (int i = 0; i < inbox.size(); i++) {
                DeliveryHeaders.addProof(messages.get(inbox.get(i)).headers(), proofs.get(i));
            }
        }
    }

    /**
     * The records whose deadline has not passed; the others fail here, before their transaction begins, so that no
     * record is written after its claim could have been taken over.
     */
    private static List<DeliveryBatch> withinDeadline(List<DeliveryBatch> waiting) {
        long now = System.nanoTime();
        List<DeliveryBatch> live = new ArrayList<>(waiting.size());
        for (DeliveryBatch record : waiting) {
            if (now - record.deadline() < 0) {
                live.add(record);
            } else {
                record.written().completeExceptionally(new DeadlinePassed());
            }
        }
        if (live.size() < waiting.size()) {
            LOG.warnf("%d records waited longer than the queue allows; nothing of them was written", waiting.size()
                    - live.size());
        }
        return live;
    }

    /** A record that waited past its deadline: nothing of it was written. */
    static final class DeadlinePassed extends Exception {

        private static final long serialVersionUID = 1L;

        DeadlinePassed() {
            super("the record waited past its deadline; nothing of it was written", null, false, false);
        }
    }

    /**
     * Commits; a commit that times out may still complete, so it is retried (the producer allows that) before the
     * outcome is declared unknown, in which case the records keep their claims rather than invite a second
     * delivery.
     */
    private static void commit(KafkaProducer<String, byte[]> producer) throws CommitOutcomeUnknown {
        for (int attempt = 1;; attempt++) {
            try {
                producer.commitTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw new CommitOutcomeUnknown();
                }
            }
        }
    }

    /** A commit whose outcome could not be learnt. */
    static final class CommitOutcomeUnknown extends Exception {

        private static final long serialVersionUID = 1L;

        CommitOutcomeUnknown() {
            super("the transaction's commit outcome is unknown", null, false, false);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            KafkaProducer<String, byte[]> created = new KafkaProducer<>(properties, new StringSerializer(),
                    new ByteArraySerializer());
            try {
                // Fences any earlier producer with this id and aborts its open transaction (KIP-98).
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void discardProducer() {
        // After a failure the producer may be in an error state that only a new producer clears; the new one's
        // initTransactions() aborts whatever the old one left open.
        if (producer != null) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException ignored) {
                // Closing below is the remedy.
            }
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
