package io.throughgate.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.throughgate.testing.KafkaBrokerTestResource;

/** The Kafka broker in a JVM of its own, on fixed ports and a data folder that survive a SIGKILL. */
final class FaultBroker implements AutoCloseable {

    private final int port = KafkaBrokerTestResource.freePort();
    private final ChildProcess process;

    FaultBroker(Path folder) {
        int controllerPort = KafkaBrokerTestResource.freePort();
        process = new ChildProcess("Kafka broker", List.of("-Xmx384m",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classPath(),
                FaultBrokerMain.class.getName(), folder.resolve("kafka").toAbsolutePath().toString(), String.valueOf(
                        port),
                String.valueOf(controllerPort)), Map.of(), folder.resolve("kafka.log"));
    }

    /** Starts (or restarts) the broker and waits until it answers clients. */
    void start() {
        process.start(() -> process.printedSinceStart(FaultBrokerMain.READY), Duration.ofSeconds(180));
    }

    /** Kills the broker with SIGKILL. */
    void kill() {
        process.kill();
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Kafka client settings for this broker. */
    Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /** The tests' class path: Surefire's full one, as its own JVM sees only a manifest jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    @Override
    public void close() {
        process.close();
    }
}
