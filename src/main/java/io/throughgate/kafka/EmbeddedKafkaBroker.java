package io.throughgate.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param logDir where the broker keeps its data; created and formatted on first start
     * @param port the client listener's port on localhost
     * @param controllerPort the KRaft controller listener's port on localhost
     */
    public EmbeddedKafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
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
        properties.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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
        Map<String, Object> adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
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
