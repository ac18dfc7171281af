package io.throughgate.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JVM the fault tests start, kill with SIGKILL and start again. Its output goes to a log file beside its data,
 * appended across restarts, so a failing run can be read afterwards.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private long logStart;

    /**
     * @param name what the process is, for messages
     * @param arguments the JVM's arguments after {@code java}
     * @param environment added to this process's environment
     * @param log where its output goes
     */
    ChildProcess(String name, List<String> arguments, Map<String, String> environment, Path log) {
        this.name = name;
        List<String> all = new ArrayList<>();
        all.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        all.addAll(arguments);
        this.command = List.copyOf(all);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /** Starts the process and waits until {@code ready} holds. */
    synchronized void start(BooleanSupplier ready, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            logStart = Files.size(log);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                    ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " exited with status " + process.exitValue()
                        + " while starting; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + name + " was not ready within " + timeout.toSeconds()
                        + " s; see " + log);
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** Kills the process with SIGKILL, as a power cut or the kernel's OOM killer would, and waits for it to go. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        // The JVM's own process: destroyForcibly sends SIGKILL on Linux, so no shutdown hook runs.
        process.toHandle().destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the " + name + " did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Whether the process printed this text since it was last started. */
    boolean printedSinceStart(String text) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8).contains(
                    text);
        } catch (IOException e) {
            return false;
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        kill();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
