package io.throughgate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.config.NodeConfig;
import io.throughgate.config.NodeId;
import io.throughgate.database.HubDatabase;
import io.throughgate.database.NodeLeases;

/**
 * Two hubs never run with one node id: the lease on an id is taken by one holder, renewed only by it, taken over
 * only once it lapsed, and a hub started with an id a running hub holds refuses to start.
 */
@QuarkusTest
class NodeLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(15);

    @Inject
    HubDatabase database;

    @Test
    void aLeaseIsTakenOnlyWhenFreeOrLapsed() throws Exception {
        NodeLeases leases = new NodeLeases(database.dataSource());
        String node = "replica-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertInstanceOf(NodeLeases.Taken.class, leases.claim(node, first, LEASE));
        NodeLeases.Claim refused = leases.claim(node, second, LEASE);
        NodeLeases.HeldByAnother held = assertInstanceOf(NodeLeases.HeldByAnother.class, refused);
        assertTrue(held.renewedAgo().compareTo(LEASE) < 0, held.toString());
        assertInstanceOf(NodeLeases.Taken.class, leases.claim(node, first, LEASE), "the holder may claim again");
        assertTrue(leases.renew(node, first));
        assertFalse(leases.renew(node, second), "only the holder renews");

        // Lapsed: not renewed for the lease's length (here, any time at all), another holder takes it over.
        Thread.sleep(5);
        assertInstanceOf(NodeLeases.Taken.class, leases.claim(node, second, Duration.ofMillis(1)));
        assertFalse(leases.renew(node, first), "the first holder lost it");
        leases.release(node, first);
        assertInstanceOf(NodeLeases.HeldByAnother.class, leases.claim(node, UUID.randomUUID(), LEASE),
                "a former holder's release leaves the new holder's lease alone");
        leases.release(node, second);
        assertInstanceOf(NodeLeases.Taken.class, leases.claim(node, UUID.randomUUID(), LEASE));
    }

    @Test
    void aHubStartedWithAnIdInUseRefusesToStartAndStartsOnceTheLeaseLapses() throws Exception {
        String node = "twin-" + UUID.randomUUID().toString().substring(0, 8);
        Duration lease = Duration.ofMillis(400);
        NodeLeases leases = new NodeLeases(database.dataSource());
        UUID running = UUID.randomUUID();
        assertInstanceOf(NodeLeases.Taken.class, leases.claim(node, running, lease));
        ScheduledExecutorService renewing = Executors.newSingleThreadScheduledExecutor();
        renewing.scheduleWithFixedDelay(() -> {
            try {
                leases.renew(node, running);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        NodeLeaseKeeper twin = keeper(node, lease);
        try {
            IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> twin.start(null));
            assertEquals("node id '" + node + "' is in use by another running hub", refusal.getMessage().substring(0,
                    ("node id '" + node + "' is in use by another running hub").length()), refusal.getMessage());
            assertTrue(refusal.getMessage().contains("THROUGHGATE_NODE_ID"), refusal.getMessage());
        } finally {
            renewing.shutdownNow();
            renewing.awaitTermination(5, TimeUnit.SECONDS);
        }

        // The running hub stopped without giving the lease up (killed): the restart waits for it to lapse.
        NodeLeaseKeeper restarted = keeper(node, lease);
        restarted.start(null);
        try {
            assertInstanceOf(NodeLeases.HeldByAnother.class, leases.claim(node, running, lease),
                    "the restarted hub holds the lease and renews it");
        } finally {
            restarted.stop(null);
        }
        assertInstanceOf(NodeLeases.Taken.class, leases.claim(node, UUID.randomUUID(), lease),
                "a stopped hub gives its lease up");
    }

    private NodeLeaseKeeper keeper(String node, Duration lease) {
        NodeLeaseKeeper keeper = new NodeLeaseKeeper();
        keeper.node = NodeId.of(node);
        keeper.database = database;
        keeper.config = new NodeConfig() {

            @Override
            public Optional<String> id() {
                return Optional.of(node);
            }

            @Override
            public Duration lease() {
                return lease;
            }
        };
        return keeper;
    }
}
