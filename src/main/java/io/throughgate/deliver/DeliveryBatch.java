package io.throughgate.deliver;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What one record writes to Kafka: its deliveries, then the sharing-log events, which name where each delivery
 * landed, all in one transaction.
 *
 * @param deliveries the messages to the recipients' inboxes, without their batch proofs (the writer adds them)
 * @param leafHashes each delivery's leaf in its batch's Merkle tree ({@code SignedDeliveryInput.leafHash}), in the
 *        same order
 * @param logEvents makes the sharing-log messages from where the deliveries landed (same order as deliveries)
 * @param written completed with where the deliveries landed once the transaction commits, or exceptionally
 * @param deadline the {@link System#nanoTime()} after which no transaction may begin with this record
 */
public record DeliveryBatch(List<ProducerRecord<String, byte[]>> deliveries, List<byte[]> leafHashes,
        Function<List<RecordMetadata>, List<ProducerRecord<String, byte[]>>> logEvents,
        CompletableFuture<List<RecordMetadata>> written, long deadline) {

    public DeliveryBatch {
        deliveries = List.copyOf(deliveries);
        leafHashes = List.copyOf(leafHashes);
        if (leafHashes.size() != deliveries.size()) {
            throw new IllegalArgumentException("one leaf per delivery: " + deliveries.size() + " deliveries, "
                    + leafHashes.size() + " leaves");
        }
    }
}
