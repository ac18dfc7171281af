package io.throughgate.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker running in this JVM in KRaft mode, as one combined broker and controller node. Its
 * storage is formatted once and kept, so topics and records survive a restart.
 *
 * <p>
 * It is secured as a production cluster is: every listener (clients, and the KRaft controller) takes only mutual TLS
 * with a certificate from a trusted CA, and Kafka's standard authoriser refuses whatever no ACL allows. A client's
 * principal is its certificate's common name ({@link KafkaPrincipals}); the broker and the hub are super users, and
 * {@link InboxAcls} gives each agency its own inbox.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final KafkaTls tls;
    private KafkaRaftServer server;

    /**
     * @param logDir where the broker keeps its data; created and formatted on first start
     * @param port the client listener's port on localhost
     * @param controllerPort the KRaft controller listener's port on localhost
     * @param tls the broker's own certificate (principal {@link KafkaPrincipals#BROKER}) and the CAs whose
     *        certificates it accepts from clients
     */
    public EmbeddedKafkaBroker(Path logDir, int port, int controllerPort, KafkaTls tls) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.tls = tls;
    }

    /** The bootstrap servers clients use. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * Formats the storage if needed, starts the broker and waits until it answers clients.
     *
     * @throws IllegalStateException if the broker does not become ready within a minute
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        formatIfNew(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    /** Settings of an admin client acting as the broker itself, a super user: to create topics and ACLs. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> properties = new HashMap<>(tls.clientProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /** Stops the broker and waits for it to finish; its data stays on disk. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties brokerProperties() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        properties.put("listeners", "CLIENT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "CLIENT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "CLIENT");
        // Mutual TLS on every listener: no client without a certificate from a trusted CA, the broker included.
        properties.put("listener.security.protocol.map", "CLIENT:SSL,CONTROLLER:SSL");
        properties.putAll(tls.storeProperties());
        properties.put("ssl.client.auth", "required");
        properties.put("ssl.principal.mapping.rules", KafkaPrincipals.MAPPING_RULES);
        // Whatever no ACL allows is refused (allow.everyone.if.no.acl.found stays false).
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("super.users", KafkaPrincipals.superUsers());
        properties.put("log.dirs", logDir.toAbsolutePath().toString());
        // A single node cannot replicate: the internal topics must accept one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        // How often timed-out transactions are aborted: a term of the hub's claim arithmetic (decision record 0015).
        properties.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "10000");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner (compacted topics: consumer offsets, transaction state) keeps its deduplication map on the
        // heap for good, 128 MiB by default: a quarter of the hub's 512 MiB heap, which left G1 collecting several
        // times a second. A single node's compacted topics are small; 8 MiB holds about 350,000 keys per pass.
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        // The hub creates its topics explicitly; a typo must not create a topic.
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }

    private void formatIfNew(KafkaConfig config) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data folder " + logDir.toAbsolutePath(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data folder " + logDir.toAbsolutePath(), e);
        }
    }

    private void awaitReady() {
        Map<String, Object> adminConfig = adminProperties();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the in-process Kafka broker did not become ready within "
                                + READY_TIMEOUT.toSeconds() + " s", notYet);
                    }
                }
            }
        }
    }
}
