package io.throughgate.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.throughgate.cli.KafkaBrokerCommand;

/**
 * A Kafka broker in a process of its own ({@code kafka-broker}, the hub's in-process broker on its own), with a
 * temporary data folder, for hub replicas to share. Closing it stops it and deletes the folder ({@link OwnedProcess}).
 */
final class BrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final OwnedProcess owned;

    private BrokerProcess(Process process, Path dataDir) {
        this.owned = new OwnedProcess("Kafka broker", process, dataDir);
    }

    /**
     * Starts the broker and waits until it answers clients.
     *
     * @param jar the artefact's {@code quarkus-run.jar}
     * @param port the client port; the controller takes the next one
     * @param log where the broker's output goes
     * @throws IllegalStateException when a port is taken or the broker does not become ready
     */
    static BrokerProcess start(Path jar, int port, Path log) throws IOException, InterruptedException {
        HubProcess.requireFree(port);
        HubProcess.requireFree(port + 1);
        Path dataDir = Files.createTempDirectory("throughgate-benchmark-broker-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-jar", jar.toString(), "kafka-broker", "--data", dataDir.toString(), "--port",
                String.valueOf(port)));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BrokerProcess broker = new BrokerProcess(process, dataDir);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(KafkaBrokerCommand.READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                broker.close();
                throw new IllegalStateException("the Kafka broker did not start; see " + log);
            }
            Thread.sleep(200);
        }
        return broker;
    }

    @Override
    public void close() {
        owned.close();
    }
}
