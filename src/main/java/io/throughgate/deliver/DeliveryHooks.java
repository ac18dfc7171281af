package io.throughgate.deliver;

/**
 * Two points in a delivery where a test of this package can hold a writer back or fail a step that runs after the
 * commit. Both do nothing unless a test sets them; nothing outside this package can.
 */
final class DeliveryHooks {

    /** Runs on a writer thread before each transaction (a test holds the writer here). */
    static volatile Runnable beforeTransaction = () -> {
    };

    /** Runs after a record's transaction committed, before its receipt is built (a test throws here). */
    static volatile Runnable afterCommit = () -> {
    };

    private DeliveryHooks() {
    }

    /** Back to doing nothing. */
    static void reset() {
        beforeTransaction = () -> {
        };
        afterCommit = () -> {
        };
    }
}
