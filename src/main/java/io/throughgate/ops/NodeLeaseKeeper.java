package io.throughgate.ops;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.throughgate.config.NodeConfig;
import io.throughgate.config.NodeId;
import io.throughgate.config.StartupOrder;
import io.throughgate.database.HubDatabase;
import io.throughgate.database.NodeLeases;

/**
 * Holds this replica's lease on its node id while it runs, so that two hubs never run with one id: their Kafka
 * writers, named after it, would fence each other. A hub started with an id another running hub holds waits once
 * for the lease to lapse (a restart after a crash), then refuses to start.
 */
@ApplicationScoped
public class NodeLeaseKeeper {

    private static final Logger LOG = Logger.getLogger(NodeLeaseKeeper.class);
    private static final Duration RETRY = Duration.ofMillis(500);

    @Inject
    NodeId node;

    @Inject
    NodeConfig config;

    @Inject
    HubDatabase database;

    private final UUID holder = UUID.randomUUID();
    private NodeLeases leases;
    private ScheduledExecutorService renewals;

    synchronized void start(@Observes @Priority(StartupOrder.NODE_LEASE) StartupEvent event) throws SQLException,
            InterruptedException {
        leases = new NodeLeases(database.dataSource());
        Duration lease = config.lease();
        // Long enough for a crashed predecessor's lease to lapse, and for the lapse to be seen.
        long deadline = System.nanoTime() + lease.plus(lease).toNanos();
        NodeLeases.Claim claim = leases.claim(node.get(), holder, lease);
        while (claim instanceof NodeLeases.HeldByAnother && System.nanoTime() < deadline) {
            Thread.sleep(RETRY.toMillis());
            claim = leases.claim(node.get(), holder, lease);
        }
        if (claim instanceof NodeLeases.HeldByAnother held) {
            throw new IllegalStateException("node id '" + node.get() + "' is in use by another running hub (it "
                    + "renewed its lease " + held.renewedAgo().toMillis() + " ms ago): give each replica its own "
                    + "throughgate.node.id (THROUGHGATE_NODE_ID); on Kubernetes, run the hub as a StatefulSet");
        }
        renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-lease");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("node id %s: lease held", node.get());
    }

    private void renew() {
        try {
            if (!leases.renew(node.get(), holder)) {
                LOG.errorf("node id %s: another hub took over this replica's lease (it was not renewed in time); "
                        + "this hub's Kafka writers will be fenced: restart it", node.get());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("node id %s: could not renew the lease (%s); trying again", node.get(), e.getClass()
                    .getSimpleName());
        }
    }

    synchronized void stop(@Observes @Priority(StartupOrder.NODE_LEASE) ShutdownEvent event) {
        if (renewals == null) {
            return;
        }
        renewals.shutdownNow();
        renewals = null;
        try {
            leases.release(node.get(), holder);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("node id %s: could not give the lease up (%s); a restart waits for it to lapse", node.get(), e
                    .getClass().getSimpleName());
        }
    }
}
