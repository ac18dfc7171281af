package io.throughgate.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.throughgate.devcerts.DevelopmentKafkaTls;
import io.throughgate.testing.KafkaBrokerTestResource;

/**
 * The packaged hub ({@code target/quarkus-app/quarkus-run.jar}) in a JVM of its own, against the fault broker and
 * PostgreSQL, with its own data folder and HTTPS port; started again after a SIGKILL as the same node (same
 * transactional ids), as a restarted pod would be.
 */
final class FaultHub implements AutoCloseable {

    static final Path ARTEFACT = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final int port = KafkaBrokerTestResource.freePort();
    private final ChildProcess process;

    FaultHub(Path folder, FaultBroker broker, FaultDatabase database) {
        if (!ARTEFACT.toFile().isFile()) {
            throw new IllegalStateException(ARTEFACT + " is missing: package the hub first (mvn -DskipTests "
                    + "package)");
        }
        Map<String, String> environment = Map.ofEntries(
                Map.entry("QUARKUS_HTTP_SSL_PORT", String.valueOf(port)),
                Map.entry("THROUGHGATE_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()),
                Map.entry("THROUGHGATE_DATA_DIR", folder.resolve("hub").toAbsolutePath().toString()),
                Map.entry("THROUGHGATE_DATABASE_KIND", "postgresql"),
                Map.entry("THROUGHGATE_DATABASE_URL", database.url()),
                Map.entry("THROUGHGATE_DATABASE_USERNAME", FaultDatabase.USER),
                // Checkpoints every few seconds, so that verification also checks signed tree heads.
                Map.entry("THROUGHGATE_SHARING_LOG_CHECKPOINT_INTERVAL", "PT2S"),
                // The node's id: a restarted hub is the same node, with the same transactional ids (it waits for
                // its killed predecessor's lease on the id to lapse).
                Map.entry("THROUGHGATE_NODE_ID", "fault-hub"));
        List<String> arguments = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC", "-Dquarkus.profile=dev"));
        // The broker takes only mutual TLS: the hub connects with its Kafka certificate.
        DevelopmentKafkaTls.hub(KafkaBrokerTestResource.CERTS).hubSettings().forEach((name, value) -> arguments.add(
                "-D" + name + "=" + value));
        arguments.addAll(List.of("-jar", ARTEFACT.toString()));
        process = new ChildProcess("hub", arguments, environment, folder.resolve("hub.log"));
    }

    /** Starts (or restarts) the hub and waits until it is ready. */
    void start() {
        HubClient operations = HubClient.anonymous(port);
        process.start(() -> operations.answers200("/q/health/ready"), Duration.ofSeconds(240));
    }

    /** Kills the hub with SIGKILL. */
    void kill() {
        process.kill();
    }

    int port() {
        return port;
    }

    Path log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
