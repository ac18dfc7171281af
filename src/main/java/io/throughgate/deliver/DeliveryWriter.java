package io.throughgate.deliver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.throughgate.deliver.crypto.DeliverySigner;

/**
 * Writes records' deliveries and sharing-log events to Kafka in transactions, on a few writer threads that each
 * group the records waiting into one transaction and sign its deliveries, one batch per inbox. Transactional ids are {@code <prefix>-<n>}, stable per hub node
 * so that a restarted node fences its previous incarnation.
 */
public final class DeliveryWriter implements AutoCloseable {

    private final BlockingQueue<DeliveryBatch> queue = new ArrayBlockingQueue<>(20_000);
    private final List<TransactionalWriter> writers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param clientProperties the Kafka connection settings
     * @param transactionalIdPrefix unique per hub node, e.g. {@code throughgate-<node>}
     * @param threads how many writers (each with its own producer)
     * @param signer signs each transaction's deliveries, one batch per inbox
     */
    public DeliveryWriter(Map<String, Object> clientProperties, String transactionalIdPrefix, int threads,
            DeliverySigner signer) {
        for (int i = 0; i < threads; i++) {
            TransactionalWriter writer = new TransactionalWriter(clientProperties, transactionalIdPrefix + "-" + i,
                    queue, signer);
            Thread thread = new Thread(writer, "delivery-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            writers.add(writer);
            this.threads.add(thread);
        }
    }

    /**
     * Queues a record's messages.
     *
     * @return false when the queue is full (the hub is overloaded); the caller answers 503
     */
    public boolean submit(DeliveryBatch batch) {
        return queue.offer(batch);
    }

    @Override
    public void close() {
        writers.forEach(TransactionalWriter::stop);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
