package io.throughgate.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A child process the benchmark started, with its own temporary data folder: closing it stops the process
 * gracefully (SIGTERM, then SIGKILL after a grace period) and deletes the folder. Ctrl-C does the same, so that no
 * child outlives the benchmark.
 */
final class OwnedProcess implements AutoCloseable {

    private static final long STOP_GRACE_SECONDS = 30;

    private final Process process;
    private final Path dataDir;
    private final Thread stopOnExit;

    /**
     * @param what what the process is, for the message when Ctrl-C stops it
     * @param process the process
     * @param dataDir its data folder, deleted once it has stopped
     */
    OwnedProcess(String what, Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
        this.stopOnExit = new Thread(() -> {
            if (process.isAlive()) {
                System.err.println("benchmark: stopping the " + what + " (pid " + process.pid() + ")");
            }
            stop();
        }, "benchmark-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    Process process() {
        return process;
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

    static void deleteTree(Path folder) {
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
