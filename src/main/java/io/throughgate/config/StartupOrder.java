package io.throughgate.config;

/**
 * The order in which the hub's parts start, as {@code @Priority} of their start-up observers (lower first), named in
 * one place. Each part may use those above it from its start. They stop in the reverse order: Camel's routes first,
 * so that no record is taken while what it needs goes away.
 */
public final class StartupOrder {

    /** Refuse development keys in production before anything opens a port or a file. */
    public static final int KEY_CHECK = 1;
    /** Take this replica's lease on its node id, which names its Kafka writers; refuse to start without it. */
    public static final int NODE_LEASE = 5;
    /** Start the in-process broker, when the hub runs one, and create the missing topics. */
    public static final int KAFKA = 10;
    /** Replay the consent events into the view and follow new ones. */
    public static final int CONSENT = 20;
    /** Start the delivery writers, which need Kafka. */
    public static final int DELIVERY = 22;
    /** Start indexing the sharing log and signing checkpoints, which need Kafka and the database. */
    public static final int SHARING_LOG = 25;
    /** Start the Camel routes, which use all of the above: records are taken from here on. */
    public static final int ROUTES = 30;

    private StartupOrder() {
    }
}
