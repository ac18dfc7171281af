package io.throughgate.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hub under test, run as a child process of the same artefact in the development profile, with its own
 * temporary data folder (so its own in-process broker and H2 database, unless told to use others) and its own
 * ports. Closing it stops it gracefully and deletes the data folder ({@link OwnedProcess}).
 */
final class HubProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final OwnedProcess owned;

    private HubProcess(Process process, Path dataDir) {
        this.owned = new OwnedProcess("hub", process, dataDir);
    }

    /**
     * Starts the hub with its own in-process broker and H2 database.
     *
     * @param jar the hub's {@code quarkus-run.jar}
     * @param settings the ports and JVM options
     * @param log where the hub's output goes
     * @throws IllegalStateException when a port is taken
     */
    static HubProcess start(Path jar, BenchmarkSettings settings, Path log) throws IOException {
        for (int port : List.of(settings.kafkaPort(), settings.kafkaPort() + 1)) {
            requireFree(port);
        }
        return start(jar, settings.hubJavaOptions(), settings.httpsPort(), List.of("-Dthroughgate.kafka.embedded.port="
                + settings.kafkaPort(), "-Dthroughgate.kafka.embedded.controller-port=" + (settings.kafkaPort() + 1)),
                List.of(), log);
    }

    /**
     * Starts the hub with the given settings on top of the development profile.
     *
     * @param jar the hub's {@code quarkus-run.jar}
     * @param javaOptions the JVM options (the heap)
     * @param httpsPort its HTTPS port
     * @param properties more {@code -D} settings (broker, database, node id)
     * @param launcher what runs {@code java}, such as {@code taskset -c 0}; empty for nothing
     * @param log where the hub's output goes
     * @throws IllegalStateException when the HTTPS port is taken
     */
    static HubProcess start(Path jar, List<String> javaOptions, int httpsPort, List<String> properties,
            List<String> launcher, Path log) throws IOException {
        requireFree(httpsPort);
        Path dataDir = Files.createTempDirectory("throughgate-benchmark-");
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-Dquarkus.profile=dev");
        command.add("-Dthroughgate.data-dir=" + dataDir);
        command.add("-Dquarkus.http.ssl-port=" + httpsPort);
        command.addAll(properties);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new HubProcess(process, dataDir);
    }

    /** The hub's process, for its processor time. */
    ProcessHandle handle() {
        return owned.process().toHandle();
    }

    long pid() {
        return owned.process().pid();
    }

    boolean alive() {
        return owned.process().isAlive();
    }

    /**
     * Waits until the hub answers its readiness check.
     *
     * @param client a client of this hub
     * @param log the hub's log, named when it stops or is not ready in time
     * @throws IllegalStateException if the hub stops, or is not ready within three minutes
     */
    void awaitReady(HubClient client, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException("the hub stopped; see " + log);
            }
            try {
                if (client.get("/q/health/ready").toCompletableFuture().get(5, TimeUnit.SECONDS).status() == 200) {
                    return;
                }
            } catch (ExecutionException | TimeoutException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the hub was not ready within " + READY_TIMEOUT.toMinutes()
                + " minutes; see " + log);
    }

    @Override
    public void close() {
        owned.close();
    }

    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use; choose others with --https-port and "
                    + "--kafka-port");
        }
    }
}
