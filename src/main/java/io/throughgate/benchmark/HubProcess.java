package io.throughgate.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The hub under test, run as a child process of the same artefact in the development profile, with its own
 * temporary data folder (so its own in-process broker and H2 database) and its own ports. Closing it stops it
 * gracefully (SIGTERM, then SIGKILL after a grace period) and deletes the data folder.
 */
final class HubProcess implements AutoCloseable {

    private static final long STOP_GRACE_SECONDS = 30;

    private final Process process;
    private final Path dataDir;
    private final Thread stopOnExit;

    private HubProcess(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
        // Ctrl-C (SIGINT) runs the shutdown hooks: the hub must not outlive the benchmark.
        this.stopOnExit = new Thread(() -> {
            if (process.isAlive()) {
                System.err.println("benchmark: stopping the hub (pid " + process.pid() + ")");
            }
            stop();
        }, "benchmark-hub-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the hub.
     *
     * @param jar the hub's {@code quarkus-run.jar}
     * @param settings the ports and JVM options
     * @param log where the hub's output goes
     * @throws IllegalStateException when a port is taken
     */
    static HubProcess start(Path jar, BenchmarkSettings settings, Path log) throws IOException {
        for (int port : List.of(settings.httpsPort(), settings.kafkaPort(), settings.kafkaPort() + 1)) {
            requireFree(port);
        }
        Path dataDir = Files.createTempDirectory("throughgate-benchmark-");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.hubJavaOptions());
        command.add("-Dquarkus.profile=dev");
        command.add("-Dthroughgate.data-dir=" + dataDir);
        command.add("-Dquarkus.http.ssl-port=" + settings.httpsPort());
        command.add("-Dthroughgate.kafka.embedded.port=" + settings.kafkaPort());
        command.add("-Dthroughgate.kafka.embedded.controller-port=" + (settings.kafkaPort() + 1));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new HubProcess(process, dataDir);
    }

    /** The hub's process, for its processor time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // already in the hook
        }
    }

    private synchronized void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteTree(dataDir);
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use; choose others with --https-port and "
                    + "--kafka-port");
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
