package io.throughgate.deliver;

import java.time.Duration;

/**
 * The time bounds that make a claim safe to take over. A record's claim is taken for abandoned only once its Kafka
 * transaction has surely ended, committed or aborted; the bound is the sum of these steps (decision record 0015):
 * <ol>
 * <li>the record waits in the writers' queue at most {@code queueWait} from its arrival: a writer fails a record
 * whose deadline passed before it begins the transaction, and nothing of it is written;</li>
 * <li>the transaction's first send may wait {@link #MAX_BLOCK} for metadata, and the broker's coordinator learns of
 * the transaction within {@link #DELIVERY_TIMEOUT} of that send, or the send expires and the transaction cannot
 * commit;</li>
 * <li>the coordinator aborts a transaction still open {@link #TRANSACTION_TIMEOUT} after it learnt of it, at its
 * next sweep, at most {@link #BROKER_ABORT_SWEEP} later; a commit it received before then is decided already;</li>
 * <li>the claim's time was written by one node's clock and is compared by another's: {@link #CLOCK_MARGIN}.</li>
 * </ol>
 * With the default queue wait of 10 s a claim is abandoned after 10 + 5 + 10 + 30 + 10 + 5 = 70 s.
 */
final class DeliveryDeadlines {

    /** The producer's {@code max.block.ms}: how long a send may wait for the topic's metadata. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    /** The producer's {@code delivery.timeout.ms}: a send not acknowledged by then fails its transaction. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    /** The producer's {@code transaction.timeout.ms}: the coordinator aborts a transaction open longer. */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

    /**
     * The broker's {@code transaction.abort.timed.out.transaction.cleanup.interval.ms} (its default, set explicitly
     * on the embedded broker and in the Kubernetes cluster).
     */
    static final Duration BROKER_ABORT_SWEEP = Duration.ofSeconds(10);

    /** Allowance for the clocks of two hub nodes to differ. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    private DeliveryDeadlines() {
    }

    /** How long after its arrival a pending claim may be taken over, for records that wait at most this long. */
    static Duration abandonedAfter(Duration queueWait) {
        return queueWait.plus(MAX_BLOCK).plus(DELIVERY_TIMEOUT).plus(TRANSACTION_TIMEOUT).plus(BROKER_ABORT_SWEEP)
                .plus(CLOCK_MARGIN);
    }
}
